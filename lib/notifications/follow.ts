import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/common";

export const followSchema = z.object({
  target: z.enum(["task", "plan"]),
  id: idSchema,
  follow: z.boolean(),
});
export type FollowInput = z.input<typeof followSchema>;

/**
 * Follows or unfollows a task or a plan of the team (any member, viewers too):
 * a follower hears of status changes and comments (lib/notifications/rules.ts).
 * Answers whether the user follows it now.
 */
export const setFollow = defineOperation("follow", followSchema, async (ctx, input) => {
  const teamId = ctx.team.id;
  const key = { userId: ctx.userId };
  if (input.target === "task") {
    const task = await db.task.findFirst({ where: { id: input.id, teamId }, select: { id: true } });
    if (!task) throw new AppError("NOT_FOUND");
    if (input.follow) {
      await db.taskFollower.upsert({
        where: { taskId_userId: { taskId: task.id, ...key } },
        create: { taskId: task.id, teamId, ...key },
        update: {},
      });
    } else await db.taskFollower.deleteMany({ where: { taskId: task.id, teamId, ...key } });
  } else {
    const plan = await db.plan.findFirst({ where: { id: input.id, teamId }, select: { id: true } });
    if (!plan) throw new AppError("NOT_FOUND");
    if (input.follow) {
      await db.planFollower.upsert({
        where: { planId_userId: { planId: plan.id, ...key } },
        create: { planId: plan.id, teamId, ...key },
        update: {},
      });
    } else await db.planFollower.deleteMany({ where: { planId: plan.id, teamId, ...key } });
  }
  return { following: input.follow };
});

/** Whether a user follows a task or a plan. */
export async function isFollowing({ userId, target, id }: { userId: string; target: "task" | "plan"; id: string }) {
  return target === "task"
    ? (await db.taskFollower.count({ where: { userId, taskId: id } })) > 0
    : (await db.planFollower.count({ where: { userId, planId: id } })) > 0;
}
