import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import type { TeamContext } from "@/lib/server/team-context";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  applyStatus,
  assertAssignable,
  assertTaskDates,
  completionTime,
  diffTask,
  getWritablePlan,
  notifyAssignment,
} from "@/lib/tasks/task-rules";
import { keepTemplateText } from "@/lib/tasks/display-title";
import { toDateInput } from "@/lib/validation/common";
import { patchTaskSchema, setTaskStatusSchema, updateTaskSchema } from "@/lib/validation/task";
import { msg } from "@/lib/i18n/error-text";
import { actorOf, recordEvent } from "@/lib/events/record";
import { assertMentionsAreMembers } from "@/lib/mentions/server";

type Tx = Prisma.TransactionClient;

/** The task fields every write path reads before it changes a task. */
export const taskState = {
  id: true,
  planId: true,
  version: true,
  title: true,
  description: true,
  areaCode: true,
  pathCode: true,
  priority: true,
  status: true,
  assigneeId: true,
  startDate: true,
  dueDate: true,
  progress: true,
  progressBeforeDone: true,
  dilemmas: { select: { dilemmaCode: true, weight: true }, orderBy: { dilemmaCode: "asc" } },
} as const;

export async function loadTask(tx: Tx, ctx: TeamContext, taskId: string) {
  const task = await tx.task.findFirst({ where: { id: taskId, teamId: ctx.team.id }, select: taskState });
  if (!task) throw new AppError("NOT_FOUND");
  return task;
}

export type TaskState = Awaited<ReturnType<typeof loadTask>>;

/** The task as the client shows it (dates as YYYY-MM-DD), e.g. in a conflict message. */
export function serialiseTask({ progressBeforeDone: _kept, ...task }: TaskState) {
  return { ...task, startDate: toDateInput(task.startDate), dueDate: toDateInput(task.dueDate) };
}

/**
 * The one way an existing task changes (form, board, quick status, bulk): applies
 * the change if nobody saved since `version` (checked and bumped in the same
 * UPDATE, so of two concurrent saves one wins and the other gets CONFLICT with the
 * current task), keeps status, progress and completion time together, records the
 * task.updated event and tells a new assignee.
 */
export async function applyTaskChange(
  tx: Tx,
  ctx: TeamContext,
  current: TaskState,
  version: number,
  change: Partial<Omit<TaskState, "id" | "planId" | "version" | "progressBeforeDone">>,
) {
  const { dilemmas, ...fields } = change;
  const next = { ...fields };
  if (fields.status !== undefined || fields.progress !== undefined) {
    Object.assign(next, applyStatus(current, { status: fields.status, progress: fields.progress }));
  }
  const diff = diffTask(current, { ...next, ...(dilemmas ? { dilemmas } : {}) });
  const completedAt = completionTime(current.status, next.status);
  const { count } = await tx.task.updateMany({
    where: { id: current.id, teamId: ctx.team.id, version },
    data: {
      ...(next as Prisma.TaskUpdateManyMutationInput),
      ...(completedAt !== undefined ? { completedAt } : {}),
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    // Re-read: `current` may predate a save that committed while this UPDATE waited for the row.
    throw new AppError("CONFLICT", {
      userMessage: msg("taskEditConflict"),
      details: { current: serialiseTask(await loadTask(tx, ctx, current.id)) },
    });
  }
  if (dilemmas && "dilemmas" in diff.after) {
    await tx.taskDilemma.deleteMany({ where: { taskId: current.id } });
    await tx.taskDilemma.createMany({ data: dilemmas.map((d) => ({ ...d, taskId: current.id, teamId: ctx.team.id })) });
  }
  if (diff.hasChanges) {
    await recordEvent(tx, actorOf(ctx), {
      kind: "task.updated",
      planId: current.planId,
      taskId: current.id,
      before: diff.before,
      after: diff.after,
    });
  }
  if (fields.assigneeId !== undefined && fields.assigneeId !== current.assigneeId) {
    await notifyAssignment(tx, {
      teamId: ctx.team.id,
      taskId: current.id,
      assigneeId: fields.assigneeId,
      actorId: ctx.userId,
    });
  }
  return { id: current.id, version: version + 1 };
}

/** The catalog's text copied onto the task (null on custom tasks). */
async function loadTemplateCopies(tx: Tx, ctx: TeamContext, taskId: string) {
  const copies = await tx.task.findFirst({
    where: { id: taskId, teamId: ctx.team.id },
    select: {
      templateKey: true,
      templateTextZh: true,
      templateTextEn: true,
      templateDescriptionZh: true,
      templateDescriptionEn: true,
    },
  });
  if (!copies) throw new AppError("NOT_FOUND");
  return copies;
}

/**
 * Saves every field of a task (MEMBER and up); refused with CONFLICT when someone
 * saved since `version`. The template's text sent back in either language is no
 * edit: it stays as stored and keeps following each reader's language.
 */
export const updateTask = defineOperation("tasks.write", updateTaskSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const current = await loadTask(tx, ctx, input.taskId);
    const plan = await getWritablePlan(tx, { teamId: ctx.team.id, planId: current.planId });
    await assertAssignable(tx, { teamId: ctx.team.id, assigneeId: input.assigneeId });
    await assertMentionsAreMembers(tx, {
      teamId: ctx.team.id,
      text: input.description,
      before: current.description,
      field: "description",
    });
    assertTaskDates(
      { startDate: input.startDate === undefined ? current.startDate : input.startDate, dueDate: input.dueDate },
      plan.startDate,
    );
    const { taskId: _taskId, version, startDate, ...submitted } = input;
    const copies = await loadTemplateCopies(tx, ctx, current.id);
    const fields = keepTemplateText({ ...current, ...copies }, submitted);
    return applyTaskChange(tx, ctx, current, version, {
      ...fields,
      ...(startDate !== undefined ? { startDate } : {}),
      dilemmas: [...fields.dilemmas].sort((a, b) => a.dilemmaCode.localeCompare(b.dilemmaCode)),
    });
  });
});

