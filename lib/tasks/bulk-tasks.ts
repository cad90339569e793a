import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyStatus, assertAssignable, assertTaskDates, diffTask } from "@/lib/tasks/task-rules";
import { applyTaskChange, taskState } from "@/lib/tasks/update-task";
import { bulkTasksSchema } from "@/lib/validation/task";
import { msg } from "@/lib/i18n/error-text";
import { recordEvents } from "@/lib/events/record";

/** Assigns, sets status, sets due date or deletes many tasks: one transaction, all or nothing. */
export const bulkTasks = defineOperation("tasks.write", bulkTasksSchema, async (ctx, input) => {
  const ids = [...new Set(input.taskIds)];
  return db.$transaction(async (tx) => {
    const tasks = await tx.task.findMany({
      where: { id: { in: ids }, teamId: ctx.team.id },
      select: { ...taskState, plan: { select: { status: true, startDate: true } } },
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
    for (const { plan, ...task } of tasks) {
      let change: Parameters<typeof applyTaskChange>[4];
      if (input.action === "assign") change = { assigneeId: input.assigneeId };
      else if (input.action === "status") change = { status: input.status };
      else {
        assertTaskDates({ startDate: task.startDate, dueDate: input.dueDate }, plan.startDate);
        change = { dueDate: input.dueDate };
      }
      // A task that already is as asked keeps its version and gets no event.
      const effective = input.action === "status" ? applyStatus(task, change) : change;
      if (!diffTask(task, effective).hasChanges) continue;
      // Checked against the version just read: a save that lands meanwhile refuses the whole batch.
      await applyTaskChange(tx, ctx, task, task.version, change);
    }
    return { count: ids.length };
  });
});
