import { Prisma } from "@/generated/prisma/client";

// The dashboards' SQL, as builders: the app runs these, and `npm run bench`
// EXPLAINs the very same text. Every aggregate is Σ w·c / Σ w of
// the domain contract (DOMAIN.md) over tasks that are not CANCELLED and their dilemma
// links (lib/progress/formula.ts is the pure twin, tested on the same fixtures).

/** The events (`e`) of a plan that carry a task's status and progress: what every replay reads. */
export function taskStateEvents({ teamId, planId }: { teamId: string; planId: string }): Prisma.Sql {
  return Prisma.sql`e."planId" = ${planId}
         AND e."teamId" = ${teamId}
         AND e."taskId" IS NOT NULL
         AND e.kind IN ('task.created', 'task.updated')
         AND e.after ? 'status'`;
}

/** One row per counted link of a plan's tasks as they are now (see rollupsSql for the columns). */
export function planLinksSql({ teamId, planId }: { teamId: string; planId: string }): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id, t."areaCode", t."pathCode", t."planId", td."dilemmaCode" AS code, td.weight,
           td.weight * CASE WHEN t.status = 'DONE' THEN 1 ELSE t.progress / 100.0 END AS weighted
      FROM "Task" t
      JOIN "TaskDilemma" td ON td."taskId" = t.id
     WHERE t."teamId" = ${teamId}
       AND t."planId" = ${planId}
       AND t.status <> 'CANCELLED'`;
}

/**
 * One row per counted link of a plan's tasks as they were just before `before`:
 * each task's status and progress replayed from the activity log (the latest
 * task.created/updated event carrying them).
 */
export function planLinksAtSql({
  teamId,
  planId,
  before,
}: {
  teamId: string;
  planId: string;
  before: Date;
}): Prisma.Sql {
  return Prisma.sql`
    WITH state AS (
      SELECT DISTINCT ON (e."taskId") e."taskId", e.after->>'status' AS status, (e.after->>'progress')::int AS progress
        FROM "ActivityEvent" e
       WHERE ${taskStateEvents({ teamId, planId })}
         AND e."createdAt" < ${before}
       ORDER BY e."taskId", e.id DESC
    )
    SELECT t.id, t."areaCode", t."pathCode", t."planId", td."dilemmaCode" AS code, td.weight,
           td.weight * CASE WHEN s.status = 'DONE' THEN 1 ELSE s.progress / 100.0 END AS weighted
      FROM state s
      JOIN "Task" t ON t.id = s."taskId" AND t."planId" = ${planId} AND t."teamId" = ${teamId}
      JOIN "TaskDilemma" td ON td."taskId" = t.id
     WHERE s.status <> 'CANCELLED'`;
}

/**
 * Per plan and dilemma, the rollups of several plans' tasks as they were just
 * before `before`: the rule of planLinksAtSql (each task's latest state event of
 * its plan before then, counted links only), for all the plans in one pass over
 * their logs. Columns planId, key (the dilemma code), taskCount, weightSum,
 * weighted (Σ weight × contribution, contribution 0–1).
 */
export function dilemmaRollupsOfPlansAtSql({
  teamId,
  planIds,
  before,
}: {
  teamId: string;
  planIds: string[];
  before: Date;
}): Prisma.Sql {
  return Prisma.sql`
    WITH state AS (
      SELECT DISTINCT ON (e."planId", e."taskId") e."planId", e."taskId", e.after->>'status' AS status,
             (e.after->>'progress')::int AS progress
        FROM "ActivityEvent" e
       WHERE e."planId" = ANY(${planIds})
         AND e."teamId" = ${teamId}
         AND e."taskId" IS NOT NULL
         AND e.kind IN ('task.created', 'task.updated')
         AND e.after ? 'status'
         AND e."createdAt" < ${before}
       ORDER BY e."planId", e."taskId", e.id DESC
    )
    SELECT s."planId", td."dilemmaCode" AS "key", COUNT(*)::int AS "taskCount", SUM(td.weight)::int AS "weightSum",
           SUM(td.weight * CASE WHEN s.status = 'DONE' THEN 1 ELSE s.progress / 100.0 END)::float8 AS "weighted"
      FROM state s
      JOIN "Task" t ON t.id = s."taskId" AND t."planId" = s."planId" AND t."teamId" = ${teamId}
      JOIN "TaskDilemma" td ON td."taskId" = t.id
     WHERE s.status <> 'CANCELLED'
     GROUP BY 1, 2`;
}

/**
 * Rollups by dilemma, area, path and plan in one query over `links` (one row per
 * counted task–dilemma link with the columns id, areaCode, pathCode, planId,
 * code, weight, weighted = weight × the task's contribution). A task links to a
 * dilemma at most once, so by dilemma each link is one task; the other
 * dimensions first sum each task's links.
 */
export function rollupsSql(links: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH links AS MATERIALIZED (${links}),
    per_task AS (
      SELECT id, "areaCode", "pathCode", "planId", SUM(weight) AS weight, SUM(weighted) AS weighted
        FROM links
       GROUP BY 1, 2, 3, 4
    )
    SELECT 'dilemma' AS "dimension", code AS "key", COUNT(*)::int AS "taskCount", SUM(weight)::int AS "weightSum", SUM(weighted)::float8 AS "weighted"
      FROM links
     GROUP BY 2
    UNION ALL
    SELECT v.dimension, v.key, COUNT(*)::int, SUM(p.weight)::int, SUM(p.weighted)::float8
      FROM per_task p
     CROSS JOIN LATERAL (VALUES ('area', p."areaCode"), ('path', p."pathCode"), ('plan', p."planId")) AS v(dimension, key)
     GROUP BY 1, 2`;
}

