import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorOf, recordEvent } from "@/lib/events/record";
import { msg } from "@/lib/i18n/error-text";
import type { TeamContext } from "@/lib/server/team-context";
import { getWritablePlan } from "@/lib/tasks/task-rules";
import { taskDependencySchema } from "@/lib/validation/dependency";

type Tx = Prisma.TransactionClient;

/** How a task is named in messages and events: its template code, then its title. */
const nameOf = (task: { templateKey: string | null; title: string }) =>
  task.templateKey ? `${task.templateKey} · ${task.title}` : task.title;

function refuse(key: "dependencySelf" | "dependencyOtherPlan" | "dependencyExists" | "dependencyCycle", blocker = "") {
  const message = msg(key, { blocker });
  return new AppError("VALIDATION", { userMessage: message, fieldErrors: { blockerId: [message] } });
}

/** The blocked task of the team and its plan, which must not be archived. */
async function loadBlocked(tx: Tx, ctx: TeamContext, taskId: string) {
  const task = await tx.task.findFirst({
    where: { id: taskId, teamId: ctx.team.id },
    select: { id: true, planId: true },
  });
  if (!task) throw new AppError("NOT_FOUND");
  await getWritablePlan(tx, { teamId: ctx.team.id, planId: task.planId });
  return task;
}

