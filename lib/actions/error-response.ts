import "server-only";
import { NextResponse } from "next/server";
import { AppError, httpStatus } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { localizeError } from "@/lib/i18n/localize-error";
import { resolveLocale } from "@/lib/i18n/request";

/** What an AppError may carry for its HTTP response (in `details`). */
type HttpDetails = {
  /** The current record on a CONFLICT, sent as `error.current`. */
  current?: unknown;
  /** Seconds until a RATE_LIMITED request may be retried (the Retry-After header). */
  retryAfterSeconds?: number;
  /** The WWW-Authenticate challenge of an UNAUTHENTICATED request. */
  authenticate?: string;
  /** The methods a path takes, for the Allow header of a METHOD_NOT_ALLOWED answer. */
  allow?: string;
};

function httpDetails(details: unknown): HttpDetails {
  return details && typeof details === "object" ? details : {};
}

/**
 * JSON error body `{ error: { code, message, fields?, current? } }` with its HTTP
 * status; `message` and every text of `fields` are in the request's language (or
 * `locale`). RATE_LIMITED carries Retry-After, UNAUTHENTICATED a WWW-Authenticate
 * challenge when the error names one, METHOD_NOT_ALLOWED an Allow header. A
 * database outage is a 503 with Retry-After; anything else a 500 with the
 * request id as its reference, logged.
 */
export async function errorResponse(error: unknown, locale?: Locale): Promise<NextResponse> {
  const { code, message, fieldErrors } = localizeError(
    error,
    locale ?? (await resolveLocale().catch(() => DEFAULT_LOCALE)),
  );
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (code === "UNAVAILABLE") headers.set("Retry-After", "5");
  if (code === "INTERNAL" || code === "UNAVAILABLE")
    return NextResponse.json({ error: { code, message } }, { status: code === "INTERNAL" ? 500 : 503, headers });
  const details = error instanceof AppError ? httpDetails(error.details) : {};
  if (code === "RATE_LIMITED" && details.retryAfterSeconds !== undefined)
    headers.set("Retry-After", String(details.retryAfterSeconds));
  if (code === "UNAUTHENTICATED" && details.authenticate) headers.set("WWW-Authenticate", details.authenticate);
  if (code === "METHOD_NOT_ALLOWED" && details.allow) headers.set("Allow", details.allow);
  const body = {
    code,
    message,
    ...(fieldErrors ? { fields: fieldErrors } : {}),
    ...(code === "CONFLICT" && details.current !== undefined ? { current: details.current } : {}),
  };
  return NextResponse.json({ error: body }, { status: httpStatus[code], headers });
}
