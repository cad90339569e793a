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
