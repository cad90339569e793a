import "server-only";
import { AREA_CODES, type AreaCode } from "@/lib/catalog/types";
import { db } from "@/lib/db";

/** The recommendation areas a plan works on: those holding at least one of its tasks (any status), in code order. */
export async function findPlanAreas({ teamId, planId }: { teamId: string; planId: string }): Promise<AreaCode[]> {
  const rows = await db.task.groupBy({ by: ["areaCode"], where: { teamId, planId } });
  const present = new Set(rows.map((r) => r.areaCode));
  return AREA_CODES.filter((code) => present.has(code));
}
