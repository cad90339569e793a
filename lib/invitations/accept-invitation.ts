import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/tokens";
import { msg } from "@/lib/i18n/error-text";
import { recordEvent } from "@/lib/events/record";

export type InvitationState = "valid" | "invalid" | "expired" | "revoked" | "used";

/** What an invitation link leads to, read by its token; the token itself is never stored. */
export async function getInvitationByToken(token: string) {
  // A server action's argument can be of any type; only a string can be a token.
  if (typeof token !== "string") return { state: "invalid" as const, invitation: null };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      team: { select: { id: true, name: true, slug: true } },
    },
  });
  if (!invitation) return { state: "invalid" as const, invitation: null };
  const state: InvitationState = invitation.acceptedAt
    ? "used"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt < new Date()
        ? "expired"
        : "valid";
  return { state, invitation };
}

/** Accepts an invitation for the user whose email it names: single use, within 7 days, not revoked. */
export async function acceptInvitation({ token, userId, ip }: { token: string; userId: string; ip?: string }) {
  if (typeof token !== "string") throw new AppError("NOT_FOUND", { userMessage: msg("invitationInvalid") });
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    // Lock the row: two accepts of one link cannot both succeed.
    const rows = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Invitation" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
    const id = rows[0]?.id;
    if (!id) throw new AppError("NOT_FOUND", { userMessage: msg("invitationInvalid") });
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        teamId: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        team: { select: { slug: true } },
      },
    });
    if (invitation.acceptedAt) throw new AppError("CONFLICT", { userMessage: msg("invitationUsed") });
    if (invitation.revokedAt) throw new AppError("CONFLICT", { userMessage: msg("invitationRevoked") });
    if (invitation.expiresAt < new Date()) throw new AppError("CONFLICT", { userMessage: msg("invitationExpired") });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    if (user.email !== invitation.email)
      throw new AppError("FORBIDDEN", { userMessage: msg("invitationForOther", { email: invitation.email }) });
    // Already a member (e.g. via a second pending invitation): keep that membership. ON CONFLICT DO NOTHING,
    // because a failed INSERT would abort this transaction.
    await tx.membership.createMany({
      data: [{ teamId: invitation.teamId, userId, role: invitation.role }],
      skipDuplicates: true,
    });
    await tx.invitation.update({ where: { id }, data: { acceptedAt: new Date() } });
    await recordEvent(
      tx,
      { teamId: invitation.teamId, userId: userId, ip },
      { kind: "invitation.accepted", invitationId: id, after: { email: invitation.email, role: invitation.role } },
    );
    return { teamSlug: invitation.team.slug };
  });
}
