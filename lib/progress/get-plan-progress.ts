import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { indicatorProgress, type Rollup } from "@/lib/progress/formula";
import { taskStateEvents } from "@/lib/progress/queries";
import { planProgressAt } from "@/lib/progress/progress-at";
import { planProgress, planRollupsWithCounts } from "@/lib/progress/sql";
import { dateSchema, idSchema, toDateInput } from "@/lib/validation/common";
import { DAY_MS } from "@/lib/time";
import { TASK_STATUSES } from "@/lib/tasks/status";

export const planProgressQuerySchema = z.object({ planId: idSchema, at: dateSchema.optional() });

const toList = <C extends string>(record: Record<C, Rollup>) =>
  (Object.entries(record) as [C, Rollup][]).map(([code, r]) => ({
    code,
    progress: r.progress,
    taskCount: r.taskCount,
    weightSum: r.weightSum,
  }));

/** A plan's progress per dilemma, area and path now, as records by code (a reader for pages). */
export function getPlanRollups(scope: { teamId: string; planId: string }) {
  return planProgress(db, scope);
}

/** A plan's progress per dilemma, area and path, status counts and indicators, now or at the end of `at` (UTC). */
export const getPlanProgress = defineOperation("team.read", planProgressQuerySchema, async (ctx, input) => {
  const plan = await db.plan.findFirst({ where: { id: input.planId, teamId: ctx.team.id }, select: { id: true } });
  if (!plan) throw new AppError("NOT_FOUND");
  return readPlanProgress({ teamId: ctx.team.id, planId: plan.id }, input.at);
});

/**
 * getPlanProgress's numbers for a plan the caller has already found in its team
 * (every read is scoped by `teamId`, so another team's plan id reads nothing).
 */
export async function readPlanProgress(scope: { teamId: string; planId: string }, at?: Date) {
  const input = { planId: scope.planId, at };
  const before = input.at ? new Date(input.at.getTime() + DAY_MS) : undefined;
  const [{ rollups, statusRows }, indicators] = await Promise.all([
    input.at && before
      ? Promise.all([
          planProgressAt(db, { ...scope, day: input.at }),
          db.$queryRaw<{ status: string; count: number }[]>`
            SELECT s.status, COUNT(*)::int AS count FROM (
              SELECT DISTINCT ON (e."taskId") e.after->>'status' AS status
                FROM "ActivityEvent" e
               WHERE ${taskStateEvents(scope)} AND e."createdAt" < ${before}
               ORDER BY e."taskId", e.id DESC) s
            GROUP BY s.status`,
        ]).then(([rollups, statusRows]) => ({ rollups, statusRows }))
      : // Now: the maintained rollups, status counts included, in one read.
        planRollupsWithCounts(db, scope).then(({ rollups, statusCounts }) => ({
          rollups,
          statusRows: Object.entries(statusCounts).map(([status, count]) => ({ status, count })),
        })),
    db.indicator.findMany({
      where: { planId: scope.planId, teamId: scope.teamId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        dilemmaCode: true,
        name: true,
        unit: true,
        direction: true,
        baseline: true,
        target: true,
        readings: {
          where: before ? { recordedOn: { lt: before } } : {},
          orderBy: [{ recordedOn: "desc" }, { createdAt: "desc" }],
          take: 1,
          select: { value: true, recordedOn: true },
        },
      },
    }),
  ]);
  const statusCounts = Object.fromEntries(
    TASK_STATUSES.map((s) => [s, statusRows.find((r) => r.status === s)?.count ?? 0]),
  );
  return {
    planId: scope.planId,
    at: input.at ? toDateInput(input.at) : null,
    overall: rollups.overall,
    dilemmas: toList(rollups.dilemmas),
    areas: toList(rollups.areas),
    paths: toList(rollups.paths),
    statusCounts,
    indicators: indicators.map((i) => {
      const current = i.readings[0] ? Number(i.readings[0].value) : null;
      return {
        id: i.id,
        dilemmaCode: i.dilemmaCode,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        baseline: Number(i.baseline),
        target: Number(i.target),
        current,
        currentOn: i.readings[0] ? toDateInput(i.readings[0].recordedOn) : null,
        progress: indicatorProgress({ baseline: Number(i.baseline), target: Number(i.target), current }),
      };
    }),
  };
}
