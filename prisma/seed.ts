// Seeds a migrated database: the catalog always (idempotent), the demo team when
// the database has no users yet and SEED_DEMO is not "0".
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { seedCatalog } from "./seed/catalog";
import { DEMO_TEAM, seedDemo } from "./seed/demo";

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    await seedCatalog(db);
    if (process.env.SEED_DEMO !== "0" && (await seedDemo(db))) {
      console.log(`Seeded the demo team "${DEMO_TEAM.name}".`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
