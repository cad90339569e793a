import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getWritablePlan } from "@/lib/tasks/task-rules";
import { commentIdSchema, commentSchema, editCommentSchema } from "@/lib/validation/task";
import { msg } from "@/lib/i18n/error-text";
import { actorOf, eventRow, recordEvent } from "@/lib/events/record";

/** Comments on a task (MEMBER and up); the author follows the task, the assignee and followers are notified. */
export const addComment = defineOperation("comments.write", commentSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: { id: input.taskId, teamId: ctx.team.id },
      select: { id: true, planId: true, assigneeId: true },
    });
    if (!task) throw new AppError("NOT_FOUND");
    await getWritablePlan(tx, { teamId: ctx.team.id, planId: task.planId });
    const comment = await tx.comment.create({
      data: { teamId: ctx.team.id, taskId: task.id, authorId: ctx.userId, body: input.body },
      select: { id: true },
    });
    await tx.taskFollower.upsert({
      where: { taskId_userId: { taskId: task.id, userId: ctx.userId } },
      create: { taskId: task.id, userId: ctx.userId, teamId: ctx.team.id },
      update: {},
    });
    const followers = await tx.taskFollower.findMany({
      where: { taskId: task.id, teamId: ctx.team.id },
      select: { userId: true },
    });
    const recipients = new Set(followers.map((f) => f.userId));
    if (task.assigneeId) recipients.add(task.assigneeId);
    recipients.delete(ctx.userId);
    if (recipients.size > 0) {
      await tx.notification.createMany({
        data: [...recipients].map((userId) => ({
          teamId: ctx.team.id,
          userId,
          actorId: ctx.userId,
          taskId: task.id,
          kind: "task.commented",
          data: { commentId: comment.id },
        })),
      });
    }
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
