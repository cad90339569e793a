import "server-only";
import { dbRead } from "@/lib/db";
import { toDateInput } from "@/lib/validation/common";
import { DAY_MS } from "@/lib/time";
import { OPEN_STATUSES } from "@/lib/tasks/status";

/** One member's open work in a plan; userId null is the "Unassigned" row. */
export type WorkloadRow = {
  userId: string | null;
  name: string | null;
  /** Shown beside the name, so that two members with the same name are told apart. */
  email: string | null;
  openCount: number;
  overdueCount: number;
  /** Σ dilemma weights of the member's open tasks. */
  weight: number;
  /** weight ÷ Σ weights of all open tasks of the plan, 0–1; null when the plan has no weighted open task. */
  share: number | null;
};

/**
 * Open tasks (TODO/IN_PROGRESS/BLOCKED) of a plan per assignee, in one grouped
 * query: every team member (also with nothing open), former assignees still
 * holding tasks, and the Unassigned row; heaviest share first, Unassigned last.
 */
export async function getPlanWorkload({
  teamId,
  planId,
  today,
}: {
  teamId: string;
  planId: string;
  today: Date;
}): Promise<WorkloadRow[]> {
  const rows = await dbRead.$queryRaw<WorkloadRow[]>`
    WITH open AS (
      SELECT t.id, t."assigneeId", t."dueDate", COALESCE(SUM(td.weight), 0)::int AS w
        FROM "Task" t
        LEFT JOIN "TaskDilemma" td ON td."taskId" = t.id AND td."teamId" = t."teamId"
       WHERE t."teamId" = ${teamId}
         AND t."planId" = ${planId}
         AND t.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
       GROUP BY t.id
    ),
    per AS (
      SELECT o."assigneeId",
             COUNT(*)::int AS "openCount",
             (COUNT(*) FILTER (WHERE o."dueDate" < ${toDateInput(today)}::date))::int AS "overdueCount",
             SUM(o.w)::int AS "weight"
        FROM open o
       GROUP BY o."assigneeId"
    ),
    members AS (SELECT m."userId" FROM "Membership" m WHERE m."teamId" = ${teamId})
    SELECT COALESCE(per."assigneeId", members."userId") AS "userId",
           u.name AS "name",
           u.email AS "email",
           COALESCE(per."openCount", 0)::int AS "openCount",
           COALESCE(per."overdueCount", 0)::int AS "overdueCount",
           COALESCE(per."weight", 0)::int AS "weight",
           (COALESCE(per."weight", 0)::float8 / NULLIF(SUM(COALESCE(per."weight", 0)) OVER (), 0))::float8 AS "share"
      FROM per
      FULL JOIN members ON members."userId" = per."assigneeId"
      LEFT JOIN "User" u ON u.id = COALESCE(per."assigneeId", members."userId")
     ORDER BY (COALESCE(per."assigneeId", members."userId") IS NULL), COALESCE(per."weight", 0) DESC, COALESCE(per."openCount", 0) DESC, u.name`;
  if (rows.some((r) => r.userId === null)) return rows;
  const total = rows.reduce((sum, r) => sum + r.weight, 0);
  return [
    ...rows,
    { userId: null, name: null, email: null, openCount: 0, overdueCount: 0, weight: 0, share: total > 0 ? 0 : null },
  ];
}

const dueSelect = {
  id: true,
  title: true,
  templateKey: true,
  templateTextEn: true,
  templateTextZh: true,
  status: true,
  dueDate: true,
  assignee: { select: { name: true } },
} as const;

/** How many tasks of each due list the plan dashboard shows; the rest are a link away. */
export const DUE_LIST_SIZE = 10;

/**
 * Open tasks of a plan that are overdue (due before today) and due in the next 7 days
 * (today … today+7), soonest first: the first `limit` of each, with how many there are.
 */
export async function findDueTasks({
  teamId,
  planId,
  today,
  limit = DUE_LIST_SIZE,
}: {
  teamId: string;
  planId: string;
  today: Date;
  limit?: number;
}) {
  const open = {
    teamId,
    planId,
    status: { in: [...OPEN_STATUSES] },
  };
  const list = async (dueDate: { lt: Date } | { gte: Date; lte: Date }) => {
    const where = { ...open, dueDate };
    const tasks = await dbRead.task.findMany({
      where,
      orderBy: [{ dueDate: "asc" }, { sortOrder: "asc" }],
      select: dueSelect,
      take: limit + 1,
    });
    const total = tasks.length > limit ? await dbRead.task.count({ where }) : tasks.length;
    return { tasks: tasks.slice(0, limit), total };
  };
  const [overdue, dueSoon] = await Promise.all([
    list({ lt: today }),
    list({ gte: today, lte: new Date(today.getTime() + 7 * DAY_MS) }),
  ]);
  return { overdue, dueSoon };
}
