import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { displayTitle } from "@/lib/tasks/display-title";
import { parseTaskFilters } from "@/lib/tasks/task-filters";
import { escapeLike, taskWhere } from "@/lib/tasks/find-tasks";

export const searchTeamTasksSchema = z.object({
  q: z.string().trim().min(1).max(200),
  locale: z.enum(["en", "zh-CN"]).default("en"),
});

/**
 * The command palette's search of one team: tasks of every plan matching the
 * words (the plan list's search: either language, comments, a template key), at
 * most 20, open plans whose title contains them, at most 8 (the sidebar lists
 * only a team's newest), and members whose name or email contains them, at most 10.
 */
export const searchTeamTasks = defineOperation("team.read", searchTeamTasksSchema, async (ctx, input) => {
  const tasks = await db.task.findMany({
    where: taskWhere({
      teamId: ctx.team.id,
      userId: ctx.userId,
      filters: parseTaskFilters({ q: input.q }),
    }),
    orderBy: [{ updatedAt: "desc" }],
    select: {
      id: true,
      planId: true,
      title: true,
      templateKey: true,
      templateTextZh: true,
      templateTextEn: true,
      plan: { select: { title: true } },
    },
    take: 20,
  });
  const plans = await db.plan.findMany({
    where: {
      teamId: ctx.team.id,
      status: { not: "ARCHIVED" },
      title: { contains: escapeLike(input.q), mode: "insensitive" },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true },
    take: 8,
  });
  const members = await db.membership.findMany({
    where: {
      teamId: ctx.team.id,
      user: {
        OR: [
          { name: { contains: escapeLike(input.q), mode: "insensitive" } },
          { email: { contains: escapeLike(input.q), mode: "insensitive" } },
        ],
      },
    },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, email: true } } },
    take: 10,
  });
  const found = tasks.map((task) => ({
    id: task.id,
    planId: task.planId,
    planTitle: task.plan.title,
    templateKey: task.templateKey,
    title: displayTitle(task, input.locale),
  }));
  return { tasks: found, plans, members: members.map((m) => m.user) };
});
