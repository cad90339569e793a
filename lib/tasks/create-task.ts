import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import {
  applyStatus,
  completionTime,
  assertAssignable,
  assertTaskDates,
  getWritablePlan,
  notifyAssignment,
} from "@/lib/tasks/task-rules";
import { createTaskSchema } from "@/lib/validation/task";
import { assertMentionsAreMembers } from "@/lib/mentions/server";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Creates a custom task in a plan (MEMBER and up), with its dilemma links and a "task.created" event. */
export const createTask = defineOperation("tasks.write", createTaskSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const plan = await getWritablePlan(tx, { teamId: ctx.team.id, planId: input.planId });
    await assertAssignable(tx, { teamId: ctx.team.id, assigneeId: input.assigneeId });
    assertTaskDates(input, plan.startDate);
    await assertMentionsAreMembers(tx, { teamId: ctx.team.id, text: input.description, field: "description" });
    const { status, progress, progressBeforeDone } = applyStatus(null, {
      status: input.status,
      progress: input.progress,
    });
    const task = await tx.task.create({
      data: {
        teamId: ctx.team.id,
        planId: plan.id,
        title: input.title,
        description: input.description,
        areaCode: input.areaCode,
        pathCode: input.pathCode,
        priority: input.priority,
        status,
        progress,
        progressBeforeDone,
        assigneeId: input.assigneeId,
        startDate: input.startDate ?? null,
        dueDate: input.dueDate,
        sortOrder: 1000,
        createdById: ctx.userId,
        completedAt: completionTime(null, status) ?? null,
        dilemmas: { create: input.dilemmas },
      },
      select: { id: true },
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "task.created",
      planId: plan.id,
      taskId: task.id,
      after: { title: input.title, status, progress, assigneeId: input.assigneeId, dilemmas: input.dilemmas },
    });
    await tx.taskFollower.create({ data: { taskId: task.id, userId: ctx.userId, teamId: ctx.team.id } });
    await notifyAssignment(tx, {
      teamId: ctx.team.id,
      taskId: task.id,
      assigneeId: input.assigneeId,
      actorId: ctx.userId,
    });
    return { id: task.id };
  });
});
