import type { PrismaClient } from "@/generated/prisma/client";
import { planLinksAtSql } from "@/lib/progress/queries";
import { rollupsOfLinks } from "@/lib/progress/sql";
import { addDays } from "@/lib/time";

type Queryable = Pick<PrismaClient, "$queryRaw">;

/** Per-dilemma, per-area and per-path progress of a plan at the end of a past (UTC) day, replayed from the activity log. */
export function planProgressAt(db: Queryable, { teamId, planId, day }: { teamId: string; planId: string; day: Date }) {
  const before = addDays(day, 1);
  return rollupsOfLinks(db, planId, planLinksAtSql({ teamId, planId, before }));
}
