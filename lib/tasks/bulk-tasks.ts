import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyStatus, assertAssignable, assertDueDate, diffTask, notifyAssignment } from "@/lib/tasks/task-rules";
import { bulkTasksSchema } from "@/lib/validation/task";
import { msg } from "@/lib/i18n/error-text";
import { actorOf, recordEvent, recordEvents } from "@/lib/events/record";

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
      await recordEvents(
        tx,
        { teamId: ctx.team.id, userId: ctx.userId },
        tasks.map((t) => ({
          kind: "task.deleted",
          planId: t.planId,
          taskId: t.id,
          before: { title: t.title, status: t.status, progress: t.progress },
        })),
      );
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
      await recordEvent(tx, actorOf(ctx), {
        kind: "task.updated",
        planId: task.planId,
        taskId: task.id,
        before: diff.before,
        after: diff.after,
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
