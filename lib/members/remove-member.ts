import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { defineOperation } from "@/lib/actions/operation";
import type { TeamContext } from "@/lib/server/team-context";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertAnotherOwner } from "@/lib/members/owner-guard";
import { unassignTasksOf } from "@/lib/members/unassign-tasks";
import { emptySchema } from "@/lib/validation/team";
import { membershipIdSchema } from "@/lib/validation/member";
import { msg } from "@/lib/i18n/error-text";
import { actorOf, recordEvent } from "@/lib/events/record";

async function removeMembership(
  tx: Prisma.TransactionClient,
  ctx: TeamContext,
  target: { id: string; role: Role; userId: string },
  kind: "member.removed" | "member.left",
) {
  if (target.role === "OWNER") await assertAnotherOwner(tx, { teamId: ctx.team.id, membershipId: target.id });
  await tx.membership.delete({ where: { id: target.id } });
  await unassignTasksOf(tx, { teamId: ctx.team.id, userId: target.userId, actorId: ctx.userId });
  await tx.taskFollower.deleteMany({ where: { teamId: ctx.team.id, userId: target.userId } });
  await recordEvent(tx, actorOf(ctx), {
    kind,
    membershipId: target.id,
    before: { userId: target.userId, role: target.role },
  });
}

/** Removes another member (OWNER, ADMIN; only OWNERs remove OWNERs); their tasks become unassigned. */
export const removeMember = defineOperation("members.manage", membershipIdSchema, async (ctx, input) => {
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, teamId: ctx.team.id },
      select: { id: true, role: true, userId: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    if (target.userId === ctx.userId) throw new AppError("VALIDATION", { userMessage: msg("leaveInsteadOfRemove") });
    if (target.role === "OWNER" && !can(ctx.role, "owners.manage")) throw new AppError("FORBIDDEN");
    await removeMembership(tx, ctx, target, "member.removed");
  });
  return { id: input.membershipId };
});

/** Leaves the team (any role); the last OWNER cannot leave. */
export const leaveTeam = defineOperation("team.leave", emptySchema, async (ctx) => {
  await db.$transaction(async (tx) => {
    const self = await tx.membership.findFirst({
      where: { teamId: ctx.team.id, userId: ctx.userId },
      select: { id: true, role: true, userId: true },
    });
    if (!self) throw new AppError("NOT_FOUND");
    await removeMembership(tx, ctx, self, "member.left");
  });
  return { teamId: ctx.team.id };
});
