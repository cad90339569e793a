import "server-only";
import { db } from "@/lib/db";
import { sqlRollups } from "@/lib/progress/sql";

/** A team's plans, newest first, with task counts and overall progress. */
export async function findPlans({ teamId }: { teamId: string }) {
  const plans = await db.plan.findMany({
    where: { teamId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, title: true, status: true, startDate: true, targetDate: true, _count: { select: { tasks: true } } },
  });
  const progress = await sqlRollups(db, { teamId, planIds: plans.map((p) => p.id), by: "plan" });
  return plans.map((p) => ({ ...p, taskCount: p._count.tasks, progress: progress.get(p.id)?.progress ?? null }));
}
