import { z } from "zod";
import { indicatorsForDilemma } from "@/lib/catalog/catalog";
import { DILEMMA_CODES } from "@/lib/catalog/types";
import { dateSchema, idSchema, optionalDateSchema, textSchema, toDateInput } from "@/lib/validation/common";
import { msg } from "@/lib/i18n/error-text";

export const DIRECTIONS = ["UP", "DOWN"] as const;

const NUMBER = /^[+-]?\d+(\.\d+)?$/;
// The columns are DECIMAL(18, 4): a value that would be rounded on save is refused instead.
const DECIMAL = /^[+-]?\d{1,14}(\.\d{1,4})?$/;

/** A measured value as typed ("12.5") or sent (12.5): at most 14 digits before and 4 after the point. */
export const decimalSchema = z
  .union([z.number(), textSchema], { error: msg("numberRequired") })
  .superRefine((value, ctx) => {
    const text = typeof value === "number" ? String(value) : value.trim();
    if (!NUMBER.test(text)) ctx.addIssue({ code: "custom", message: msg("numberRequired") });
    else if (!DECIMAL.test(text)) ctx.addIssue({ code: "custom", message: msg("decimalPrecision") });
  })
  .transform((value) => Number(value));

/** The latest calendar day anywhere on Earth (UTC+14): a reading dated after it is in the future for everyone. */
function latestToday(now = Date.now()): string {
  return new Date(now + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

// A cross-field check runs only when its fields (and the object itself) parsed.
const fieldsOk = (fields: readonly string[]) => (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
  payload.issues.every((issue) => issue.path?.length && !fields.includes(String(issue.path[0])));

/** A new indicator of a plan: a catalog suggestion of its dilemma (name, unit and direction prefilled, still editable) or a custom one. */
export const createIndicatorSchema = z
  .object({
    planId: idSchema,
    dilemmaCode: z.enum(DILEMMA_CODES, { error: msg("dilemmaChoose") }),
    suggestedKey: z.union([z.literal("").transform(() => null), z.null(), textSchema.max(16)]).optional(),
    name: textSchema
      .trim()
      .min(1, msg("indicatorNameRequired"))
      .max(200, msg("tooLong", { max: 200 })),
    unit: textSchema
      .trim()
      .min(1, msg("unitRequired"))
      .max(20, msg("tooLong", { max: 20 })),
    direction: z.enum(DIRECTIONS, { error: msg("directionRequired") }),
    baseline: decimalSchema,
    target: decimalSchema,
    targetDate: optionalDateSchema.optional(),
  })
  .refine((v) => !v.suggestedKey || indicatorsForDilemma(v.dilemmaCode).some((i) => i.key === v.suggestedKey), {
    path: ["suggestedKey"],
    message: msg("suggestionInvalid"),
    when: fieldsOk(["dilemmaCode", "suggestedKey"]),
  })
  .refine((v) => v.target !== v.baseline, {
    path: ["target"],
    message: msg("targetEqualsBaseline"),
    when: fieldsOk(["baseline", "target"]),
  });
export type CreateIndicatorInput = z.input<typeof createIndicatorSchema>;

/** A dated reading of an indicator; no date after today. */
export const addReadingSchema = z.object({
  indicatorId: idSchema,
  value: decimalSchema,
  recordedOn: dateSchema.refine((day) => toDateInput(day) <= latestToday(), msg("readingInFuture")),
  note: textSchema
    .trim()
    .max(1000, msg("tooLong", { max: 1000 }))
    .default(""),
});
export type AddReadingInput = z.input<typeof addReadingSchema>;

export const deleteIndicatorSchema = z.object({ indicatorId: idSchema });
export type DeleteIndicatorInput = z.input<typeof deleteIndicatorSchema>;

const indicatorShape = createIndicatorSchema.shape;

/** An indicator's editable fields (its dilemma and catalog suggestion stay as created). */
export const updateIndicatorSchema = z
  .object({
    indicatorId: idSchema,
    name: indicatorShape.name,
    unit: indicatorShape.unit,
    direction: indicatorShape.direction,
    baseline: indicatorShape.baseline,
    target: indicatorShape.target,
    targetDate: indicatorShape.targetDate,
  })
  .refine((v) => v.target !== v.baseline, {
    path: ["target"],
    message: msg("targetEqualsBaseline"),
    when: fieldsOk(["baseline", "target"]),
  });
export type UpdateIndicatorInput = z.input<typeof updateIndicatorSchema>;

/** A correction of a reading: its value, day and note as they should have been. */
export const correctReadingSchema = addReadingSchema.extend({ readingId: idSchema });
export type CorrectReadingInput = z.input<typeof correctReadingSchema>;

export const deleteReadingSchema = z.object({ indicatorId: idSchema, readingId: idSchema });
