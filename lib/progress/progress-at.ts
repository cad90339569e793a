import type { PrismaClient } from "@/generated/prisma/client";
import { planLinksAtSql } from "@/lib/progress/queries";
import { rollupsOfLinks } from "@/lib/progress/sql";
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
