import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getWritablePlan } from "@/lib/tasks/task-rules";
import { commentIdSchema, commentSchema, editCommentSchema } from "@/lib/validation/task";
import { msg } from "@/lib/i18n/error-text";
import { assertMentionsAreMembers } from "@/lib/mentions/server";
import { actorOf, eventRow, recordEvent } from "@/lib/events/record";

/**
 * Comments on a task (MEMBER and up); the author follows the task. Only members
 * can be mentioned; the comment.created event notifies the mentioned, the
 * creator, the assignee and the followers (lib/notifications/rules.ts).
 */
export const addComment = defineOperation("comments.write", commentSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: { id: input.taskId, teamId: ctx.team.id },
      select: { id: true, planId: true, assigneeId: true },
    });
    if (!task) throw new AppError("NOT_FOUND");
    await getWritablePlan(tx, { teamId: ctx.team.id, planId: task.planId });
    await assertMentionsAreMembers(tx, { teamId: ctx.team.id, text: input.body, field: "body" });
    const comment = await tx.comment.create({
      data: { teamId: ctx.team.id, taskId: task.id, authorId: ctx.userId, body: input.body },
      select: { id: true },
    });
    await tx.taskFollower.upsert({
      where: { taskId_userId: { taskId: task.id, userId: ctx.userId } },
      create: { taskId: task.id, userId: ctx.userId, teamId: ctx.team.id },
      update: {},
    });
    await recordEvent(tx, actorOf(ctx), {
      kind: "comment.created",
      planId: task.planId,
      taskId: task.id,
      commentId: comment.id,
    });
    return comment;
  });
});

async function ownComment(ctx: { team: { id: string }; userId: string }, commentId: string) {
  const comment = await db.comment.findFirst({
    where: { id: commentId, teamId: ctx.team.id, deletedAt: null },
    select: {
      id: true,
      authorId: true,
      taskId: true,
      body: true,
      task: { select: { planId: true, plan: { select: { status: true } } } },
    },
  });
  if (!comment) throw new AppError("NOT_FOUND");
  if (comment.authorId !== ctx.userId) throw new AppError("FORBIDDEN", { userMessage: msg("ownCommentsOnly") });
  if (comment.task.plan.status === "ARCHIVED") throw new AppError("FORBIDDEN", { userMessage: msg("planArchived") });
  return comment;
}

/** Edits one's own comment. */
export const editComment = defineOperation("comments.write", editCommentSchema, async (ctx, input) => {
  const comment = await ownComment(ctx, input.commentId);
  await assertMentionsAreMembers(db, { teamId: ctx.team.id, text: input.body, before: comment.body, field: "body" });
  await db.$transaction([
    db.comment.update({ where: { id: comment.id }, data: { body: input.body } }),
    db.activityEvent.create({
      data: eventRow(actorOf(ctx), {
        kind: "comment.edited",
        planId: comment.task.planId,
        taskId: comment.taskId,
        commentId: comment.id,
      }),
    }),
  ]);
  return { id: comment.id };
});

/** Deletes one's own comment (kept as deleted in the history). */
export const deleteComment = defineOperation("comments.write", commentIdSchema, async (ctx, input) => {
  const comment = await ownComment(ctx, input.commentId);
  await db.$transaction([
    db.comment.update({ where: { id: comment.id }, data: { deletedAt: new Date() } }),
    db.activityEvent.create({
      data: eventRow(actorOf(ctx), {
        kind: "comment.deleted",
        planId: comment.task.planId,
        taskId: comment.taskId,
        commentId: comment.id,
      }),
    }),
  ]);
  return { id: comment.id };
});
