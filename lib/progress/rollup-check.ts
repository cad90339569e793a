import type { PrismaClient } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";

// Verification and recomputation of the maintained rollups (table PlanRollup,
// migration 20261202100000): what `npm run db:rollups -- --check / --rebuild` runs.

type Queryable = Pick<PrismaClient, "$queryRaw">;

/** A (plan, dimension, key) whose maintained sums differ from a recomputation from the tasks. */
export type RollupDifference = {
  planId: string;
  dimension: string;
  key: string;
  actual: { taskCount: number; weightSum: number; weighted: number };
  expected: { taskCount: number; weightSum: number; weighted: number };
};

type Row = {
  planId: string;
  dimension: string;
  key: string;
  aTaskCount: number;
  aWeightSum: number;
  aWeighted: number;
  eTaskCount: number;
  eWeightSum: number;
  eWeighted: number;
};

/**
 * The differences between the maintained rollups and the same rows recomputed from
 * tasks and links, for the given plans (all when omitted), read in one snapshot.
 * Weighted sums are in hundredths (Σ weight × completion × 100), compared exactly.
 */
export async function rollupDifferences(db: Queryable, planIds?: string[]): Promise<RollupDifference[]> {
  const ids = planIds ?? null;
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH actual AS (
      SELECT r."planId", r.dimension, r.key,
             SUM(r."taskCount")::int AS "taskCount", SUM(r."weightSum")::int AS "weightSum", SUM(r.weighted)::bigint AS weighted
        FROM "PlanRollup" r
       WHERE ${ids}::text[] IS NULL OR r."planId" = ANY(${ids}::text[])
       GROUP BY 1, 2, 3
    ),
    expected AS (SELECT * FROM "pathwise_rollup_expected"(${ids}::text[]))
    SELECT COALESCE(a."planId", e."planId") AS "planId",
           COALESCE(a.dimension, e.dimension) AS "dimension",
           COALESCE(a.key, e.key) AS "key",
           COALESCE(a."taskCount", 0) AS "aTaskCount", COALESCE(a."weightSum", 0) AS "aWeightSum", COALESCE(a.weighted, 0)::float8 AS "aWeighted",
           COALESCE(e."taskCount", 0) AS "eTaskCount", COALESCE(e."weightSum", 0) AS "eWeightSum", COALESCE(e.weighted, 0)::float8 AS "eWeighted"
      FROM actual a
      FULL JOIN expected e ON e."planId" = a."planId" AND e.dimension = a.dimension AND e.key = a.key
     WHERE (COALESCE(a."taskCount", 0), COALESCE(a."weightSum", 0), COALESCE(a.weighted, 0))
           <> (COALESCE(e."taskCount", 0), COALESCE(e."weightSum", 0), COALESCE(e.weighted, 0))
     ORDER BY 1, 2, 3`);
  return rows.map((r) => ({
    planId: r.planId,
    dimension: r.dimension,
    key: r.key,
    actual: { taskCount: r.aTaskCount, weightSum: r.aWeightSum, weighted: r.aWeighted },
    expected: { taskCount: r.eTaskCount, weightSum: r.eWeightSum, weighted: r.eWeighted },
  }));
}

/** Recomputes every plan's rollups from its tasks and links (task writes wait meanwhile); returns the rows written. */
export async function rebuildRollups(db: Queryable): Promise<number> {
  await db.$queryRaw`SELECT 1 AS done FROM (SELECT "pathwise_rollup_rebuild"()) AS r`;
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS count FROM "PlanRollup"`;
  return row?.count ?? 0;
}
