import "server-only";
import { db } from "@/lib/db";

/** The teams a user belongs to, with their role and member and plan counts. */
export async function findTeamsOfUser({ userId }: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { team: { name: "asc" } },
    select: {
      role: true,
      team: { select: { id: true, name: true, slug: true, _count: { select: { memberships: true, plans: true } } } },
    },
  });
  return memberships.map((m) => ({ ...m.team, role: m.role }));
}
