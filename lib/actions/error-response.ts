import "server-only";
import { NextResponse } from "next/server";
import { AppError, httpStatus } from "@/lib/errors";

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
 * challenge when the error names one. Anything else is a 500 with a reference.
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
  const id = crypto.randomUUID();
  console.error(JSON.stringify({ level: "error", id, message: error instanceof Error ? error.message : String(error) }));
  return NextResponse.json({ error: { code: "INTERNAL", message: `Something went wrong (reference ${id.slice(0, 8)}).` } }, { status: 500 });
}
