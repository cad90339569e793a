// npm run db:rollups -- --check | --rebuild: verifies or recomputes the maintained
// rollups (table PlanRollup) of DATABASE_URL, or of the embedded database, e.g.
// after restoring a backup. --check prints each (plan, dimension, key) whose sums
// differ from a recomputation from the tasks and exits 1 if there is any;
// --rebuild recomputes every plan's rows (task writes wait meanwhile).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { rebuildRollups, rollupDifferences } from "@/lib/progress/rollup-check";
import { StartupError } from "./lib/postgres";
import { scriptDatabase } from "./lib/pg-tools";

const MAX_SHOWN = 50;

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  const rebuild = process.argv.includes("--rebuild");
  if (check === rebuild) throw new StartupError("Usage: npm run db:rollups -- --check | --rebuild");
  const database = await scriptDatabase();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    if (rebuild) {
      const rows = await rebuildRollups(db);
      console.log(`Rebuilt the rollups of ${database.description}: ${rows} rows.`);
      return 0;
    }
    const differences = await rollupDifferences(db);
    if (differences.length === 0) {
      console.log(`The rollups of ${database.description} match their tasks.`);
      return 0;
    }
    console.log(`${differences.length} rollup(s) of ${database.description} differ from their tasks:`);
    console.log("plan\tdimension\tkey\tactual (tasks, Σ weight, Σ weight × completion %)\texpected");
    for (const d of differences.slice(0, MAX_SHOWN)) {
      const show = (s: typeof d.actual) => `${s.taskCount}, ${s.weightSum}, ${s.weighted}`;
      console.log(`${d.planId}\t${d.dimension}\t${d.key}\t${show(d.actual)}\t${show(d.expected)}`);
    }
    if (differences.length > MAX_SHOWN) console.log(`… and ${differences.length - MAX_SHOWN} more.`);
    console.log("Run `npm run db:rollups -- --rebuild` to recompute them.");
    return 1;
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

// Exits explicitly with the result's code (0 match or rebuilt, 1 differences or error).
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  },
);
