import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { lowerRole } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { findMembership, type Membership } from "@/lib/server/team-context";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { hashToken } from "@/lib/tokens";

/** Who an API request acts as: the token's creator, in the token's team, at most at the token's role. */
export type ApiActor = {
  tokenId: string;
  userId: string;
  teamSlug: string;
  roleCeiling: Role;
  role: Role;
  /** The creator's membership as read with the token: the request's operations reuse it. */
  membership: Membership;
};

const LAST_USED_RESOLUTION_MS = 60 * 1000;

function unauthenticated(message: string): AppError {
  return new AppError("UNAUTHENTICATED", {
    userMessage: message,
    details: { authenticate: 'Bearer realm="pathwise"' },
  });
}

/**
 * Resolves `Authorization: Bearer <token>` to its actor. Missing, unknown,
 * revoked and expired tokens are UNAUTHENTICATED (401), and so is a token whose
 * creator is no longer a member of its team. The role is the lower of the
 * creator's current role and the ceiling stored with the token.
 */
export async function authenticateApiRequest(headers: Headers, now = new Date()): Promise<ApiActor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  if (!match?.[1]) throw unauthenticated(msg("apiTokenMissing"));
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: {
      id: true,
      userId: true,
      teamId: true,
      roleCeiling: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!token) throw unauthenticated(msg("apiTokenInvalid"));
  if (token.revokedAt) throw unauthenticated(msg("apiTokenRevoked"));
  if (token.expiresAt && token.expiresAt <= now) throw unauthenticated(msg("apiTokenExpired"));
  const membership = await findMembership(token.userId, { id: token.teamId });
  if (!membership) throw unauthenticated(msg("apiTokenOwnerLeft"));
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    tokenId: token.id,
    userId: token.userId,
    teamSlug: membership.team.slug,
    roleCeiling: token.roleCeiling,
    role: lowerRole(membership.role, token.roleCeiling),
    membership,
  };
}
