import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { getEnv } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/db-availability";

type RequestContext = { requestId: string };

// Next.js bundles this module into several server chunks (instrumentation, routes,
// pages); the logger and the request context are kept on globalThis so every copy
// shares one of each per process.
const LOGGER: unique symbol = Symbol.for("pathwise.logger");
const CONTEXT: unique symbol = Symbol.for("pathwise.requestContext");
const globals = globalThis as { [LOGGER]?: Logger; [CONTEXT]?: AsyncLocalStorage<RequestContext> };

/** The process's JSON logger: one line per event on stdout, level from LOG_LEVEL. */
export function log(): Logger {
  globals[LOGGER] ??= pino({
    level: getEnv().LOG_LEVEL,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
  return globals[LOGGER];
}

function requestContext(): AsyncLocalStorage<RequestContext> {
  globals[CONTEXT] ??= new AsyncLocalStorage<RequestContext>();
  return globals[CONTEXT];
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The client's X-Request-Id when it is a plain token of 8–128 characters, else a new UUID. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Runs `fn` with the request id available to currentRequestId() in everything it awaits. */
export function runWithRequest<T>(requestId: string, fn: () => T): T {
  return requestContext().run({ requestId }, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestContext().getStore()?.requestId;
}

/** How an unexpected error is answered: 503 when the database is unreachable, else 500; never a stack trace. */
export type UnexpectedFailure = {
  status: 500 | 503;
  code: "INTERNAL" | "UNAVAILABLE";
  message: string;
  requestId: string;
};

/** Logs an error that is not an AppError with the request id, and says how to answer it. */
export function reportUnexpectedError(error: unknown): UnexpectedFailure {
  const requestId = currentRequestId() ?? randomUUID();
  const reference = requestId.slice(0, 8);
  if (isDatabaseUnavailable(error)) {
    log().warn({ reqId: requestId, err: error }, "database unavailable");
    return {
      status: 503,
      code: "UNAVAILABLE",
      requestId,
      message: `The service is briefly unavailable. Please try again in a moment (reference ${reference}).`,
    };
  }
  log().error({ reqId: requestId, err: error }, "unexpected error");
  return { status: 500, code: "INTERNAL", requestId, message: `Something went wrong (reference ${reference}).` };
}
