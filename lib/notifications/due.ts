import "server-only";
import { db } from "@/lib/db";
import type { JobDefinition } from "@/lib/jobs/runner";
import { NOTICES_CHANNEL } from "@/lib/live/listener";
import { log } from "@/lib/log";
import { OPEN_STATUSES } from "@/lib/tasks/status";
import { addDays, startOfUtcDay } from "@/lib/time";
import { deliverNotices, type Notice } from "./rules";

const SOON_DAYS = 2;

/**
 * Tells each assignee (the creator when nobody is assigned) of an open task in a
 * live plan that it is due within two days, and once it is overdue. Each notice
 * exists once per task, person and due date (a dedupe key), so running this
 * several times a day, or after a missed day, never repeats one; moving the due
 * date makes the notices due again. Returns how many were created. `teamIds`
 * limits a run to those teams (tests share one database with others).
 */
export async function notifyDueTasks(now = new Date(), teamIds?: string[]): Promise<number> {
  const today = startOfUtcDay(now);
  const tasks = await db.task.findMany({
    where: {
      ...(teamIds ? { teamId: { in: teamIds } } : {}),
      status: { in: [...OPEN_STATUSES] },
      dueDate: { not: null, lte: addDays(today, SOON_DAYS) },
      plan: { status: { in: ["DRAFT", "ACTIVE"] } },
      OR: [{ assigneeId: { not: null } }, { createdById: { not: null } }],
    },
    select: { id: true, teamId: true, dueDate: true, assigneeId: true, createdById: true },
  });
  let created = 0;
  const byTeam = new Map<string, Notice[]>();
  for (const task of tasks) {
    const userId = task.assigneeId ?? task.createdById;
    if (!userId || !task.dueDate) continue;
    const due = task.dueDate.toISOString().slice(0, 10);
    const kind = task.dueDate < today ? "task.overdue" : "task.due_soon";
    const notices = byTeam.get(task.teamId) ?? [];
    notices.push({
      userId,
      kind,
      taskId: task.id,
      data: { dueDate: due },
      dedupeKey: `${kind}:${task.id}:${userId}:${due}`,
    });
    byTeam.set(task.teamId, notices);
  }
  for (const [teamId, notices] of byTeam) {
    created += await db.$transaction(async (tx) => {
      const count = await deliverNotices(tx, { teamId, userId: null }, notices);
      // No team event announces these: the recipients' open pages learn of them here (on commit).
      if (count > 0) {
        const recipients = [...new Set(notices.map((n) => n.userId))];
        // A NOTIFY payload holds at most 8,000 bytes: 100 ids a message.
        for (let at = 0; at < recipients.length; at += 100) {
          const userIds = recipients.slice(at, at + 100);
          await tx.$executeRaw`SELECT pg_notify(${NOTICES_CHANNEL}, ${JSON.stringify({ teamId, userIds })})`;
        }
      }
      return count;
    });
  }
  return created;
}

export const dueTasksJob: JobDefinition = {
  name: "notifications.due-tasks",
  // Daily, early in the morning across Asia and Europe; safe to run again (see notifyDueTasks).
  schedule: { cron: "0 6 * * *" },
  retryLimit: 3,
  handler: async () => {
    log().info({ event: "notifications.due", created: await notifyDueTasks() }, "due and overdue notices sent");
  },
};
