import "server-only";
import { db } from "@/lib/db";

/** How many plans of each team the sidebar lists; the team's plan list and the palette's search reach the rest. */
export const SHELL_PLANS_PER_TEAM = 10;

export type PlanTitle = { id: string; title: string; teamId: string };

/**
 * The open (not archived) plans of the given teams, for navigation: each team's
 * newest SHELL_PLANS_PER_TEAM (and `currentPlanId`, wherever it ranks), with how
 * many open plans each team has. Every signed-in page renders this, so it stays
 * the same size however many plans a team keeps.
 */
export async function findPlanTitles({
  teamIds,
  currentPlanId = null,
}: {
  teamIds: string[];
  currentPlanId?: string | null;
}): Promise<{ plans: PlanTitle[]; countByTeam: Map<string, number> }> {
  if (teamIds.length === 0) return { plans: [], countByTeam: new Map() };
  const rows = await db.$queryRaw<(PlanTitle & { total: number })[]>`
    SELECT id, title, "teamId", total::int AS total
      FROM (SELECT id, title, "teamId",
                   ROW_NUMBER() OVER (PARTITION BY "teamId" ORDER BY "createdAt" DESC, id) AS rank,
                   COUNT(*) OVER (PARTITION BY "teamId") AS total
              FROM "Plan"
             WHERE "teamId" = ANY(${teamIds}) AND status <> 'ARCHIVED') p
     WHERE rank <= ${SHELL_PLANS_PER_TEAM} OR id = ${currentPlanId}
     ORDER BY "teamId", rank`;
  return {
    plans: rows.map(({ id, title, teamId }) => ({ id, title, teamId })),
    countByTeam: new Map(rows.map((r) => [r.teamId, r.total])),
  };
}
