import "server-only";
import { createTranslator } from "next-intl";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { type ErrorTranslator, translateErrorText, translateFieldErrors } from "@/lib/i18n/error-text";
import { loadMessages } from "@/lib/i18n/messages";
import { reportUnexpectedError } from "@/lib/log";

/** A translator of messages/<locale>/errors.json, usable outside React (actions, route handlers, tests). */
export function errorTranslator(locale: Locale): ErrorTranslator {
  const messages = loadMessages(locale) as Parameters<typeof createTranslator>[0]["messages"];
  return createTranslator({ locale, messages, namespace: "errors" });
}

export type LocalizedError = {
  code: AppErrorCode | "INTERNAL" | "UNAVAILABLE";
  message: string;
  fieldErrors?: Record<string, string[]>;
};

/**
 * Any thrown error in the reader's language: an AppError's message key (or its
 * code's default) and every field error translated; a database outage becomes
 * UNAVAILABLE, anything else INTERNAL, both logged with the request id, which
 * the message gives as its reference.
 */
export function localizeError(error: unknown, locale: Locale): LocalizedError {
  const t = errorTranslator(locale);
  const loose = t as unknown as (key: string, values?: Record<string, string>) => string;
  if (error instanceof AppError) {
    const message = error.userMessage ? translateErrorText(t, error.userMessage) : loose(`code.${error.code}`);
    return { code: error.code, message, fieldErrors: translateFieldErrors(t, error.fieldErrors) };
  }
  const failure = reportUnexpectedError(error);
  return { code: failure.code, message: loose(`code.${failure.code}`, { reference: failure.requestId.slice(0, 8) }) };
}
