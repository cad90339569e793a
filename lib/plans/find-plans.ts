import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { readPlanRollupRows } from "@/lib/progress/sql";
import { escapeLike } from "@/lib/tasks/find-tasks";

/** Plans a page of the team's plan list shows. */
export const PLANS_PER_PAGE = 25;

/**
 * One page of a team's plans (by status, then newest first), those whose title
 * contains `q` when given, with how many there are in all, each with the tasks that
 * count towards progress (every task but cancelled ones) and its overall progress,
 * both from the maintained rollups: the page costs the same however many plans and
 * tasks the team has. `page` is 1-based; past the last page, the last one.
 */
export async function findPlans({
  teamId,
  q = "",
  page = 1,
  perPage = PLANS_PER_PAGE,
}: {
  teamId: string;
  q?: string;
  page?: number;
  perPage?: number;
}) {
  const where: Prisma.PlanWhereInput = {
    teamId,
    ...(q.trim() ? { title: { contains: escapeLike(q.trim()), mode: "insensitive" } } : {}),
  };
  const total = await db.plan.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), pageCount);
  const plans = await db.plan.findMany({
    where,
    orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, status: true, startDate: true, targetDate: true },
    skip: (current - 1) * perPage,
    take: perPage,
  });
  const rows = await readPlanRollupRows(db, { teamId, planIds: plans.map((p) => p.id) });
  const sums = new Map(plans.map((p) => [p.id, { taskCount: 0, weightSum: 0, weighted: 0 }]));
  for (const r of rows) {
    const sum = sums.get(r.planId);
    if (!sum) continue;
    if (r.dimension === "status" && r.key !== "CANCELLED") sum.taskCount += r.taskCount;
    else if (r.dimension === "plan") Object.assign(sum, { weightSum: r.weightSum, weighted: r.weighted });
  }
  return {
    total,
    page: current,
    pageCount,
    plans: plans.map((p) => {
      const sum = sums.get(p.id)!;
      return { ...p, taskCount: sum.taskCount, progress: sum.weightSum > 0 ? sum.weighted / sum.weightSum : null };
    }),
  };
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
