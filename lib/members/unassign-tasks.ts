import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordEvents } from "@/lib/events/record";

/** Unassigns a departing member's tasks in one team, each change recorded in the task's history. */
export async function unassignTasksOf(
  tx: Prisma.TransactionClient,
  { teamId, userId, actorId }: { teamId: string; userId: string; actorId: string },
) {
  const tasks = await tx.task.findMany({ where: { teamId, assigneeId: userId }, select: { id: true, planId: true } });
  if (tasks.length === 0) return;
  await tx.task.updateMany({
    where: { teamId, assigneeId: userId },
    data: { assigneeId: null, version: { increment: 1 } },
  });
  await recordEvents(
    tx,
    { teamId, userId: actorId },
    tasks.map((t) => ({
      kind: "task.updated",
      planId: t.planId,
      taskId: t.id,
      before: { assigneeId: userId },
      after: { assigneeId: null, reason: "member_left" },
    })),
  );
}