/**
 * Per-dilemma Σ weight and Σ weight × contribution in hundredths (DONE counts
 * 100, else the progress) of a plan at the end of each of the given UTC days
 * (YYYY-MM-DD), replayed from the activity log with the rule of planLinksAtSql,
 * reading the log once: each task's last state of each day starts a period that
 * lasts until its next change; a period adds its weights on its first day and
 * takes them away on the day it ends, so a day's value is the running sum of
 * those changes up to that day. Task–dilemma links are today's. With
 * `changedAfter`, only the tasks with an event after the end of that day count.
 */
export function dilemmaSumsOnSql({
  teamId,
  planId,
  days,
  changedAfter,
}: {
  teamId: string;
  planId: string;
  days: string[];
  changedAfter?: string;
}): Prisma.Sql {
  const last = days.reduce((a, b) => (a > b ? a : b));
  const onlyChanged = changedAfter
    ? Prisma.sql`AND e."taskId" IN (
           SELECT c."taskId" FROM "ActivityEvent" c
            WHERE c."planId" = ${planId} AND c."teamId" = ${teamId} AND c."taskId" IS NOT NULL
              AND c."createdAt" >= (${changedAfter}::date + 1)::timestamp)`
    : Prisma.empty;
  return Prisma.sql`
    WITH days AS (
      SELECT DISTINCT unnest(${days}::date[]) AS day
    ),
    last_of_day AS (
      SELECT DISTINCT ON (e."taskId", e."createdAt"::date)
             e."taskId", e."createdAt"::date AS day, e.after->>'status' AS status, (e.after->>'progress')::int AS progress
        FROM "ActivityEvent" e
       WHERE ${taskStateEvents({ teamId, planId })}
         AND e."createdAt" < (${last}::date + 1)::timestamp
         ${onlyChanged}
       ORDER BY e."taskId", e."createdAt"::date, e.id DESC
    ),
    periods AS (
      SELECT "taskId", day AS "from", LEAD(day) OVER (PARTITION BY "taskId" ORDER BY day) AS "until", status, progress
        FROM last_of_day
    ),
    contributions AS (
      SELECT p."from", p."until", td."dilemmaCode" AS code, td.weight,
             td.weight * CASE WHEN p.status = 'DONE' THEN 100 ELSE p.progress END AS weighted
        FROM periods p
        JOIN "TaskDilemma" td ON td."taskId" = p."taskId" AND td."teamId" = ${teamId}
       WHERE p.status <> 'CANCELLED'
    ),
    changes AS (
      SELECT "from" AS day, code, SUM(weight) AS weight, SUM(weighted) AS weighted FROM contributions GROUP BY 1, 2
      UNION ALL
      SELECT "until", code, -SUM(weight), -SUM(weighted) FROM contributions WHERE "until" IS NOT NULL GROUP BY 1, 2
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS "day",
           c.code AS "code",
           SUM(c.weight)::int AS "weightSum",
           SUM(c.weighted)::int AS "weighted"
      FROM days d
      JOIN changes c ON c.day <= d.day
     GROUP BY d.day, c.code`;
}

/**
 * Computes and stores the PlanProgressDay rows of the given settled days (see
 * dilemmaSumsOnSql; arrays in the order D1–D4). Run after taking the plan's
 * advisory lock (progressDayLockSql) in the same transaction.
 */
