import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { assertTaskDates, getWritablePlan } from "@/lib/tasks/task-rules";
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
    assertTaskDates(input, plan.startDate);
    return applyTaskChange(tx, ctx, current, input.version, { startDate: input.startDate, dueDate: input.dueDate });
  });
});
