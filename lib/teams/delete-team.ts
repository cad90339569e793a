import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteTeamSchema } from "@/lib/validation/team";
import { msg } from "@/lib/i18n/error-text";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Deletes a team with its plans, tasks and history (OWNER only), confirmed by typing its exact name. */
export const deleteTeam = defineOperation("team.delete", deleteTeamSchema, async (ctx, input) => {
  if (input.confirmName.trim() !== ctx.team.name.trim()) {
    throw new AppError("VALIDATION", { fieldErrors: { confirmName: [msg("confirmNameMismatch")] } });
  }
  await db.$transaction(async (tx) => {
    await tx.team.delete({ where: { id: ctx.team.id } });
    await recordEvent(tx, actorOf(ctx), {
      kind: "team.deleted",
      before: { name: ctx.team.name, slug: ctx.team.slug },
    });
  });
  return { id: ctx.team.id };
});
