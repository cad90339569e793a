import "server-only";
import type PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { backupJob, restoreCheckJob } from "./backups";
import { weeklyDigestJob } from "@/lib/digest/mail";
import { dueTasksJob } from "@/lib/notifications/due";
import { noticeMailJob } from "@/lib/notifications/mail";
import { webhookDeliveryJob } from "@/lib/webhooks/deliver";
import { housekeepingJob } from "./housekeeping";
import { startJobRunner, type AnyJobDefinition, type JobRunner } from "./runner";

export { jobDbOf } from "./runner";

/** Every kind of background job the app has; a new kind is added here. */
export const JOB_DEFINITIONS: readonly AnyJobDefinition[] = [
  housekeepingJob,
  backupJob,
  restoreCheckJob,
  dueTasksJob,
  noticeMailJob,
  webhookDeliveryJob,
  weeklyDigestJob,
];

// One runner per process, shared by every chunk Next.js bundles this module into.
const RUNNER: unique symbol = Symbol.for("pathwise.jobs");
const globals = globalThis as { [RUNNER]?: Promise<JobRunner> };

function start(work: boolean): Promise<JobRunner> {
  const runner = startJobRunner({
    connectionString: getEnv().DATABASE_URL,
    definitions: JOB_DEFINITIONS,
    work,
    onError: (error) => log().error({ err: error }, "background jobs: error"),
  });
  runner.catch(() => {
    if (globals[RUNNER] === runner) delete globals[RUNNER];
  });
  return runner;
}

/**
 * Starts this instance's workers (from instrumentation.ts, once per server
 * process). Every instance is a worker; each job still runs on one of them.
 */
export async function startAppJobs(): Promise<void> {
  globals[RUNNER] ??= start(true);
  await globals[RUNNER];
  log().info({ queues: JOB_DEFINITIONS.map((d) => d.name) }, "background jobs: started");
}

const RETRY_START_MS = 30_000;

/** startAppJobs that keeps trying every 30 s while the database cannot be reached (the app serves meanwhile). */
export function startAppJobsInBackground(): void {
  startAppJobs().catch((error: unknown) => {
    log().error({ err: error, retryInMs: RETRY_START_MS }, "background jobs: could not start");
    setTimeout(startAppJobsInBackground, RETRY_START_MS).unref();
  });
}

/**
 * Queues a job. In a process that has not started workers (a script, a test),
 * a send-only runner starts on first use. Pass `{ id }` (a UUID) to make the
 * send idempotent: a second send with the same id is ignored and returns null.
 */
export async function sendJob<T extends object>(
  name: string,
  data: T,
  options?: PgBoss.SendOptions,
): Promise<string | null> {
  globals[RUNNER] ??= start(false);
  return (await globals[RUNNER]).send(name, data, options);
}

/** Stops taking jobs, lets running ones finish (up to 10 s) and closes pg-boss's connections. */
export async function stopAppJobs(): Promise<void> {
  const runner = globals[RUNNER];
  if (!runner) return;
  delete globals[RUNNER];
  await (await runner).stop();
}
