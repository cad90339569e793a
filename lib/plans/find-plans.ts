import "server-only";
import { db } from "@/lib/db";
import { sqlRollups } from "@/lib/progress/sql";

/** A team's plans, newest first, with task counts and overall progress. */
export async function findPlans({ teamId }: { teamId: string }) {
  const plans = await db.plan.findMany({
    where: { teamId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      startDate: true,
      targetDate: true,
      // taskCount: the tasks that count towards progress (every task but cancelled ones), as in the rollups.
      _count: { select: { tasks: { where: { status: { not: "CANCELLED" } } } } },
    },
  });
  const progress = await sqlRollups(db, { teamId, planIds: plans.map((p) => p.id), by: "plan" });
  return plans.map((p) => ({ ...p, taskCount: p._count.tasks, progress: progress.get(p.id)?.progress ?? null }));
}

/** The template keys a plan's tasks came from. */
export async function findTemplateKeysInPlan({ teamId, planId }: { teamId: string; planId: string }) {
  const rows = await db.task.findMany({
    where: { teamId, planId, templateKey: { not: null } },
    select: { templateKey: true },
    distinct: ["templateKey"],
  });
  return new Set(rows.map((r) => r.templateKey));
}
