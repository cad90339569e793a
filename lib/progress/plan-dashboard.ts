import "server-only";
import { dbRead } from "@/lib/db";
import { getPlanGuide } from "@/lib/guide/get-plan-guide";
import { SharedComputations } from "@/lib/live/shared-computation";
import { expectedProgress } from "@/lib/progress/formula";
import { readPlanProgress } from "@/lib/progress/get-plan-progress";
import { getTeamDashboard } from "@/lib/progress/team-dashboard";
import { dilemmaProgressOn, trendDays } from "@/lib/progress/trend";
import { findDueTasks, getPlanWorkload } from "@/lib/progress/workload";
import { DAY_MS } from "@/lib/time";
import { toDateInput } from "@/lib/validation/common";

type PlanScope = { teamId: string; planId: string };
type PlanDates = { startDate: Date; targetDate: Date };

/** Everything the plan dashboard shows, read in one go. */
async function computePlanDashboard(scope: PlanScope, plan: PlanDates, today: Date) {
  const daysBack = (n: number) => toDateInput(new Date(today.getTime() - n * DAY_MS));
  const [weekAgoDay, monthAgoDay] = [daysBack(7), daysBack(30)];
  const trendDayList = trendDays(plan.startDate, today);
  const expected = expectedProgress(plan.startDate, plan.targetDate, new Date());
  const progress = readPlanProgress(scope);
  // The trend and the 7- and 30-day changes come from one replay of the activity log; the guide
  // needs the progress, and reads its tasks while the other readers run.
  const [now, guide, history, workload, due] = await Promise.all([
    progress,
    progress.then((p) => getPlanGuide({ ...scope, today, expected, dilemmas: p.dilemmas, indicators: p.indicators })),
    dilemmaProgressOn({ ...scope, days: [...trendDayList, weekAgoDay, monthAgoDay] }),
    getPlanWorkload({ ...scope, today }),
    findDueTasks({ ...scope, today }),
  ]);
  return { expected, weekAgoDay, monthAgoDay, trendDayList, now, guide, history, workload, due };
}

export type PlanDashboardData = Awaited<ReturnType<typeof computePlanDashboard>>;

/**
 * The plan's change marker, from index probes only. Every write to a plan's
 * tasks, indicators or settings records an activity event in its transaction,
 * and each team event is numbered in commit order when it commits (`seq`,
 * migration event_commit_order): a commit of the plan moves its newest number,
 * however the transactions interleaved, and a deleted task leaves a
 * `task.deleted` event numbered after all of its own. The team's membership
 * counts too (the workload lists every member). Read from the dashboards' own
 * client, so a replica's marker never runs ahead of the data computed after it.
 */
export async function planChangeMarker({ teamId, planId }: PlanScope): Promise<string> {
  const [row] = await dbRead.$queryRaw<{ seq: string | null; members: number; joined: Date | null }[]>`
    SELECT (SELECT MAX("seq") FROM "ActivityEvent" WHERE "planId" = ${planId})::text AS "seq",
           COUNT(*)::int AS "members",
           MAX(m."createdAt") AS "joined"
      FROM "Membership" m
     WHERE m."teamId" = ${teamId}`;
  if (!row) return "";
  return [row.seq ?? "", row.members, row.joined?.getTime() ?? 0].join(":");
}

/**
 * One computation per plan per instance: the viewers of a plan's dashboard (and
 * their live refreshes after an event) share the result for the plan's current
 * change marker (one per process, on globalThis, however Next.js splits its
 * bundles). Kept for at most 30 s (the elapsed share moves with the clock,
 * and a member's new name counts no event) and for the 200 plans viewed last.
 */
export const planDashboards: SharedComputations<PlanDashboardData> = ((
  globalThis as unknown as { pathwisePlanDashboards?: SharedComputations<PlanDashboardData> }
).pathwisePlanDashboards ??= new SharedComputations({ maxEntries: 200, maxAgeMs: 30_000 }));

/**
 * The plan dashboard's data for a plan of the caller's team (the caller has
 * checked that the viewer may read the team and that the plan is the team's):
 * keyed by team, plan, day and dates, and the plan's change marker read first,
 * so it is never older than the last change committed before the call.
 */
export async function getPlanDashboard(scope: PlanScope, plan: PlanDates, today: Date): Promise<PlanDashboardData> {
  const marker = await planChangeMarker(scope);
  const key = [scope.teamId, scope.planId, toDateInput(today), plan.startDate.getTime(), plan.targetDate.getTime()];
  return planDashboards.get(key.join(":"), marker, () => computePlanDashboard(scope, plan, today));
}

/** The team's change marker for the team dashboard, as planChangeMarker: its newest event in commit order. */
export async function teamChangeMarker(teamId: string): Promise<string> {
  const [row] = await dbRead.$queryRaw<{ seq: string | null }[]>`
    SELECT MAX("seq")::text AS "seq" FROM "ActivityEvent" WHERE "teamId" = ${teamId}`;
  return row?.seq ?? "";
}

type TeamDashboard = Awaited<ReturnType<typeof getTeamDashboard>>;

/** One team dashboard computation per team per instance, as planDashboards. */
export const teamDashboards: SharedComputations<TeamDashboard> = ((
  globalThis as unknown as { pathwiseTeamDashboards?: SharedComputations<TeamDashboard> }
).pathwiseTeamDashboards ??= new SharedComputations({ maxEntries: 200, maxAgeMs: 30_000 }));

/** The team dashboard's data for a team the viewer may read, shared by its viewers until the team changes. */
export async function getSharedTeamDashboard(teamId: string, today: Date): Promise<TeamDashboard> {
  const marker = await teamChangeMarker(teamId);
  return teamDashboards.get(`${teamId}:${toDateInput(today)}`, marker, () => getTeamDashboard({ teamId, today }));
}
