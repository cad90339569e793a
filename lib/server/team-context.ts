import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { getCurrentUser, requireUser, type CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isStorableText } from "@/lib/validation/common";

/** A member's team as the server sees it: the team and the member's current role. */
export type Membership = { team: { id: string; name: string; slug: string }; role: Role };

/** Who acts, in which team, with which role (an API token's ceiling already applied), from which address. */
export type TeamContext = Membership & { userId: string; ip?: string };

/** The team context of the signed-in member, with their user row (pages and layouts). */
export type MemberContext = TeamContext & { user: CurrentUser };

/**
 * The one membership query: the user's membership of a team named by slug or id,
 * with the team; null for a non-member, an unknown team or a slug that is not
 * storable text (it comes from a URL).
 */
export async function findMembership(
  userId: string,
  team: { slug: string } | { id: string },
): Promise<Membership | null> {
  const key = "slug" in team ? team.slug : team.id;
  if (typeof key !== "string" || !isStorableText(key)) return null;
  return db.membership.findFirst({
    where: { userId, team: "slug" in team ? { slug: team.slug } : { id: team.id } },
    select: { role: true, team: { select: { id: true, name: true, slug: true } } },
  });
}

/** findMembership by slug, read once per request (layout, page, their readers and operations share it). */
export const membershipOf = cache((userId: string, teamSlug: string): Promise<Membership | null> =>
  findMembership(userId, { slug: teamSlug }),
);

/** The signed-in member's context in the team of `teamSlug`; null when signed out or not a member. */
export const getMemberContext = cache(async (teamSlug: string): Promise<MemberContext | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const membership = await membershipOf(user.id, teamSlug);
  return membership ? { ...membership, userId: user.id, user } : null;
});

/** The member context for a page: a redirect to sign-in when signed out, 404 for a non-member. */
export async function getTeamContext(teamSlug: string): Promise<MemberContext> {
  await requireUser();
  const context = await getMemberContext(teamSlug);
  if (!context) notFound();
  return context;
}

/** The actor of runOperation for a context already resolved in this request: the operation reads no membership. */
export function operationActor(context: TeamContext) {
  const { userId, team, role, ip } = context;
  return { userId, teamSlug: team.slug, ip, membership: { team, role } };
}
