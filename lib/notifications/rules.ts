import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TeamEvent } from "@/lib/events/events";
import type { EventActor } from "@/lib/events/record";
import { mentionedUserIds } from "@/lib/mentions/mentions";
import { DEFAULT_CHANNEL, type NoticeKind } from "./kinds";

type Tx = Prisma.TransactionClient;

/** One notice a rule asks for, before the recipient's membership and preference are checked. */
export type Notice = {
  userId: string;
  kind: NoticeKind;
  taskId?: string;
  data?: Prisma.InputJsonObject;
  dedupeKey?: string;
};

/** The people who hear about a task: its creator, its assignee, its followers and its plan's followers. */
async function taskAudience(tx: Tx, teamId: string, taskId: string): Promise<string[]> {
  const task = await tx.task.findFirst({
    where: { id: taskId, teamId },
    select: {
      createdById: true,
      assigneeId: true,
      followers: { select: { userId: true } },
      plan: { select: { followers: { select: { userId: true } } } },
    },
  });
  if (!task) return [];
  const ids = new Set<string>();
  if (task.createdById) ids.add(task.createdById);
  if (task.assigneeId) ids.add(task.assigneeId);
  for (const f of task.followers) ids.add(f.userId);
  for (const f of task.plan.followers) ids.add(f.userId);
  return [...ids];
}

/**
 * The rules: which notices one event asks for. Mentions come first, so a
 * mentioned follower gets the mention rather than a second, plainer notice.
 */
export async function noticesFor(tx: Tx, actor: EventActor, event: TeamEvent): Promise<Notice[]> {
  switch (event.kind) {
    case "task.created": {
      const notices: Notice[] = [];
      const task = await tx.task.findFirst({
        where: { id: event.taskId, teamId: actor.teamId },
        select: { description: true },
      });
      for (const userId of mentionedUserIds(task?.description))
        notices.push({ userId, kind: "mention", taskId: event.taskId, data: { in: "description" } });
      if (event.after.assigneeId)
        notices.push({ userId: event.after.assigneeId, kind: "task.assigned", taskId: event.taskId });
      return notices;
    }
    case "task.updated": {
      const notices: Notice[] = [];
      if (event.after.description !== undefined) {
        const before = new Set(mentionedUserIds(event.before.description));
        for (const userId of mentionedUserIds(event.after.description))
          if (!before.has(userId))
            notices.push({ userId, kind: "mention", taskId: event.taskId, data: { in: "description" } });
      }
      if (event.after.assigneeId)
        notices.push({ userId: event.after.assigneeId, kind: "task.assigned", taskId: event.taskId });
      if (event.after.status !== undefined && event.after.reason === undefined) {
        const data = { from: event.before.status ?? null, to: event.after.status };
        for (const userId of await taskAudience(tx, actor.teamId, event.taskId))
          notices.push({ userId, kind: "task.status_changed", taskId: event.taskId, data });
      }
      return notices;
    }
    case "comment.created": {
      const comment = await tx.comment.findFirst({
        where: { id: event.commentId, teamId: actor.teamId },
        select: { body: true },
      });
      const data = { commentId: event.commentId };
      return [
        ...mentionedUserIds(comment?.body).map((userId): Notice => ({
          userId,
          kind: "mention",
          taskId: event.taskId,
          data,
        })),
        ...(await taskAudience(tx, actor.teamId, event.taskId)).map((userId): Notice => ({
          userId,
          kind: "task.commented",
          taskId: event.taskId,
          data,
        })),
      ];
    }
    case "member.role_changed":
      return [
        {
          userId: event.after.userId,
          kind: "member.role_changed",
          data: { from: event.before.role, to: event.after.role },
        },
      ];
    default:
      return [];
  }
}

/**
 * Turns notices into rows: never to the actor, once per person, event and task,
 * only to current members of the team, and as each recipient chose for the
 * kind (OFF: none; EMAIL: in the app and marked for the mail sweep).
 */
export async function deliverNotices(tx: Tx, actor: EventActor, notices: readonly Notice[]): Promise<number> {
  const seen = new Set<string>();
  const wanted = notices.filter((n) => {
    const key = `${n.userId}|${n.taskId ?? ""}|${n.dedupeKey ?? ""}`;
    if (n.userId === actor.userId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (wanted.length === 0) return 0;
  const userIds = [...new Set(wanted.map((n) => n.userId))];
  const [members, prefs] = await Promise.all([
    tx.membership.findMany({ where: { teamId: actor.teamId, userId: { in: userIds } }, select: { userId: true } }),
    tx.notificationPreference.findMany({
      where: { userId: { in: userIds }, kind: { in: [...new Set(wanted.map((n) => n.kind))] } },
    }),
  ]);
  const isMember = new Set(members.map((m) => m.userId));
  const channel = new Map(prefs.map((p) => [`${p.userId}|${p.kind}`, p.channel]));
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const n of wanted) {
    if (!isMember.has(n.userId)) continue;
    const chosen = channel.get(`${n.userId}|${n.kind}`) ?? DEFAULT_CHANNEL;
    if (chosen === "OFF") continue;
    rows.push({
      teamId: actor.teamId,
      userId: n.userId,
      actorId: actor.userId,
      taskId: n.taskId,
      kind: n.kind,
      data: n.data,
      dedupeKey: n.dedupeKey,
      mailPending: chosen === "EMAIL",
    });
  }
  if (rows.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/** Applies the rules to events just recorded, in the same transaction (called by recordEvent). */
export async function notifyFromEvents(tx: Tx, actor: EventActor, events: readonly TeamEvent[]): Promise<void> {
  for (const event of events) await deliverNotices(tx, actor, await noticesFor(tx, actor, event));
}
