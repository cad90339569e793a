import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newToken } from "@/lib/tokens";
import { inviteSchema } from "@/lib/validation/member";
import { msg } from "@/lib/i18n/error-text";
import { DAY_MS } from "@/lib/time";
import { actorOf, recordEvent } from "@/lib/events/record";

export const INVITATION_TTL_MS = 7 * DAY_MS;

/** Invites an email with a role (OWNER, ADMIN; only OWNERs invite OWNERs). Returns the one-time token; only its hash is stored. */
export const createInvitation = defineOperation("members.manage", inviteSchema, async (ctx, input) => {
  if (input.role === "OWNER" && !can(ctx.role, "owners.manage")) throw new AppError("FORBIDDEN");
  const isMember = await db.membership.count({ where: { teamId: ctx.team.id, user: { email: input.email } } });
  if (isMember) throw new AppError("VALIDATION", { fieldErrors: { email: [msg("alreadyMember")] } });
  const { token, tokenHash } = newToken();
  const invitation = await db.$transaction(async (tx) => {
    // A new invitation replaces pending ones for the same email.
    await tx.invitation.updateMany({
      where: { teamId: ctx.team.id, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        teamId: ctx.team.id,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: ctx.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "invitation.created",
      invitationId: created.id,
      after: { email: input.email, role: input.role },
    });
    return created;
  });
  return { ...invitation, token };
});
