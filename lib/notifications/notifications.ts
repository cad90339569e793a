import "server-only";
import { db } from "@/lib/db";
import { idSchema } from "@/lib/validation/common";

/** How many unread notifications a user has, across their teams they still belong to. */
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
