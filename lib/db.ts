import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// pg's connectionTimeoutMillis bounds both opening a connection and waiting for a
// free one in a full pool. Opening one gets its own, shorter limit, so an outage
// fails fast while a busy pool still queues for up to DATABASE_POOL_TIMEOUT_MS.
function clientWithConnectTimeout(timeoutMs: number) {
  return class extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: timeoutMs });
    }
  };
}

function createClient(connectionString: string) {
  const env = getEnv();
  const adapter = new PrismaPg(
    {
      connectionString,
      max: env.DATABASE_POOL_MAX,
      connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
      // When PostgreSQL is down, opening a connection fails within this limit and the request gets a 503.
      Client: clientWithConnectTimeout(env.DATABASE_CONNECT_TIMEOUT_MS),
      idleTimeoutMillis: env.DATABASE_IDLE_TIMEOUT_MS,
      application_name: `pathwise:${process.pid}`,
      // The dashboards' grouped queries are short; PostgreSQL's JIT compiler costs
      // them more (about half a second per query on a 5,000-task plan) than it saves.
      options: "-c jit=off",
    },
    {
      // A pooled connection that dies (database restart) is dropped from the pool; the next query opens a new one.
      onPoolError: (error) => log().warn({ err: error }, "database connection lost"),
    },
  );
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true },
      apiToken: { tokenHash: true },
      pendingSignUp: { passwordHash: true },
      webhookEndpoint: { secret: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;

// Kept on globalThis in every environment: one pool per process even when Next.js
// bundles this module into several chunks, and the shutdown hook can close it.
const globalForDb = globalThis as unknown as { pathwiseDb?: Db; pathwiseDbRead?: Db };

/** The Prisma client, one per process; secrets (password and token hashes) are omitted unless asked for. */
export const db: Db = (globalForDb.pathwiseDb ??= createClient(getEnv().DATABASE_URL));

const readUrl = getEnv().DATABASE_READ_URL;

/**
 * The client for dashboard aggregates, which tolerate a replica's lag of a moment:
 * a read replica when DATABASE_READ_URL is set (its own pool of the same size), else `db`.
 */
export const dbRead: Db = readUrl ? (globalForDb.pathwiseDbRead ??= createClient(readUrl)) : db;

/** Closes the connection pools this process opened (graceful shutdown). */
export async function closeDb(): Promise<void> {
  await Promise.all([globalForDb.pathwiseDb?.$disconnect(), globalForDb.pathwiseDbRead?.$disconnect()]);
}
