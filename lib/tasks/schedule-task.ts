import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { assertDueDate, getWritablePlan } from "@/lib/tasks/task-rules";
import { applyTaskChange, loadTask } from "@/lib/tasks/update-task";
import { idSchema, optionalDateSchema, versionSchema } from "@/lib/validation/common";

export const scheduleTaskSchema = z.object({
  taskId: idSchema,
  version: versionSchema,
  startDate: optionalDateSchema,
  dueDate: optionalDateSchema,
});
export type ScheduleTaskInput = z.input<typeof scheduleTaskSchema>;

/**
 * Sets a task's start and due dates together (the timeline's drag and resize):
 * neither before the plan starts, the start not after the due date; through
 * applyTaskChange, so a stale version is a CONFLICT and the change is logged.
 */
export const scheduleTask = defineOperation("tasks.write", scheduleTaskSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const current = await loadTask(tx, ctx, input.taskId);
    const plan = await getWritablePlan(tx, { teamId: ctx.team.id, planId: current.planId });
    if (input.startDate && input.startDate < plan.startDate) {
      const date = plan.startDate.toISOString().slice(0, 10);
      throw new AppError("VALIDATION", { fieldErrors: { startDate: [msg("startBeforePlanStart", { date })] } });
    }
    assertDueDate(input.dueDate, plan.startDate);
    if (input.startDate && input.dueDate && input.startDate > input.dueDate) {
      throw new AppError("VALIDATION", { fieldErrors: { startDate: [msg("startAfterDue")] } });
    }
    return applyTaskChange(tx, ctx, current, input.version, { startDate: input.startDate, dueDate: input.dueDate });
  });
});
