import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateTeamSchema } from "@/lib/validation/team";
import { msg } from "@/lib/i18n/error-text";

/** Renames a team and/or changes its address (OWNER, ADMIN); a taken address is a field error. */
export const updateTeam = defineOperation("team.update", updateTeamSchema, async (ctx, input) => {
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.update({
        where: { id: ctx.team.id },
        data: input,
        select: { id: true, name: true, slug: true },
      });
      await tx.activityEvent.create({
        data: {
          teamId: ctx.team.id,
          actorId: ctx.userId,
          kind: "team.updated",
          entityType: "team",
          entityId: ctx.team.id,
          before: { name: ctx.team.name, slug: ctx.team.slug },
          after: input,
          ip: ctx.ip,
        },
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
