import "server-only";
import PgBoss from "pg-boss";
import type { Prisma } from "@/generated/prisma/client";

/**
 * A kind of background job: its queue name, what it does, how it retries and,
 * for recurring work, its cron schedule. A handler throws to fail the attempt;
 * pg-boss then retries it (with exponential backoff when `retryBackoff`) until
 * `retryLimit` is used up.
 */
export type JobDefinition<T extends object = object> = {
  name: string;
  handler: (data: T, job: PgBoss.Job<T>) => Promise<void>;
  retryLimit?: number;
  /** Seconds before the first retry (doubled each time with retryBackoff). */
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** Cron expression (5 fields, UTC unless tz) for work that recurs; one instance runs each tick. */
  schedule?: { cron: string; tz?: string; data?: T };
  /** How many jobs one poll takes (each is handled in turn). */
  batchSize?: number;
};

// Defined with a wide data type so lists of definitions mix kinds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

export type JobRunnerOptions = {
  connectionString: string;
  definitions: readonly AnyJobDefinition[];
  /** Take jobs from the queues (every app instance does); false only sends. */
  work?: boolean;
  /** Seconds between polls when a queue is empty (pg-boss's default is 2). */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
};

/** A started pg-boss with the app's queues created, workers attached and schedules kept. */
export type JobRunner = {
  boss: PgBoss;
  send: <T extends object>(name: string, data: T, options?: PgBoss.SendOptions) => Promise<string | null>;
  stop: (options?: { timeoutMs?: number }) => Promise<void>;
};

/**
 * Starts pg-boss on the app's database (its tables live in the `pgboss` schema,
 * created or upgraded on the first start under an advisory lock, so several
 * instances may start at once). Every instance that works takes jobs: pg-boss
 * hands each job to exactly one of them (SELECT … FOR UPDATE SKIP LOCKED), and a
 * cron schedule fires once per tick across all of them.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    max: 4,
    application_name: `pathwise-jobs:${process.pid}`,
    // Let a stopped worker's schedules be checked often enough to fire on time.
    cronMonitorIntervalSeconds: 30,
  });
  if (options.onError) boss.on("error", options.onError);
  await boss.start();
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  for (const definition of options.definitions) {
    await boss.createQueue(definition.name, {
      name: definition.name,
      retryLimit: definition.retryLimit ?? 5,
      retryDelay: definition.retryDelay ?? 30,
      retryBackoff: definition.retryBackoff ?? true,
      expireInSeconds: definition.expireInSeconds ?? 15 * 60,
    });
    if (definition.schedule) {
      await boss.schedule(definition.name, definition.schedule.cron, (definition.schedule.data ?? {}) as object, {
        tz: definition.schedule.tz ?? "UTC",
      });
    }
  }
  if (options.work !== false) {
    for (const definition of options.definitions) {
      await boss.work<object>(
        definition.name,
        { batchSize: definition.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          // pg-boss marks the whole batch failed when the handler throws; one at a time keeps that honest.
          for (const job of jobs) await definition.handler(job.data, job);
        },
      );
    }
  }
  return {
    boss,
    send: async (name, data, sendOptions) => {
      if (!byName.has(name)) throw new Error(`Unknown job queue "${name}"`);
      return boss.send(name, data, sendOptions ?? {});
    },
    stop: ({ timeoutMs = 10_000 } = {}) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}

/**
 * pg-boss's database hook for a Prisma interactive transaction: a job sent with
 * `{ db: jobDbOf(tx) }` is inserted in that transaction, so it exists exactly
 * when the change that asked for it commits.
 */
export function jobDbOf(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...(values as unknown[])) }),
  };
}
