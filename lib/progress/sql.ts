import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/generated/prisma/client";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "@/lib/catalog/types";
import type { Rollup } from "@/lib/progress/formula";
import { planLinksSql, rollupsSql } from "@/lib/progress/queries";

// The SQL twin of lib/progress/formula.ts: the same Σ w·c / Σ w, computed by
// PostgreSQL over tasks and their dilemma links. Both are tested on the same fixtures.

type Queryable = Pick<PrismaClient, "$queryRaw">;

const groupColumns = {
  dilemma: Prisma.sql`td."dilemmaCode"`,
  area: Prisma.sql`t."areaCode"`,
  path: Prisma.sql`t."pathCode"`,
  plan: Prisma.sql`t."planId"`,
} as const;

export type RollupDimension = keyof typeof groupColumns;

type Row = { key: string; taskCount: number; weightSum: number; weighted: number };

/** Rollups of the given plans' tasks, grouped by dilemma, area, path or plan. */
export async function sqlRollups(
  db: Queryable,
  { teamId, planIds, by }: { teamId: string; planIds: string[]; by: RollupDimension },
): Promise<Map<string, Rollup>> {
  if (planIds.length === 0) return new Map();
  const column = groupColumns[by];
  // A task links to a dilemma at most once, so by dilemma each row is one task.
  const taskCount = by === "dilemma" ? Prisma.sql`COUNT(*)` : Prisma.sql`COUNT(DISTINCT t.id)`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${column} AS "key",
           ${taskCount}::int AS "taskCount",
           SUM(td.weight)::int AS "weightSum",
           SUM(td.weight * CASE WHEN t.status = 'DONE' THEN 1 ELSE t.progress / 100.0 END)::float8 AS "weighted"
      FROM "Task" t
      JOIN "TaskDilemma" td ON td."taskId" = t.id
     WHERE t."teamId" = ${teamId}
       AND t."planId" = ANY(${planIds})
       AND t.status <> 'CANCELLED'
     GROUP BY 1`;
  return new Map(
    rows.map((r) => [
      r.key,
      { taskCount: r.taskCount, weightSum: r.weightSum, progress: r.weightSum > 0 ? r.weighted / r.weightSum : null },
    ]),
  );
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

/** Per-dilemma, per-area and per-path progress of one plan, from SQL. */
export function planProgress(db: Queryable, scope: { teamId: string; planId: string }) {
  return rollupsOfLinks(db, scope.planId, planLinksSql(scope));
}
