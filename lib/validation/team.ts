import { z } from "zod";
import { msg } from "@/lib/i18n/error-text";
import { textSchema } from "@/lib/validation/common";

/** Lower-case letters, digits and single dashes, 2–48 characters. */
export const slugSchema = textSchema
  .trim()
  .toLowerCase()
  .min(2, msg("tooShort", { min: 2 }))
  .max(48, msg("tooLong", { max: 48 }))
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, msg("slugFormat"));

export const teamNameSchema = textSchema
  .trim()
  .min(1, msg("teamNameRequired"))
  .max(100, msg("tooLong", { max: 100 }));

export const createTeamSchema = z.object({
  name: teamNameSchema,
  slug: slugSchema.optional(),
});
export type CreateTeamInput = z.input<typeof createTeamSchema>;

/** A URL slug derived from a team name; names without Latin letters or digits get "team". */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 2 ? base : "team";
}

export const updateTeamSchema = z.object({ name: teamNameSchema, slug: slugSchema });
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;

/** Deleting a team is confirmed by typing its name. */
export const deleteTeamSchema = z.object({ confirmName: textSchema.max(200) });
export type DeleteTeamInput = z.input<typeof deleteTeamSchema>;

export const emptySchema = z.object({}).strict();
