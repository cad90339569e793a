import "server-only";
import { NextResponse } from "next/server";
import { AppError, httpStatus } from "@/lib/errors";
import { reportUnexpectedError } from "@/lib/log";

/** What an AppError may carry for its HTTP response (in `details`). */
type HttpDetails = {
  /** The current record on a CONFLICT, sent as `error.current`. */
  current?: unknown;
  /** Seconds until a RATE_LIMITED request may be retried (the Retry-After header). */
  retryAfterSeconds?: number;
  /** The WWW-Authenticate challenge of an UNAUTHENTICATED request. */
  authenticate?: string;
};

function httpDetails(details: unknown): HttpDetails {
  return details && typeof details === "object" ? (details as HttpDetails) : {};
}

/**
 * JSON error body `{ error: { code, message, fields?, current? } }` with its HTTP
 * status; RATE_LIMITED carries Retry-After, UNAUTHENTICATED a WWW-Authenticate
 * challenge when the error names one. A database outage is a 503 with Retry-After;
 * anything else a 500 with the request id as its reference, logged.
 */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const details = httpDetails(error.details);
    const headers = new Headers({ "Cache-Control": "no-store" });
    if (error.code === "RATE_LIMITED" && details.retryAfterSeconds !== undefined) headers.set("Retry-After", String(details.retryAfterSeconds));
    if (error.code === "UNAUTHENTICATED" && details.authenticate) headers.set("WWW-Authenticate", details.authenticate);
    const body = {
      code: error.code,
      message: error.userMessage,
      ...(error.fieldErrors ? { fields: error.fieldErrors } : {}),
      ...(error.code === "CONFLICT" && details.current !== undefined ? { current: details.current } : {}),
    };
    return NextResponse.json({ error: body }, { status: httpStatus[error.code], headers });
  }
  const failure = reportUnexpectedError(error);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (failure.status === 503) headers.set("Retry-After", "5");
  return NextResponse.json({ error: { code: failure.code, message: failure.message } }, { status: failure.status, headers });
}
