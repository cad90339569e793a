import "server-only";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { can, type Permission } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { membershipOf, type Membership, type TeamContext } from "@/lib/server/team-context";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

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
 * The one door to team data for pages, server actions and route handlers:
 * resolves the team from the user's current membership (another team is
 * NOT_FOUND, exactly like a missing one), lowers the role to an API token's
 * ceiling, checks the permission matrix, validates the input, then runs the
 * operation. The membership is the request's cached one (membershipOf), or the
 * one the caller already read in this request (`membership`, e.g. with the token).
 */
export async function runOperation<S extends z.ZodType, R>(
  operation: TeamOperation<S, R>,
  actor: { userId: string; teamSlug: string; ip?: string; roleCeiling?: Role; membership?: Membership },
  input: unknown,
): Promise<R> {
  const membership =
    actor.membership && actor.membership.team.slug === actor.teamSlug
      ? actor.membership
      : await membershipOf(actor.userId, actor.teamSlug);
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
