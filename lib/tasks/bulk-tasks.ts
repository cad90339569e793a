import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyStatus, assertAssignable, assertDueDate, diffTask, notifyAssignment } from "@/lib/tasks/task-rules";
import { bulkTasksSchema } from "@/lib/validation/task";
import { msg } from "@/lib/i18n/error-text";

/** Assigns, sets status, sets due date or deletes many tasks: one transaction, all or nothing. */
export const bulkTasks = defineOperation("tasks.write", bulkTasksSchema, async (ctx, input) => {
  const ids = [...new Set(input.taskIds)];
  return db.$transaction(async (tx) => {
    const tasks = await tx.task.findMany({
      where: { id: { in: ids }, teamId: ctx.team.id },
      select: {
        id: true,
        planId: true,
        status: true,
        progress: true,
        progressBeforeDone: true,
        assigneeId: true,
        dueDate: true,
        title: true,
        plan: { select: { status: true, startDate: true } },
      },
    });
    if (tasks.length !== ids.length) throw new AppError("NOT_FOUND", { userMessage: msg("tasksMissing") });
    if (tasks.some((t) => t.plan.status === "ARCHIVED"))
      throw new AppError("FORBIDDEN", { userMessage: msg("archivedTasksReadOnly") });

    if (input.action === "delete") {
      await tx.task.deleteMany({ where: { id: { in: ids }, teamId: ctx.team.id } });
      await tx.activityEvent.createMany({
        data: tasks.map((t) => ({
          teamId: ctx.team.id,
          planId: t.planId,
          actorId: ctx.userId,
          kind: "task.deleted",
          entityType: "task",
          entityId: t.id,
          before: { title: t.title, status: t.status, progress: t.progress },
        })),
      });
      return { count: ids.length };
    }

    if (input.action === "assign") await assertAssignable(tx, { teamId: ctx.team.id, assigneeId: input.assigneeId });
    for (const task of tasks) {
      let change: Record<string, unknown>;
      if (input.action === "assign") change = { assigneeId: input.assigneeId };
      else if (input.action === "status") change = applyStatus(task, { status: input.status });
      else {
        assertDueDate(input.dueDate, task.plan.startDate);
        change = { dueDate: input.dueDate };
      }
      const diff = diffTask(task, change);
      if (!diff.hasChanges) continue;
      const completedAt =
        input.action !== "status" || input.status === task.status
          ? undefined
          : input.status === "DONE"
            ? new Date()
            : null;
      await tx.task.update({
        where: { id: task.id },
        data: {
          ...(change as Prisma.TaskUpdateInput),
          ...(completedAt !== undefined ? { completedAt } : {}),
          version: { increment: 1 },
        },
      });
      await tx.activityEvent.create({
        data: {
          teamId: ctx.team.id,
          planId: task.planId,
          taskId: task.id,
          actorId: ctx.userId,
          kind: "task.updated",
          entityType: "task",
          entityId: task.id,
          before: diff.before as Prisma.InputJsonObject,
          after: diff.after as Prisma.InputJsonObject,
          ip: ctx.ip,
        },
      });
      if (input.action === "assign")
        await notifyAssignment(tx, {
          teamId: ctx.team.id,
          taskId: task.id,
          assigneeId: input.assigneeId,
          actorId: ctx.userId,
        });
    }
    return { count: ids.length };
  });
});
