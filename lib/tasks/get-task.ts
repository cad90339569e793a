import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { isStorableText } from "@/lib/validation/common";

/** One task of the team with its links, comments and full history; another team's task is not found. */
export async function getTask({ teamId, planId, taskId }: { teamId: string; planId: string; taskId: string }) {
  if (!isStorableText(planId) || !isStorableText(taskId)) notFound();
  const task = await db.task.findFirst({
    where: { id: taskId, teamId, planId },
    select: {
      id: true,
      planId: true,
      version: true,
      title: true,
      description: true,
      templateKey: true,
      templateTextZh: true,
      templateTextEn: true,
      templateDescriptionZh: true,
      templateDescriptionEn: true,
      areaCode: true,
      pathCode: true,
      priority: true,
      status: true,
      assigneeId: true,
      startDate: true,
      dueDate: true,
      progress: true,
      createdAt: true,
      plan: { select: { id: true, title: true, status: true, startDate: true } },
      dilemmas: { select: { dilemmaCode: true, weight: true }, orderBy: { dilemmaCode: "asc" } },
      comments: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          body: true,
          createdAt: true,
          updatedAt: true,
          author: { select: { id: true, name: true } },
        },
      },
      events: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          kind: true,
          before: true,
          after: true,
          createdAt: true,
          actor: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!task) notFound();
  return task;
}

export type TaskDetail = Awaited<ReturnType<typeof getTask>>;
