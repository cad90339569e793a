import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import type { TeamContext } from "@/lib/server/team-context";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { INVITATION_TTL_MS } from "@/lib/invitations/create-invitation";
import { newToken } from "@/lib/tokens";
import { invitationIdSchema } from "@/lib/validation/member";
import { actorOf, eventRow } from "@/lib/events/record";

async function findPending(ctx: TeamContext, invitationId: string) {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, teamId: ctx.team.id, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true },
  });
  if (!invitation) throw new AppError("NOT_FOUND");
  if (invitation.role === "OWNER" && !can(ctx.role, "owners.manage")) throw new AppError("FORBIDDEN");
  return invitation;
}

/** Revokes a pending invitation; its link stops working at once. */
export const revokeInvitation = defineOperation("members.manage", invitationIdSchema, async (ctx, input) => {
  const invitation = await findPending(ctx, input.invitationId);
  await db.$transaction([
    db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } }),
    db.activityEvent.create({
      data: eventRow(actorOf(ctx), {
        kind: "invitation.revoked",
        invitationId: invitation.id,
        before: { email: invitation.email, role: invitation.role },
      }),
    }),
  ]);
  return { id: invitation.id };
});

/** Issues a fresh link for a pending invitation (the old link stops working) and restarts its 7 days. */
export const renewInvitation = defineOperation("members.manage", invitationIdSchema, async (ctx, input) => {
  const invitation = await findPending(ctx, input.invitationId);
  const { token, tokenHash } = newToken();
  await db.$transaction([
    db.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) },
    }),
    db.activityEvent.create({
      data: eventRow(actorOf(ctx), {
        kind: "invitation.renewed",
        invitationId: invitation.id,
        after: { email: invitation.email },
      }),
    }),
  ]);
  return { ...invitation, token };
});
