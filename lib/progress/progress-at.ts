import type { PrismaClient } from "@/generated/prisma/client";
import { DILEMMA_CODES, type DilemmaCode } from "@/lib/catalog/types";
import type { Rollup } from "@/lib/progress/formula";
import { dilemmaRollupsOfPlansAtSql, planLinksAtSql } from "@/lib/progress/queries";
import { completeRollups, rollupsOfLinks } from "@/lib/progress/sql";
import { addDays } from "@/lib/time";

type Queryable = Pick<PrismaClient, "$queryRaw">;

/** Per-dilemma, per-area and per-path progress of a plan at the end of a past (UTC) day, replayed from the activity log. */
export function planProgressAt(db: Queryable, { teamId, planId, day }: { teamId: string; planId: string; day: Date }) {
  return planProgressBefore(db, { teamId, planId, before: addDays(day, 1) });
}

/** The same replay just before an instant (e.g. the start of a week in a person's time zone). */
export function planProgressBefore(
  db: Queryable,
  { teamId, planId, before }: { teamId: string; planId: string; before: Date },
) {
  return rollupsOfLinks(db, planId, planLinksAtSql({ teamId, planId, before }));
}

/**
 * Per-dilemma progress of several plans just before an instant, as planProgressBefore
 * gives each (same replay, same figures), in one query: a team's weekly digest
 * replays all its active plans at the start and the end of the week.
 */
export async function dilemmaProgressOfPlansBefore(
  db: Queryable,
  { teamId, planIds, before }: { teamId: string; planIds: string[]; before: Date },
): Promise<Map<string, Record<DilemmaCode, Rollup>>> {
  const rows =
    planIds.length === 0
      ? []
      : await db.$queryRaw<{ planId: string; key: string; taskCount: number; weightSum: number; weighted: number }[]>(
          dilemmaRollupsOfPlansAtSql({ teamId, planIds, before }),
        );
  const byPlan = new Map<string, Map<string, Rollup>>(planIds.map((id) => [id, new Map()]));
  for (const r of rows) {
    byPlan.get(r.planId)?.set(r.key, {
      taskCount: r.taskCount,
      weightSum: r.weightSum,
      progress: r.weightSum > 0 ? r.weighted / r.weightSum : null,
    });
  }
  return new Map([...byPlan].map(([id, rollups]) => [id, completeRollups(DILEMMA_CODES, rollups)]));
}
