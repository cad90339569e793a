import "server-only";
import { closeDb } from "@/lib/db";
import { stopAppJobs } from "@/lib/jobs";
import { closeLiveListener } from "@/lib/live/listener";
import { log } from "@/lib/log";

const STATE: unique symbol = Symbol.for("pathwise.shutdown");
const globals = globalThis as { [STATE]?: { isShuttingDown: boolean } };

// Longer than any request should take; platforms usually allow 30 s before SIGKILL.
const DRAIN_LIMIT_MS = 25_000;
// The exit codes `next start` uses after a clean SIGINT / SIGTERM shutdown.
const SIGNAL_EXIT_CODES = new Set([130, 143]);

/** Whether this process has been told to stop (readiness then answers 503). */
export function isShuttingDown(): boolean {
  return globals[STATE]?.isShuttingDown ?? false;
}

/**
 * Graceful shutdown for `next start`. On SIGTERM or SIGINT, Next.js itself stops
 * accepting connections, lets in-flight requests finish and then calls
 * process.exit. This hook marks the process as shutting down (so the health
 * endpoint takes it out of a load balancer), and holds that final exit until
 * background jobs have stopped (running ones finish) and the database pool is
 * closed; a clean stop then exits 0. A drain that takes longer than 25 s is cut
 * short with exit code 1.
 */
export function installShutdown(): void {
  if (globals[STATE]) return;
  globals[STATE] = { isShuttingDown: false };
  const begin = (signal: NodeJS.Signals) => {
    const state = globals[STATE];
    if (!state || state.isShuttingDown) return;
    state.isShuttingDown = true;
    log().info({ signal }, "shutdown: finishing in-flight requests");
    // Open live event streams never finish by themselves: end them so the drain can (browsers reconnect elsewhere).
    void closeLiveListener();
    const exit = process.exit.bind(process);
    setTimeout(() => {
      log().error({ limitMs: DRAIN_LIMIT_MS }, "shutdown: in-flight requests did not finish in time");
      exit(1);
    }, DRAIN_LIMIT_MS).unref();
    let isExiting = false;
    process.exit = (code?: number | string | null) => {
      if (isExiting) return undefined as never;
      isExiting = true;
      const isClean = code === undefined || code === null || SIGNAL_EXIT_CODES.has(Number(code));
      stopAppJobs()
        .catch((error: unknown) => log().error({ err: error }, "shutdown: stopping background jobs failed"))
        .then(closeDb)
        .then(() => {
          log().info("shutdown: database pool closed, exiting");
          exit(isClean ? 0 : Number(code));
        })
        .catch((error: unknown) => {
          log().error({ err: error }, "shutdown: closing the database pool failed");
          exit(1);
        });
      return undefined as never;
    };
  };
  process.once("SIGTERM", begin);
  process.once("SIGINT", begin);
}