/** Serialises the dependency writes of one plan, so two links added at once cannot close a cycle together. */
async function lockPlanDependencies(tx: Tx, planId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`task-dependencies:${planId}`}))`;
}

/** Whether `from` already blocks `to`, directly or through a chain of other tasks. */
export async function blocksTransitively(tx: Tx, from: string, to: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ found: number }[]>`
    WITH RECURSIVE chain(id) AS (
      SELECT "blockedId" FROM "TaskDependency" WHERE "blockerId" = ${from}
      UNION
      SELECT d."blockedId" FROM "TaskDependency" d JOIN chain c ON d."blockerId" = c.id
    )
    SELECT 1 AS found FROM chain WHERE id = ${to} LIMIT 1`;
  return rows.length > 0;
}

/**
 * Makes a task wait for another task of the same plan (MEMBER and up, plans not
 * archived). Refused with a message naming the blocker when it is the task
 * itself, of another plan (another team's task is the same as a missing one),
 * already a blocker, or when the task already blocks it, however indirectly
 * (a cycle). Records task.dependency_added on the blocked task.
 */
export const addTaskDependency = defineOperation("tasks.write", taskDependencySchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const task = await loadBlocked(tx, ctx, input.taskId);
    if (input.blockerId === task.id) throw refuse("dependencySelf");
    const blocker = await tx.task.findFirst({
      where: { id: input.blockerId, teamId: ctx.team.id, planId: task.planId },
      select: { id: true, title: true, templateKey: true },
    });
    if (!blocker) throw refuse("dependencyOtherPlan");
    await lockPlanDependencies(tx, task.planId);
    const existing = await tx.taskDependency.findUnique({
      where: { blockerId_blockedId: { blockerId: blocker.id, blockedId: task.id } },
      select: { planId: true },
    });
    if (existing) throw refuse("dependencyExists", nameOf(blocker));
    if (await blocksTransitively(tx, task.id, blocker.id)) throw refuse("dependencyCycle", nameOf(blocker));
    await tx.taskDependency.create({
      data: { teamId: ctx.team.id, planId: task.planId, blockerId: blocker.id, blockedId: task.id },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "task.dependency_added",
      planId: task.planId,
      taskId: task.id,
      after: { blockerId: blocker.id, blockerTitle: blocker.title },
    });
    return { taskId: task.id, blockerId: blocker.id };
  });
});

/** Removes a "blocked by" link (MEMBER and up, plans not archived); a link that does not exist is NOT_FOUND. */
export const removeTaskDependency = defineOperation("tasks.write", taskDependencySchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const task = await loadBlocked(tx, ctx, input.taskId);
    await lockPlanDependencies(tx, task.planId);
    const link = await tx.taskDependency.findFirst({
      where: { blockerId: input.blockerId, blockedId: task.id, teamId: ctx.team.id },
      select: { blocker: { select: { id: true, title: true } } },
    });
    if (!link) throw new AppError("NOT_FOUND");
    await tx.taskDependency.delete({
      where: { blockerId_blockedId: { blockerId: link.blocker.id, blockedId: task.id } },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "task.dependency_removed",
      planId: task.planId,
      taskId: task.id,
      before: { blockerId: link.blocker.id, blockerTitle: link.blocker.title },
    });
    return { taskId: task.id, blockerId: link.blocker.id };
  });
});

const linkedTaskSelect = {
  id: true,
  planId: true,
  title: true,
  templateKey: true,
  templateTextZh: true,
  templateTextEn: true,
  status: true,
  startDate: true,
  dueDate: true,
} as const satisfies Prisma.TaskSelect;

export type LinkedTask = Prisma.TaskGetPayload<{ select: typeof linkedTaskSelect }>;

/** A task's blockers and the tasks it blocks, each ordered by due date (undated last), then title. */
export async function getTaskDependencies({ teamId, taskId }: { teamId: string; taskId: string }) {
  const [blockedBy, blocking] = await Promise.all([
    db.taskDependency.findMany({
      where: { teamId, blockedId: taskId },
      select: { blocker: { select: linkedTaskSelect } },
      orderBy: [{ blocker: { dueDate: { sort: "asc", nulls: "last" } } }, { blocker: { title: "asc" } }],
    }),
    db.taskDependency.findMany({
      where: { teamId, blockerId: taskId },
      select: { blocked: { select: linkedTaskSelect } },
      orderBy: [{ blocked: { dueDate: { sort: "asc", nulls: "last" } } }, { blocked: { title: "asc" } }],
    }),
  ]);
  return { blockedBy: blockedBy.map((d) => d.blocker), blocking: blocking.map((d) => d.blocked) };
}

/** The tasks of a plan another task could wait for (id, title, code, status), in the plan's order. */
export async function findPlanTaskChoices({ teamId, planId }: { teamId: string; planId: string }) {
  return db.task.findMany({
    where: { teamId, planId },
    select: linkedTaskSelect,
    orderBy: [{ areaCode: "asc" }, { sortOrder: "asc" }, { createdAt: "asc" }],
  });
}

/** The "blocked by" links of a plan (blocker → blocked), for the timeline's arrows and the duplicate (`client`: its transaction). */
export async function findPlanDependencies(
  { teamId, planId }: { teamId: string; planId: string },
  client: Tx | typeof db = db,
) {
  return client.taskDependency.findMany({
    where: { teamId, planId },
    select: { blockerId: true, blockedId: true },
    orderBy: [{ createdAt: "asc" }, { blockerId: "asc" }, { blockedId: "asc" }],
  });
}

/** Tasks of a plan by id (the ends of its links that a filter hides from the timeline). */
export async function findLinkedTasks({ teamId, planId, ids }: { teamId: string; planId: string; ids: string[] }) {
  if (ids.length === 0) return [];
  return db.task.findMany({ where: { teamId, planId, id: { in: ids } }, select: linkedTaskSelect });
}

/** The blockers of each of the given tasks of a team, by blocked task id (for the API and CSV). */
export async function findBlockerIds(teamId: string, taskIds: string[]): Promise<Map<string, string[]>> {
  const links = await db.taskDependency.findMany({
    where: { teamId, blockedId: { in: taskIds } },
    select: { blockerId: true, blockedId: true },
    orderBy: [{ blockedId: "asc" }, { blockerId: "asc" }],
  });
  const byTask = new Map<string, string[]>(taskIds.map((id) => [id, []]));
  for (const link of links) byTask.get(link.blockedId)?.push(link.blockerId);
  return byTask;
}
