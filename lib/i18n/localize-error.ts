import "server-only";
import { createTranslator } from "next-intl";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { type ErrorTranslator, translateErrorText, translateFieldErrors } from "@/lib/i18n/error-text";
import { loadMessages } from "@/lib/i18n/messages";

/** A translator of messages/<locale>/errors.json, usable outside React (actions, route handlers, tests). */
export function errorTranslator(locale: Locale): ErrorTranslator {
  const messages = loadMessages(locale) as Parameters<typeof createTranslator>[0]["messages"];
  return createTranslator({ locale, messages, namespace: "errors" }) as unknown as ErrorTranslator;
}

export type LocalizedError = { code: AppErrorCode | "INTERNAL"; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Any thrown error in the reader's language: an AppError's message key (or its
 * code's default) and every field error translated; anything else becomes
 * INTERNAL with a reference that is logged with the original message.
 */
export function localizeError(error: unknown, locale: Locale): LocalizedError {
  const t = errorTranslator(locale);
  const loose = t as unknown as (key: string, values?: Record<string, string>) => string;
  if (error instanceof AppError) {
    const message = error.userMessage ? translateErrorText(t, error.userMessage) : loose(`code.${error.code}`);
    return { code: error.code, message, fieldErrors: translateFieldErrors(t, error.fieldErrors) };
  }
  const id = crypto.randomUUID();
  console.error(JSON.stringify({ level: "error", id, message: error instanceof Error ? error.message : String(error) }));
  return { code: "INTERNAL", message: loose("code.INTERNAL", { reference: id.slice(0, 8) }) };
}
