import "server-only";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { can, type Permission } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isStorableText } from "@/lib/validation/common";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/** Who acts, in which team, with which current role. */
export type TeamContext = {
  userId: string;
  team: { id: string; name: string; slug: string };
  role: Role;
  ip?: string;
};

/** A team-scoped operation: the permission it needs, the schema of its input and what it does. */
export type TeamOperation<S extends z.ZodType, R> = {
  permission: Permission;
  schema: S;
  handler: (ctx: TeamContext, input: z.output<S>) => Promise<R>;
};

/** Declares a team operation (see runOperation for how it is guarded). */
export function defineOperation<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  handler: (ctx: TeamContext, input: z.output<S>) => Promise<R>,
): TeamOperation<S, R> {
  return { permission, schema, handler };
}

/**
 * The one door to team data for server actions and route handlers: resolves the
 * team from the user's current membership (another team is NOT_FOUND, exactly
 * like a missing one), checks the permission matrix, validates the input, then
 * runs the operation.
 */
export async function runOperation<S extends z.ZodType, R>(
  operation: TeamOperation<S, R>,
  actor: { userId: string; teamSlug: string; ip?: string; roleCeiling?: Role },
  input: unknown,
): Promise<R> {
  // The slug comes from a URL or a server action's argument: anything else than storable text names no team.
  if (typeof actor.teamSlug !== "string" || !isStorableText(actor.teamSlug)) throw new AppError("NOT_FOUND");
  const membership = await db.membership.findFirst({
    where: { userId: actor.userId, team: { slug: actor.teamSlug } },
    select: { role: true, team: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND");
  const role = actor.roleCeiling ? lowerRole(membership.role, actor.roleCeiling) : membership.role;
  if (!can(role, operation.permission)) throw new AppError("FORBIDDEN");
  const parsed = operation.schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  return operation.handler({ userId: actor.userId, team: membership.team, role, ip: actor.ip }, parsed.data);
}

const rank: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** The lesser of two roles (a token's ceiling never raises a member's role). */
export function lowerRole(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b;
}
