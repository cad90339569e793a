import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";

function createClient() {
  const env = getEnv();
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: 3000,
    // The dashboards' grouped queries are short; PostgreSQL's JIT compiler costs
    // them more (about half a second per query on a 5,000-task plan) than it saves.
    options: "-c jit=off",
  });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { pathwiseDb?: Db };

/** The Prisma client, one per process; secrets (password and token hashes) are omitted unless asked for. */
export const db: Db = globalForDb.pathwiseDb ?? createClient();
if (getEnv().NODE_ENV !== "production") globalForDb.pathwiseDb = db;
