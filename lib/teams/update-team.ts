import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateTeamSchema } from "@/lib/validation/team";
import { msg } from "@/lib/i18n/error-text";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Renames a team and/or changes its address (OWNER, ADMIN); a taken address is a field error. */
export const updateTeam = defineOperation("team.update", updateTeamSchema, async (ctx, input) => {
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.update({
        where: { id: ctx.team.id },
        data: input,
        select: { id: true, name: true, slug: true },
      });
      await recordEvent(tx, actorOf(ctx), {
        kind: "team.updated",
        before: { name: ctx.team.name, slug: ctx.team.slug },
        after: input,
      });
      return team;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("VALIDATION", { fieldErrors: { slug: [msg("slugTaken")] } });
    }
    throw error;
  }
});
