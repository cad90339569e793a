import "server-only";
import { db } from "@/lib/db";
import { idSchema } from "@/lib/validation/common";

/** How many unread notifications a user has, across their teams they still belong to: the one reader of the badge count. */
export function countUnread({ userId }: { userId: string }) {
  return db.notification.count({ where: { userId, readAt: null, team: { memberships: { some: { userId } } } } });
}

/** A user's latest notifications with the task and actor they concern. */
export function findNotifications({ userId, take = 50 }: { userId: string; take?: number }) {
  return db.notification.findMany({
    where: { userId, team: { memberships: { some: { userId } } } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      data: true,
      readAt: true,
      createdAt: true,
      actor: { select: { name: true } },
      team: { select: { slug: true, name: true } },
      task: {
        select: { id: true, planId: true, title: true, templateKey: true, templateTextZh: true, templateTextEn: true },
      },
    },
  });
}

/** Marks one (or all, without an id) of the user's notifications read; never touches another user's. An id that cannot exist marks nothing. */
export async function markRead({ userId, notificationId }: { userId: string; notificationId?: string }) {
  if (notificationId !== undefined && !idSchema.safeParse(notificationId).success) return;
  await db.notification.updateMany({
    where: { userId, readAt: null, ...(notificationId ? { id: notificationId } : {}) },
    data: { readAt: new Date() },
  });
}

/** Marks one of the user's notifications read and answers where it leads (its task, else its team); null when it is not theirs. */
export async function openNotification({ userId, notificationId }: { userId: string; notificationId: string }) {
  if (!idSchema.safeParse(notificationId).success) return null;
  const notice = await db.notification.findFirst({
    where: { id: notificationId, userId, team: { memberships: { some: { userId } } } },
    select: {
      id: true,
      kind: true,
      readAt: true,
      team: { select: { slug: true } },
      task: { select: { id: true, planId: true } },
    },
  });
  if (!notice) return null;
  if (!notice.readAt) await db.notification.update({ where: { id: notice.id }, data: { readAt: new Date() } });
  if (notice.task) return `/t/${notice.team.slug}/plans/${notice.task.planId}/tasks/${notice.task.id}`;
  return notice.kind === "webhook.disabled" ? `/t/${notice.team.slug}/settings/webhooks` : `/t/${notice.team.slug}`;
}
