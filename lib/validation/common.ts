import { z } from "zod";
import { msg } from "@/lib/i18n/error-text";

/** A calendar date as "YYYY-MM-DD", parsed to UTC midnight. */
export const dateSchema = z
  .string({ error: msg("dateRequired") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: msg("dateFormat"), abort: true })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    msg("dateInvalid"),
  )
  .transform((v) => new Date(`${v}T00:00:00Z`));

/** An optional date: "" or null means none. */
export const optionalDateSchema = z.union([z.literal("").transform(() => null), z.null(), dateSchema]);

export const idSchema = z.string().min(1).max(64);
export const versionSchema = z.coerce.number().int().min(1);

/** A title: 1–200 characters after trimming. */
export const titleSchema = z
  .string()
  .trim()
  .min(1, msg("titleRequired"))
  .max(200, msg("tooLong", { max: 200 }));
export const descriptionSchema = z
  .string()
  .max(10_000, msg("tooLong", { max: 10_000 }))
  .default("");

/** A date as "YYYY-MM-DD" for forms and URLs. */
export function toDateInput(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
