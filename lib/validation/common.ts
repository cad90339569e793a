import { z } from "zod";
import { msg } from "@/lib/i18n/error-text";

/**
 * Whether a text can be stored and shown as sent: no NUL character (PostgreSQL
 * refuses it in text and JSON) and no lone UTF-16 surrogate (not a character;
 * JSON columns refuse it). Right-to-left scripts, emoji and other Unicode are fine.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/** Every text input's base: a string of storable characters (see isStorableText), else "textInvalidCharacters". */
export const textSchema = z.string().refine(isStorableText, msg("textInvalidCharacters"));

/** The earliest and latest calendar day the app accepts anywhere (plans, tasks, readings, ?at=). */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2200-12-31";

const isRealDay = (v: string) =>
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A calendar date as the string "YYYY-MM-DD": a real day between MIN_DATE and MAX_DATE. */
export const dateTextSchema = z
  .string({ error: msg("dateRequired") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: msg("dateFormat"), abort: true })
  .refine(isRealDay, msg("dateInvalid"))
  .refine((v) => !isRealDay(v) || (v >= MIN_DATE && v <= MAX_DATE), msg("dateRange", { min: MIN_DATE, max: MAX_DATE }));

/** A calendar date as "YYYY-MM-DD", parsed to UTC midnight. */
export const dateSchema = dateTextSchema.transform((v) => new Date(`${v}T00:00:00Z`));

/** What an optional date accepts as text: "YYYY-MM-DD", or "" for none (the API document shows it so). */
export const optionalDateText = z.string({ error: msg("dateFormat") });

/** An optional date: "" or null means none (a wrong date gets the date's own message). */
export const optionalDateSchema = optionalDateText
  .nullable()
  .transform((v) => v || null)
  .pipe(dateSchema.nullable());

/** The id of a row (in a path, a body or a form): 1–64 storable characters. */
export const idSchema = textSchema.min(1).max(64);

/** An optional reference to a row (e.g. an assignee): null, or "" from a form's "none" option, means none. */
export const nullableIdSchema = textSchema
  .max(64)
  .nullable()
  .transform((v) => v || null);

/** A row version (an int4 column): a whole number from 1. */
export const versionSchema = z.coerce.number().int().min(1).max(2_147_483_647);

/** A title: 1–200 characters after trimming. */
export const titleSchema = textSchema
  .trim()
  .min(1, msg("titleRequired"))
  .max(200, msg("tooLong", { max: 200 }));
export const descriptionSchema = textSchema.max(10_000, msg("tooLong", { max: 10_000 })).default("");

/** A date as "YYYY-MM-DD" for forms and URLs. */
export function toDateInput(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
