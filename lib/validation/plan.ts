import { z } from "zod";
import { getTemplate } from "@/lib/catalog/catalog";
import { AREA_CODES } from "@/lib/catalog/types";
import {
  dateSchema,
  descriptionSchema,
  idSchema,
  nullableIdSchema,
  textSchema,
  titleSchema,
  versionSchema,
} from "@/lib/validation/common";
import { msg } from "@/lib/i18n/error-text";

export const PLAN_STATUSES = ["DRAFT", "ACTIVE", "COMPLETED", "ARCHIVED"] as const;
export type PlanStatusValue = (typeof PLAN_STATUSES)[number];

/** Lifecycle moves a plan may make: DRAFT → ACTIVE → COMPLETED → ARCHIVED, and back from ARCHIVED or COMPLETED to ACTIVE. */
export const PLAN_TRANSITIONS: Record<PlanStatusValue, readonly PlanStatusValue[]> = {
  DRAFT: ["ACTIVE", "ARCHIVED"],
  ACTIVE: ["COMPLETED", "ARCHIVED"],
  COMPLETED: ["ACTIVE", "ARCHIVED"],
  ARCHIVED: ["ACTIVE"],
};

const templateKeySchema = textSchema.refine((key) => Boolean(getTemplate(key)), msg("templateUnknown"));

const planFields = {
  title: titleSchema,
  description: descriptionSchema,
  startDate: dateSchema,
  targetDate: dateSchema,
};

function datesOrdered(v: { startDate: Date; targetDate: Date }, ctx: z.RefinementCtx) {
  if (v.targetDate < v.startDate)
    ctx.addIssue({ code: "custom", path: ["targetDate"], message: msg("targetBeforeStart") });
}

/** The plan wizard's input: details, chosen templates and an optional default assignee per area. */
export const createPlanSchema = z
  .object({
    ...planFields,
    templateKeys: z
      .array(templateKeySchema)
      .max(100)
      .default([])
      .transform((keys) => [...new Set(keys)]),
    defaultAssignees: z.partialRecord(z.enum(AREA_CODES), nullableIdSchema).default({}),
    status: z.enum(["DRAFT", "ACTIVE"]).default("DRAFT"),
  })
  .superRefine(datesOrdered);
export type CreatePlanInput = z.input<typeof createPlanSchema>;

export const updatePlanSchema = z
  .object({ planId: idSchema, version: versionSchema, ...planFields })
  .superRefine(datesOrdered);
export type UpdatePlanInput = z.input<typeof updatePlanSchema>;

export const setPlanStatusSchema = z.object({ planId: idSchema, status: z.enum(PLAN_STATUSES) });
export const planIdSchema = z.object({ planId: idSchema });
export const deletePlanSchema = z.object({ planId: idSchema, confirmTitle: textSchema.max(300) });

/** Adding templates to an existing plan; duplicates are refused with a warning unless confirmed. */
export const addTemplatesSchema = z.object({
  planId: idSchema,
  templateKeys: z
    .array(templateKeySchema)
    .min(1, msg("templatesRequired"))
    .max(100)
    .transform((keys) => [...new Set(keys)]),
  allowDuplicates: z.boolean().default(false),
});
