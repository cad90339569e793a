import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/session";
import { isStorableText } from "@/lib/validation/common";

/** The team of `slug` as seen by the signed-in member, with their current role; 404 for non-members. */
export const getTeamContext = cache(async (slug: string) => {
  const user = await requireUser();
  if (!isStorableText(slug)) notFound();
  const membership = await db.membership.findFirst({
    where: { userId: user.id, team: { slug } },
    select: { role: true, team: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) notFound();
  return { user, team: membership.team, role: membership.role };
});

export type TeamContext = Awaited<ReturnType<typeof getTeamContext>>;
