import "server-only";
import { db } from "@/lib/db";

/** The open (not archived) plans of the given teams, for navigation: id, title and team, newest first. */
export async function findPlanTitles({ teamIds }: { teamIds: string[] }) {
  if (teamIds.length === 0) return [];
  return db.plan.findMany({
    where: { teamId: { in: teamIds }, status: { not: "ARCHIVED" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, teamId: true },
    take: 200,
  });
}
