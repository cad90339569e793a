import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/generated/prisma/client";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "@/lib/catalog/types";
import type { Rollup } from "@/lib/progress/formula";
import { completeRollups, type RollupDimension } from "@/lib/progress/sql";

type Queryable = Pick<PrismaClient, "$queryRaw">;

const groupColumns: Record<RollupDimension, Prisma.Sql> = {
  dilemma: Prisma.sql`td."dilemmaCode"`,
  area: Prisma.sql`t."areaCode"`,
  path: Prisma.sql`t."pathCode"`,
  plan: Prisma.sql`t."planId"`,
};

/**
 * Rollups of one plan as they were just before `before`: each task's status and
 * progress are replayed from the activity log (the latest task.created/updated
 * event carrying them), weighted by the task's dilemma links.
 */
export async function sqlRollupsAt(db: Queryable, { teamId, planId, before, by }: { teamId: string; planId: string; before: Date; by: RollupDimension }) {
  const rows = await db.$queryRaw<{ key: string; taskCount: number; weightSum: number; weighted: number }[]>`
    WITH state AS (
      SELECT DISTINCT ON (e."taskId") e."taskId", e.after->>'status' AS status, (e.after->>'progress')::int AS progress
        FROM "ActivityEvent" e
       WHERE e."planId" = ${planId}
         AND e."teamId" = ${teamId}
         AND e."taskId" IS NOT NULL
         AND e.kind IN ('task.created', 'task.updated')
         AND e.after ? 'status'
         AND e."createdAt" < ${before}
       ORDER BY e."taskId", e.id DESC
    )
    SELECT ${groupColumns[by]} AS "key",
           COUNT(DISTINCT t.id)::int AS "taskCount",
           SUM(td.weight)::int AS "weightSum",
           SUM(td.weight * CASE WHEN s.status = 'DONE' THEN 1 ELSE s.progress / 100.0 END)::float8 AS "weighted"
      FROM state s
      JOIN "Task" t ON t.id = s."taskId" AND t."planId" = ${planId} AND t."teamId" = ${teamId}
      JOIN "TaskDilemma" td ON td."taskId" = t.id
     WHERE s.status <> 'CANCELLED'
     GROUP BY 1`;
  return new Map<string, Rollup>(rows.map((r) => [r.key, { taskCount: r.taskCount, weightSum: r.weightSum, progress: r.weightSum > 0 ? r.weighted / r.weightSum : null }]));
}

/** Per-dilemma, per-area and per-path progress of a plan at the end of a past day. */
export async function planProgressAt(db: Queryable, { teamId, planId, day }: { teamId: string; planId: string; day: Date }) {
  const before = new Date(day.getTime() + 24 * 60 * 60 * 1000);
  const [dilemmas, areas, paths, overall] = await Promise.all(
    (["dilemma", "area", "path", "plan"] as const).map((by) => sqlRollupsAt(db, { teamId, planId, before, by })),
  );
  return {
    dilemmas: completeRollups(DILEMMA_CODES, dilemmas!),
    areas: completeRollups(AREA_CODES, areas!),
    paths: completeRollups(PATH_CODES, paths!),
    overall: overall!.get(planId) ?? { progress: null, taskCount: 0, weightSum: 0 },
  };
}
