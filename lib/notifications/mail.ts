import "server-only";
import { createTranslator } from "next-intl";
import { appLink } from "@/lib/app-url";
import { db } from "@/lib/db";
import type { JobDefinition } from "@/lib/jobs/runner";
import { log } from "@/lib/log";
import { mailLocale, mailTranslator, noticeMail, sendMail, type MailBlock } from "@/lib/mail";
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { displayTitle } from "@/lib/tasks/display-title";
import { isNoticeKind, type NoticeKind } from "./kinds";
import { unsubscribeLinks } from "./unsubscribe";

/** At most one mail per person and task (or, without a task, per person and team) in this window. */
export const MAIL_BATCH_MS = 10 * 60 * 1000;

type Pending = Awaited<ReturnType<typeof findPending>>[number];

function findPending(userIds?: string[]) {
  return db.notification.findMany({
    where: { mailPending: true, ...(userIds ? { userId: { in: userIds } } : {}) },
    orderBy: { createdAt: "asc" },
    take: 2000,
    select: {
      id: true,
      kind: true,
      data: true,
      createdAt: true,
      userId: true,
      teamId: true,
      taskId: true,
      actor: { select: { name: true } },
      user: { select: { email: true, locale: true } },
      team: { select: { name: true, slug: true, memberships: { select: { userId: true } } } },
      task: {
        select: { id: true, planId: true, title: true, templateKey: true, templateTextZh: true, templateTextEn: true },
      },
    },
  });
}

function enumTranslator(locale: Locale) {
  const messages = loadMessages(locale) as Parameters<typeof createTranslator>[0]["messages"];
  return createTranslator({ locale, messages, namespace: "enums" });
}

function noticeLine(locale: Locale, n: Pending): string {
  const t = mailTranslator(locale);
  const te = enumTranslator(locale);
  const actor = n.actor?.name ?? t("noticeSomeone");
  const data = (n.data ?? {}) as { to?: string; dueDate?: string; url?: string };
  const kind: NoticeKind | null = isNoticeKind(n.kind) ? n.kind : null;
  switch (kind) {
    case "task.assigned":
      return t("noticeAssigned", { actor });
    case "task.status_changed":
      return t("noticeStatusChanged", {
        actor,
        status: data.to ? te(`taskStatus.${data.to}` as "taskStatus.TODO") : "—",
      });
    case "mention":
      return t("noticeMentioned", { actor });
    case "task.due_soon":
      return t("noticeDueSoon", { date: data.dueDate ?? "—" });
    case "task.overdue":
      return t("noticeOverdue", { date: data.dueDate ?? "—" });
    case "member.role_changed":
      return t("noticeRoleChanged", { actor, role: data.to ? te(`role.${data.to}` as "role.MEMBER") : "—" });
    case "webhook.disabled":
      return t("noticeWebhookDisabled", { url: data.url ?? "—" });
    default:
      return t("noticeCommented", { actor });
  }
}

/** The mail of one person's pending notices about one task (or one team): in their language, HTML and text. */
export function renderNoticeMail(group: Pending[]) {
  const first = group[0]!;
  const locale = mailLocale(first.user.locale);
  const t = mailTranslator(locale);
  const kinds = [...new Set(group.map((n) => n.kind).filter(isNoticeKind))];
  const subject = first.task
    ? t("noticeSubject", { title: displayTitle(first.task, locale), count: group.length })
    : t("noticeTeamSubject", { team: first.team.name, count: group.length });
  const unsubscribe = unsubscribeLinks(first.userId, kinds);
  const open = first.task
    ? appLink(`/t/${first.team.slug}/plans/${first.task.planId}/tasks/${first.task.id}`)
    : appLink(`/t/${first.team.slug}${kinds.includes("webhook.disabled") ? "/settings/webhooks" : ""}`);
  const blocks: MailBlock[] = [
    { kind: "text", text: t("noticeIntro", { team: first.team.name }) },
    ...group.map((n): MailBlock => ({ kind: "text", text: noticeLine(locale, n) })),
    { kind: "link", label: t("noticeOpen"), url: open },
    { kind: "link", label: t("noticePreferences"), url: appLink("/profile") },
    { kind: "link", label: t("noticeUnsubscribe"), url: unsubscribe.page },
  ];
  return {
    to: first.user.email,
    ...noticeMail({ locale, subject, blocks }),
    headers: { "List-Unsubscribe": `<${unsubscribe.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/**
 * The mail sweep: sends each person one mail per task (per team for notices
 * without a task) gathering every pending notice, unless a mail about it went
 * out less than 10 minutes ago (those wait for a later sweep). Notices of a
 * team the person has left are dropped. A group is claimed (`mailedAt` set, still
 * pending) before it is sent and marked sent after, so two sweeps never send it
 * twice; a failed send puts it back and fails the job (pg-boss retries). A claim
 * that never completed (the instance died mid-send) counts as a recent mail, so
 * the group goes out with a sweep after MAIL_BATCH_MS rather than being lost: at
 * least once, never dropped. Returns how many mails went. `userIds` limits a run
 * to some recipients (tests).
 */
export async function sendPendingNoticeMails(
  now = new Date(),
  { userIds }: { userIds?: string[] } = {},
): Promise<number> {
  const pending = await findPending(userIds);
  const groups = new Map<string, Pending[]>();
  const dropped: string[] = [];
  for (const n of pending) {
    if (!n.team.memberships.some((m) => m.userId === n.userId)) {
      dropped.push(n.id);
      continue;
    }
    const key = `${n.userId}|${n.taskId ?? `team:${n.teamId}`}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  if (dropped.length > 0)
    await db.notification.updateMany({ where: { id: { in: dropped } }, data: { mailPending: false } });
  const since = new Date(now.getTime() - MAIL_BATCH_MS);
  let sent = 0;
  let failure: Error | undefined;
  for (const group of groups.values()) {
    const first = group[0]!;
    const recent = await db.notification.count({
      where: {
        userId: first.userId,
        mailedAt: { gt: since },
        ...(first.taskId ? { taskId: first.taskId } : { taskId: null, teamId: first.teamId }),
      },
    });
    if (recent > 0) continue;
    const ids = group.map((n) => n.id);
    // Claimed: still pending, stamped with this sweep's time (a claim older than the batch window
    // is one whose sweep died, and is taken over).
    const unclaimed = { mailPending: true, OR: [{ mailedAt: null }, { mailedAt: { lte: since } }] };
    const { count } = await db.notification.updateMany({
      where: { id: { in: ids }, ...unclaimed },
      data: { mailedAt: now },
    });
    if (count !== ids.length) {
      // Another sweep took part of it: hand back what this one claimed.
      await db.notification.updateMany({
        where: { id: { in: ids }, mailPending: true, mailedAt: now },
        data: { mailedAt: null },
      });
      continue;
    }
    try {
      await sendMail(renderNoticeMail(group));
      sent += 1;
      await db.notification.updateMany({ where: { id: { in: ids }, mailedAt: now }, data: { mailPending: false } });
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      await db.notification.updateMany({
        where: { id: { in: ids }, mailPending: true, mailedAt: now },
        data: { mailedAt: null },
      });
    }
  }
  if (failure) throw failure;
  return sent;
}

export const noticeMailJob: JobDefinition = {
  name: "notifications.mail",
  schedule: { cron: "* * * * *" },
  retryLimit: 2,
  retryDelay: 20,
  expireInSeconds: 5 * 60,
  handler: async () => {
    const sent = await sendPendingNoticeMails();
    if (sent > 0) log().info({ event: "notifications.mailed", sent }, "notification mails sent");
  },
};
