import "server-only";
import { dbRead } from "@/lib/db";
import { DILEMMA_CODES, type DilemmaCode } from "@/lib/catalog/types";
import { toDateInput } from "@/lib/validation/common";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The most points a trend has (plus the last day). */
export const MAX_TREND_POINTS = 120;

/** One day of a trend: per dilemma the weighted progress (0–1) at the end of that UTC day, null when not addressed. */
export type TrendPoint = { day: string; dilemmas: Record<DilemmaCode, number | null> };

/** Step in days between trend points: 1 while the span fits MAX_TREND_POINTS, else ceil(span / MAX_TREND_POINTS). */
export function trendStep(from: Date, to: Date): number {
  const span = Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY_MS));
  return span <= MAX_TREND_POINTS ? 1 : Math.ceil(span / MAX_TREND_POINTS);
}

/**
 * Per-dilemma progress of a plan at the end of each day from `from` to `to`
 * (UTC dates; `to` always included, stepping back by trendStep), replayed from
 * the activity log with the rule of planProgressAt — in one query.
 */
export async function getPlanTrend({ teamId, planId, from, to }: { teamId: string; planId: string; from: Date; to: Date }): Promise<TrendPoint[]> {
  if (to.getTime() < from.getTime()) return [];
  const step = trendStep(from, to);
  const rows = await dbRead.$queryRaw<{ day: string; code: string | null; weightSum: number | null; weighted: number | null }[]>`
    WITH days AS (
      SELECT g::date AS day
        FROM generate_series(${toDateInput(to)}::date::timestamp, ${toDateInput(from)}::date::timestamp, make_interval(days => -${step}::int)) g
    ),
    state AS (
      SELECT d.day, s."taskId", s.status, s.progress
        FROM days d
        CROSS JOIN LATERAL (
          SELECT DISTINCT ON (e."taskId") e."taskId", e.after->>'status' AS status, (e.after->>'progress')::int AS progress
            FROM "ActivityEvent" e
           WHERE e."planId" = ${planId}
             AND e."teamId" = ${teamId}
             AND e."taskId" IS NOT NULL
             AND e.kind IN ('task.created', 'task.updated')
             AND e.after ? 'status'
             AND e."createdAt" < (d.day + 1)::timestamp
           ORDER BY e."taskId", e.id DESC
        ) s
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS "day",
           td."dilemmaCode" AS "code",
           SUM(td.weight)::int AS "weightSum",
           SUM(td.weight * CASE WHEN st.status = 'DONE' THEN 1 ELSE st.progress / 100.0 END)::float8 AS "weighted"
      FROM days d
      LEFT JOIN state st ON st.day = d.day AND st.status <> 'CANCELLED'
      LEFT JOIN "TaskDilemma" td ON td."taskId" = st."taskId" AND td."teamId" = ${teamId}
     GROUP BY d.day, td."dilemmaCode"
     ORDER BY d.day`;
  const points = new Map<string, TrendPoint>();
  for (const row of rows) {
    const point = points.get(row.day) ?? { day: row.day, dilemmas: Object.fromEntries(DILEMMA_CODES.map((c) => [c, null])) as Record<DilemmaCode, number | null> };
    points.set(row.day, point);
    if (row.code && row.weightSum && row.weighted !== null && (DILEMMA_CODES as readonly string[]).includes(row.code)) {
      point.dilemmas[row.code as DilemmaCode] = row.weighted / row.weightSum;
    }
  }
  return [...points.values()];
}