/**
 * Saves only the fields sent (the task page's autosave, one field at a time;
 * MEMBER and up), with the same rules and conflict check as updateTask: a stale
 * version is a CONFLICT with the current task, so the client can tell whether
 * someone else changed this field or another one. Answers with the task as saved,
 * so the page also shows what the change did to other fields (DONE means 100 %).
 */
export const patchTask = defineOperation("tasks.write", patchTaskSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const current = await loadTask(tx, ctx, input.taskId);
    const plan = await getWritablePlan(tx, { teamId: ctx.team.id, planId: current.planId });
    const { taskId: _taskId, version, ...submitted } = input;
    if (submitted.assigneeId !== undefined) {
      await assertAssignable(tx, { teamId: ctx.team.id, assigneeId: submitted.assigneeId });
    }
    if (submitted.description !== undefined) {
      await assertMentionsAreMembers(tx, {
        teamId: ctx.team.id,
        text: submitted.description,
        before: current.description,
        field: "description",
      });
    }
    if (submitted.startDate !== undefined || submitted.dueDate !== undefined) {
      assertTaskDates(
        {
          startDate: submitted.startDate === undefined ? current.startDate : submitted.startDate,
          dueDate: submitted.dueDate === undefined ? current.dueDate : submitted.dueDate,
        },
        plan.startDate,
      );
    }
    const hasText = submitted.title !== undefined || submitted.description !== undefined;
    const fields = hasText
      ? keepTemplateText({ ...current, ...(await loadTemplateCopies(tx, ctx, current.id)) }, submitted)
      : submitted;
    const { dilemmas, ...rest } = fields;
    const saved = await applyTaskChange(tx, ctx, current, version, {
      ...rest,
      ...(dilemmas ? { dilemmas: [...dilemmas].sort((a, b) => a.dilemmaCode.localeCompare(b.dilemmaCode)) } : {}),
    });
    return { ...saved, task: serialiseTask(await loadTask(tx, ctx, current.id)) };
  });
});

/** Changes only a task's status (board moves, my-tasks quick change), with the same conflict check. */
export const setTaskStatus = defineOperation("tasks.write", setTaskStatusSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const current = await loadTask(tx, ctx, input.taskId);
    await getWritablePlan(tx, { teamId: ctx.team.id, planId: current.planId });
    return applyTaskChange(tx, ctx, current, input.version, { status: input.status });
  });
});
