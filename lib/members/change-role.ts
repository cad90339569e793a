import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertAnotherOwner } from "@/lib/members/owner-guard";
import { changeRoleSchema } from "@/lib/validation/member";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Changes a member's role (OWNER, ADMIN); only OWNERs touch OWNER roles; the last OWNER stays. Applies on the member's next request. */
export const changeRole = defineOperation("members.manage", changeRoleSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, teamId: ctx.team.id },
      select: { id: true, role: true, userId: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    if ((target.role === "OWNER" || input.role === "OWNER") && !can(ctx.role, "owners.manage"))
      throw new AppError("FORBIDDEN");
    if (target.role === input.role) return target;
    if (target.role === "OWNER") await assertAnotherOwner(tx, { teamId: ctx.team.id, membershipId: target.id });
    const updated = await tx.membership.update({
      where: { id: target.id },
      data: { role: input.role },
      select: { id: true, role: true, userId: true },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "member.role_changed",
      membershipId: target.id,
      before: { userId: target.userId, role: target.role },
      after: { userId: target.userId, role: input.role },
    });
    return updated;
  });
});
