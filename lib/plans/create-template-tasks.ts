import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TeamContext } from "@/lib/server/team-context";
import type { AreaCode } from "@/lib/catalog/types";
import { tasksFromTemplates } from "@/lib/plans/template-tasks";
import { notifyAssignment } from "@/lib/tasks/task-rules";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Creates tasks from templates inside a plan's transaction: catalog text, weights and due dates, one "task.created" event each. */
export async function createTemplateTasks(
  tx: Prisma.TransactionClient,
  {
    ctx,
    plan,
    templateKeys,
    defaultAssignees = {},
    locale,
  }: {
    ctx: TeamContext;
    plan: { id: string; startDate: Date };
    templateKeys: readonly string[];
    defaultAssignees?: Partial<Record<AreaCode, string | null>>;
    locale: string;
  },
) {
  const drafts = tasksFromTemplates({ templateKeys, startDate: plan.startDate, locale });
  const ids: string[] = [];
  for (const { dilemmas, ...draft } of drafts) {
    const assigneeId = defaultAssignees[draft.areaCode] ?? null;
    const task = await tx.task.create({
      data: {
        ...draft,
        teamId: ctx.team.id,
        planId: plan.id,
        assigneeId,
        createdById: ctx.userId,
        dilemmas: { create: dilemmas },
      },
      select: { id: true },
    });
    ids.push(task.id);
    await recordEvent(tx, actorOf(ctx), {
      kind: "task.created",
      planId: plan.id,
      taskId: task.id,
      after: { title: draft.title, templateKey: draft.templateKey, status: "TODO", progress: 0, assigneeId },
    });
    await notifyAssignment(tx, { teamId: ctx.team.id, taskId: task.id, assigneeId, actorId: ctx.userId });
  }
  return ids;
}
