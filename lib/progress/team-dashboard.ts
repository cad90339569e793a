import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { dbRead } from "@/lib/db";
import { DILEMMA_CODES, type DilemmaCode } from "@/lib/catalog/types";
import type { Rollup } from "@/lib/progress/formula";
import { completeRollups, readPlanRollupRows } from "@/lib/progress/sql";
import { today as utcToday } from "@/lib/tasks/find-tasks";
import { toDateInput } from "@/lib/validation/common";
import { OPEN_STATUSES } from "@/lib/tasks/status";

const emptyRollup: Rollup = { progress: null, taskCount: 0, weightSum: 0 };

type CellRow = { planId: string; dilemmaCode: string; taskCount: number; weightSum: number; weighted: number };
type CountRow = { planId: string; linkedCount: number; openCount: number; overdueCount: number };
const OPEN = new Set<string>(OPEN_STATUSES);

const overdueSelect = {
  id: true,
  planId: true,
  title: true,
  templateKey: true,
  templateTextEn: true,
  templateTextZh: true,
  status: true,
  priority: true,
  dueDate: true,
  assignee: { select: { name: true } },
  plan: { select: { title: true } },
} as const satisfies Prisma.TaskSelect;

/** An overdue open task of an active plan, with its plan's title. */
export type TeamOverdueTask = Omit<Prisma.TaskGetPayload<{ select: typeof overdueSelect }>, "dueDate"> & {
  dueDate: Date;
};

/** One active plan as a heat-map row: progress per dilemma and overall, with its open and overdue task counts. */
export type TeamDashboardPlan = {
  id: string;
  title: string;
  startDate: Date;
  targetDate: Date;
  overall: Rollup;
  dilemmas: Record<DilemmaCode, Rollup>;
  openCount: number;
  overdueCount: number;
};

/**
 * The team's ACTIVE plans as a plan × dilemma heat map, the team totals over
 * all of them (Σ w·c / Σ w over every active plan's links) and the ten most
 * overdue open tasks of those plans. A fixed number of queries however many
 * plans, and the aggregates read the maintained rollups (a few rows per plan,
 * however many tasks; overdue counts from its due-date buckets).
 */
export async function getTeamDashboard({ teamId, today = utcToday() }: { teamId: string; today?: Date }): Promise<{
  plans: TeamDashboardPlan[];
  totals: { overall: Rollup; dilemmas: Record<DilemmaCode, Rollup>; openCount: number; overdueCount: number };
  overdue: TeamOverdueTask[];
}> {
  const plans = await dbRead.plan.findMany({
    where: { teamId, status: "ACTIVE" },
    orderBy: [{ targetDate: "asc" }, { title: "asc" }],
    select: { id: true, title: true, startDate: true, targetDate: true },
  });
  const planIds = plans.map((p) => p.id);
  if (planIds.length === 0) {
    return {
      plans: [],
      totals: {
        overall: emptyRollup,
        dilemmas: completeRollups(DILEMMA_CODES, new Map()),
        openCount: 0,
        overdueCount: 0,
      },
      overdue: [],
    };
  }
  const day = toDateInput(today);
  const [rollupRows, overdue] = await Promise.all([
    // The heat map and the counts in one read; the plans' and the team's rollups are sums of its cells (plans share no task).
    readPlanRollupRows(dbRead, { teamId, planIds, dueBefore: day }),
    dbRead.task.findMany({
      where: { teamId, planId: { in: planIds }, status: { in: [...OPEN_STATUSES] }, dueDate: { lt: today } },
      orderBy: [{ dueDate: "asc" }, { priority: "desc" }, { sortOrder: "asc" }],
      take: 10,
      select: overdueSelect,
    }),
  ]);
  const cells: CellRow[] = [];
  const countsByPlan = new Map<string, CountRow>();
  for (const r of rollupRows) {
    const count = countsByPlan.get(r.planId) ?? { planId: r.planId, linkedCount: 0, openCount: 0, overdueCount: 0 };
    countsByPlan.set(r.planId, count);
    if (r.dimension === "dilemma" && r.taskCount > 0) cells.push({ ...r, dilemmaCode: r.key });
    else if (r.dimension === "plan") count.linkedCount += r.taskCount;
    else if (r.dimension === "status" && OPEN.has(r.key)) count.openCount += r.taskCount;
    else if (r.dimension === "overdue") count.overdueCount += r.taskCount;
  }
  const counts = [...countsByPlan.values()];

  const countMap = new Map(counts.map((c) => [c.planId, c]));
  const rollup = (taskCount: number, weightSum: number, weighted: number): Rollup => ({
    taskCount,
    weightSum,
    progress: weightSum > 0 ? weighted / weightSum : null,
  });
  const cellMap = new Map<string, Map<string, Rollup>>();
  const planSums = new Map<string, { weightSum: number; weighted: number }>();
  const dilemmaSums = new Map<string, { taskCount: number; weightSum: number; weighted: number }>();
  for (const c of cells) {
    const row = cellMap.get(c.planId) ?? new Map<string, Rollup>();
    row.set(c.dilemmaCode, rollup(c.taskCount, c.weightSum, c.weighted));
    cellMap.set(c.planId, row);
    const plan = planSums.get(c.planId) ?? { weightSum: 0, weighted: 0 };
    planSums.set(c.planId, { weightSum: plan.weightSum + c.weightSum, weighted: plan.weighted + c.weighted });
    const dilemma = dilemmaSums.get(c.dilemmaCode) ?? { taskCount: 0, weightSum: 0, weighted: 0 };
    dilemmaSums.set(c.dilemmaCode, {
      taskCount: dilemma.taskCount + c.taskCount,
      weightSum: dilemma.weightSum + c.weightSum,
      weighted: dilemma.weighted + c.weighted,
    });
  }
  const perPlan = new Map(
    [...planSums].map(([id, sum]) => [id, rollup(countMap.get(id)?.linkedCount ?? 0, sum.weightSum, sum.weighted)]),
  );
  const teamDilemmas = new Map(
    [...dilemmaSums].map(([code, sum]) => [code, rollup(sum.taskCount, sum.weightSum, sum.weighted)]),
  );

  const rows: TeamDashboardPlan[] = plans.map((p) => ({
    ...p,
    overall: perPlan.get(p.id) ?? emptyRollup,
    dilemmas: completeRollups(DILEMMA_CODES, cellMap.get(p.id) ?? new Map<string, Rollup>()),
    openCount: countMap.get(p.id)?.openCount ?? 0,
    overdueCount: countMap.get(p.id)?.overdueCount ?? 0,
  }));

  // Plans share no task, so the team's overall rollup is the weight-weighted sum of the plans' ones.
  const weightSum = rows.reduce((sum, r) => sum + r.overall.weightSum, 0);
  const weighted = rows.reduce((sum, r) => sum + (r.overall.progress ?? 0) * r.overall.weightSum, 0);
  return {
    plans: rows,
    totals: {
      overall: {
        taskCount: rows.reduce((sum, r) => sum + r.overall.taskCount, 0),
        weightSum,
        progress: weightSum > 0 ? weighted / weightSum : null,
      },
      dilemmas: completeRollups(DILEMMA_CODES, teamDilemmas),
      openCount: rows.reduce((sum, r) => sum + r.openCount, 0),
      overdueCount: rows.reduce((sum, r) => sum + r.overdueCount, 0),
    },
    // The query asks for dueDate < today, so every row has one.
    overdue: overdue.map((t) => ({ ...t, dueDate: t.dueDate! })),
  };
}

export type TeamDashboard = Awaited<ReturnType<typeof getTeamDashboard>>;