export function storeProgressDaysSql({
  teamId,
  planId,
  days,
}: {
  teamId: string;
  planId: string;
  days: string[];
}): Prisma.Sql {
  const sum = (column: string, code: string) =>
    Prisma.sql`COALESCE(MAX(s.${Prisma.raw(`"${column}"`)}) FILTER (WHERE s.code = ${code}), 0)`;
  const codes = ["D1", "D2", "D3", "D4"];
  return Prisma.sql`
    WITH s AS (${dilemmaSumsOnSql({ teamId, planId, days })})
    INSERT INTO "PlanProgressDay" ("planId", "teamId", "day", "weightSums", "weighted")
    SELECT ${planId}, ${teamId}, d.day,
           ARRAY[${Prisma.join(codes.map((c) => sum("weightSum", c)))}]::int[],
           ARRAY[${Prisma.join(codes.map((c) => sum("weighted", c)))}]::int[]
      FROM (SELECT DISTINCT unnest(${days}::date[]) AS day) d
      LEFT JOIN s ON s.day = to_char(d.day, 'YYYY-MM-DD')
     GROUP BY d.day
    ON CONFLICT DO NOTHING`;
}

/** The plan's advisory lock that the PlanProgressDay triggers take too (see the migration that adds them). */
export function progressDayLockSql(planId: string): Prisma.Sql {
  return Prisma.sql`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`plan-progress:${planId}`}))) AS l`;
}

/** The team dashboard's heat map: per plan and dilemma, the rollup of the plans' links (each link is one task). */
export function teamCellsSql({ teamId, planIds }: { teamId: string; planIds: string[] }): Prisma.Sql {
  return Prisma.sql`
    SELECT t."planId" AS "planId",
           td."dilemmaCode" AS "dilemmaCode",
           COUNT(*)::int AS "taskCount",
           SUM(td.weight)::int AS "weightSum",
           SUM(td.weight * CASE WHEN t.status = 'DONE' THEN 1 ELSE t.progress / 100.0 END)::float8 AS "weighted"
      FROM "Task" t
      JOIN "TaskDilemma" td ON td."taskId" = t.id
     WHERE t."teamId" = ${teamId}
       AND t."planId" = ANY(${planIds})
       AND t.status <> 'CANCELLED'
     GROUP BY 1, 2`;
}

/** Per plan: the tasks the formula counts (not cancelled, linked to a dilemma), the open ones and the overdue ones. */
export function teamCountsSql({
  teamId,
  planIds,
  day,
}: {
  teamId: string;
  planIds: string[];
  day: string;
}): Prisma.Sql {
  return Prisma.sql`
    SELECT t."planId" AS "planId",
           (COUNT(*) FILTER (WHERE t.status <> 'CANCELLED' AND EXISTS (SELECT 1 FROM "TaskDilemma" td WHERE td."taskId" = t.id)))::int AS "linkedCount",
           (COUNT(*) FILTER (WHERE t.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')))::int AS "openCount",
           (COUNT(*) FILTER (WHERE t.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND t."dueDate" < ${day}::date))::int AS "overdueCount"
      FROM "Task" t
     WHERE t."teamId" = ${teamId}
       AND t."planId" = ANY(${planIds})
     GROUP BY 1`;
}

/**
 * The maintained rollups (table PlanRollup, kept by the triggers of migration
 * 20261202100000) of the given plans, one row per plan, dimension and key:
 * dimension dilemma / area / path / plan (key '') with taskCount, weightSum and
 * weighted = Σ w·c; status (key = status) with taskCount = the plan's tasks in
 * it; with `dueBefore` (YYYY-MM-DD) also overdue (key '') with taskCount = its
 * open tasks due before that day. Reads a few rows per plan, however many tasks.
 */
export function planRollupRowsSql({
  teamId,
  planIds,
  dueBefore,
}: {
  teamId: string;
  planIds: string[];
  dueBefore?: string;
}): Prisma.Sql {
  const due = dueBefore ? Prisma.sql`(r.dimension <> 'due' OR r.key < ${dueBefore})` : Prisma.sql`r.dimension <> 'due'`;
  return Prisma.sql`
    SELECT r."planId" AS "planId",
           CASE WHEN r.dimension = 'due' THEN 'overdue' ELSE r.dimension END AS "dimension",
           CASE WHEN r.dimension = 'due' THEN '' ELSE r.key END AS "key",
           SUM(r."taskCount")::int AS "taskCount",
           SUM(r."weightSum")::int AS "weightSum",
           (SUM(r.weighted) / 100.0)::float8 AS "weighted"
      FROM "PlanRollup" r
     WHERE r."teamId" = ${teamId}
       AND r."planId" = ANY(${planIds})
       AND ${due}
     GROUP BY 1, 2, 3`;
}
