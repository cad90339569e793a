import { z } from "zod";
import { msg } from "@/lib/i18n/error-text";
import { idSchema, textSchema } from "@/lib/validation/common";

export const SAVED_VIEW_NAME_MAX = 80;

/** A view's name: 1–80 characters once trimmed. */
export const savedViewNameSchema = textSchema
  .trim()
  .min(1, msg("viewNameRequired"))
  .max(SAVED_VIEW_NAME_MAX, msg("tooLong", { max: SAVED_VIEW_NAME_MAX }));

/** A new view of a plan: its name, the page's query (normalised on save) and whether the team sees it. */
export const createSavedViewSchema = z.object({
  planId: idSchema,
  name: savedViewNameSchema,
  query: textSchema.max(2000, msg("tooLong", { max: 2000 })),
  shared: z.boolean().default(false),
});
export type CreateSavedViewInput = z.input<typeof createSavedViewSchema>;

export const renameSavedViewSchema = z.object({ viewId: idSchema, name: savedViewNameSchema });
export type RenameSavedViewInput = z.input<typeof renameSavedViewSchema>;

export const savedViewIdSchema = z.object({ viewId: idSchema });

export const planIdSchema = z.object({ planId: idSchema });
