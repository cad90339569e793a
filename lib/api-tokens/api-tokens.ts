import "server-only";
import { randomBytes } from "node:crypto";
import { defineOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-token";
import { DAY_MS } from "@/lib/time";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Every API token starts with this, so a leaked one is easy to recognise (e.g. by secret scanners). */
export const API_TOKEN_PREFIX = "pw_";

/** A new secret: "pw_" and 32 random bytes (base64url); its first 10 characters are kept to recognise it. */
export function newApiToken() {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, 10) };
}

/**
 * Creates a personal API token of the acting member for this team (any role).
 * The token can never do more than the creator's role now; the secret is
 * returned once and only its SHA-256 is stored.
 */
export const createApiToken = defineOperation("tokens.manage", createApiTokenSchema, async (ctx, input) => {
  const { token, tokenHash, prefix } = newApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        teamId: ctx.team.id,
        userId: ctx.userId,
        name: input.name,
        tokenHash,
        prefix,
        roleCeiling: ctx.role,
        expiresAt,
      },
      select: { id: true, name: true, prefix: true, roleCeiling: true, expiresAt: true },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "api_token.created",
      tokenId: row.id,
      after: { name: row.name, prefix, roleCeiling: ctx.role, expiresAt },
    });
    return { ...row, token };
  });
});

/** Revokes a token of the team: members their own, owners and admins anyone's; revoking twice changes nothing. */
export const revokeApiToken = defineOperation("tokens.manage", revokeApiTokenSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({
      where: { id: input.tokenId, teamId: ctx.team.id },
      select: { id: true, userId: true, name: true, revokedAt: true },
    });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.userId !== ctx.userId && !can(ctx.role, "tokens.manageOthers")) throw new AppError("FORBIDDEN");
    if (row.revokedAt) return { id: row.id };
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordEvent(tx, actorOf(ctx), { kind: "api_token.revoked", tokenId: row.id, before: { name: row.name } });
    return { id: row.id };
  });
});

/** The team's tokens a member may see: owners and admins all of them, others their own; newest first. */
export async function findApiTokens({
  teamId,
  userId,
  role,
}: {
  teamId: string;
  userId: string;
  role: Parameters<typeof can>[0];
}) {
  return db.apiToken.findMany({
    where: { teamId, ...(can(role, "tokens.manageOthers") ? {} : { userId }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      roleCeiling: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true } },
    },
  });
}

export type ApiTokenRow = Awaited<ReturnType<typeof findApiTokens>>[number];
