import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "@/lib/catalog/types";
import type { Rollup } from "@/lib/progress/formula";
import { planRollupRowsSql, rollupsSql } from "@/lib/progress/queries";
import { TASK_STATUSES } from "@/lib/tasks/status";

// The SQL twin of lib/progress/formula.ts: the same Σ w·c / Σ w, kept by
// PostgreSQL in the PlanRollup table (statement triggers on tasks and their dilemma
// links) and replayed from the activity log for past days. Both are tested on the
// same fixtures; lib/progress/rollups.int.test.ts drives random writes against them.

type Queryable = Pick<PrismaClient, "$queryRaw">;

/** What a rollup groups by: a dilemma, an area, a path or the plan as a whole. */
export type RollupDimension = "dilemma" | "area" | "path" | "plan";

type Row = { key: string; taskCount: number; weightSum: number; weighted: number };

/** One summed row of the maintained rollups (see planRollupRowsSql). */
export type PlanRollupRow = {
  planId: string;
  dimension: RollupDimension | "status" | "overdue";
  key: string;
  taskCount: number;
  weightSum: number;
  weighted: number;
};

const toRollup = (r: Pick<Row, "taskCount" | "weightSum" | "weighted">): Rollup => ({
  taskCount: r.taskCount,
  weightSum: r.weightSum,
  progress: r.weightSum > 0 ? r.weighted / r.weightSum : null,
});

/** The maintained rollup rows of the given plans (see planRollupRowsSql); none for no plan. */
export function readPlanRollupRows(
  db: Queryable,
  scope: { teamId: string; planIds: string[]; dueBefore?: string },
): Promise<PlanRollupRow[]> {
  if (scope.planIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<PlanRollupRow[]>(planRollupRowsSql(scope));
}

/** Rollups of the given plans' tasks, grouped by dilemma, area, path or plan (from the maintained rollups). */
export async function sqlRollups(
  db: Queryable,
  { teamId, planIds, by }: { teamId: string; planIds: string[]; by: RollupDimension },
): Promise<Map<string, Rollup>> {
  const rows = await readPlanRollupRows(db, { teamId, planIds });
  const sums = new Map<string, Row>();
  for (const r of rows) {
    if (r.dimension !== by) continue;
    // Plans share no task, so a code's rollup over several plans is the sum of theirs.
    const key = by === "plan" ? r.planId : r.key;
    const sum = sums.get(key) ?? { key, taskCount: 0, weightSum: 0, weighted: 0 };
    sums.set(key, {
      key,
      taskCount: sum.taskCount + r.taskCount,
      weightSum: sum.weightSum + r.weightSum,
      weighted: sum.weighted + r.weighted,
    });
  }
  return new Map([...sums].filter(([, r]) => r.taskCount > 0 || r.weightSum > 0).map(([key, r]) => [key, toRollup(r)]));
}

const emptyRollup: Rollup = { progress: null, taskCount: 0, weightSum: 0 };

/** Every code of a dimension present, "not addressed" (null) where no task links. */
export function completeRollups<C extends string>(
  codes: readonly C[],
  rollups: Map<string, Rollup>,
): Record<C, Rollup> {
  return Object.fromEntries(codes.map((code) => [code, rollups.get(code) ?? emptyRollup])) as Record<C, Rollup>;
}

/** Rollups of one plan by dilemma, area, path and for the plan as a whole, from `links` (see rollupsSql). */
export async function rollupsOfLinks(db: Queryable, planId: string, links: Prisma.Sql) {
  const rows = await db.$queryRaw<(Row & { dimension: RollupDimension })[]>(rollupsSql(links));
  const of = (dimension: RollupDimension) =>
    new Map(
      rows
        .filter((r) => r.dimension === dimension)
        .map((r) => [
          r.key,
          {
            taskCount: r.taskCount,
            weightSum: r.weightSum,
            progress: r.weightSum > 0 ? r.weighted / r.weightSum : null,
          },
        ]),
    );
  return {
    dilemmas: completeRollups(DILEMMA_CODES, of("dilemma")),
    areas: completeRollups(AREA_CODES, of("area")),
    paths: completeRollups(PATH_CODES, of("path")),
    overall: of("plan").get(planId) ?? emptyRollup,
  };
}

/** A plan's rollups and its task counts by status, from the maintained rollups. */
export async function planRollupsWithCounts(db: Queryable, { teamId, planId }: { teamId: string; planId: string }) {
  const rows = await readPlanRollupRows(db, { teamId, planIds: [planId] });
  const of = (dimension: RollupDimension) =>
    new Map(rows.filter((r) => r.dimension === dimension && r.taskCount > 0).map((r) => [r.key, toRollup(r)]));
  const statusCounts = Object.fromEntries(
    TASK_STATUSES.map((s) => [s, rows.find((r) => r.dimension === "status" && r.key === s)?.taskCount ?? 0]),
  ) as Record<(typeof TASK_STATUSES)[number], number>;
  return {
    rollups: {
      dilemmas: completeRollups(DILEMMA_CODES, of("dilemma")),
      areas: completeRollups(AREA_CODES, of("area")),
      paths: completeRollups(PATH_CODES, of("path")),
      overall: of("plan").get("") ?? emptyRollup,
    },
    statusCounts,
  };
}

/** Per-dilemma, per-area and per-path progress of one plan, from the maintained rollups. */
export async function planProgress(db: Queryable, scope: { teamId: string; planId: string }) {
  return (await planRollupsWithCounts(db, scope)).rollups;
}
