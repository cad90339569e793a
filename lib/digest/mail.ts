import "server-only";
import { createTranslator } from "next-intl";
import { appLink } from "@/lib/app-url";
import { dilemmas as catalogDilemmas } from "@/lib/catalog/catalog";
import { db } from "@/lib/db";
import { localize, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { defaultTimeZone, toTimeZone } from "@/lib/i18n/time-zone";
import type { JobDefinition } from "@/lib/jobs/runner";
import { log } from "@/lib/log";
import { mailLocale, noticeMail, sendMail, type MailBlock } from "@/lib/mail";
import { unsubscribeLinks } from "@/lib/notifications/unsubscribe";
import { toPercent } from "@/lib/progress/formula";
import { displayTitle } from "@/lib/tasks/display-title";
import { addDaysIso, todayIn, zonedTime } from "@/lib/time";
import { computeWeeklyDigest, digestIsEmpty, weekOf, type DigestTask, type WeeklyDigest } from "./weekly";

/** The local hour on Monday when the digest of the week before goes out. */
export const DIGEST_HOUR = 9;

/** How many tasks of each list a mail names (the page has them all). */
const MAIL_TASKS = 10;

/** A person's time zone for mails: the one they chose, else their language's default (lib/i18n/time-zone.ts). */
export function mailTimeZone(user: { timeZone: string | null; locale: string | null }): string {
  return toTimeZone(user.timeZone) ?? defaultTimeZone(mailLocale(user.locale));
}

/**
 * The digest due for a person at `now`: once their local clock has passed
 * Monday 09:00, the week before (Monday to Sunday); null before that on Monday.
 */
export function dueDigestWeek(timeZone: string, now: Date) {
  const thisWeek = weekOf(todayIn(timeZone, now), timeZone);
  if (now < zonedTime(thisWeek.monday, DIGEST_HOUR, timeZone)) return null;
  return weekOf(addDaysIso(thisWeek.monday, -7), timeZone);
}

function digestTranslator(locale: Locale) {
  const messages = loadMessages(locale) as Parameters<typeof createTranslator>[0]["messages"];
  return createTranslator({ locale, messages, namespace: "digest" });
}

/** The digest as a mail in the recipient's language, HTML and text, with its unsubscribe links. */
export function renderDigestMail({
  digest,
  team,
  user,
}: {
  digest: WeeklyDigest;
  team: { name: string; slug: string };
  user: { id: string; email: string; locale: string | null };
}) {
  const locale = mailLocale(user.locale);
  const t = digestTranslator(locale);
  const day = (value: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
  const percent = (p: number | null) => (p === null ? t("notAddressed") : t("percent", { value: toPercent(p) }));
  const signed = (n: number) => new Intl.NumberFormat(locale, { signDisplay: "exceptZero" }).format(n);
  const number = (n: number | null) => (n === null ? "—" : new Intl.NumberFormat(locale).format(n));
  const dilemmaName = (code: string) => {
    const d = catalogDilemmas.find((x) => x.code === code);
    return d ? `${code} ${localize(d.name, locale)}` : code;
  };
  const taskLine = (task: DigestTask) => `• ${displayTitle(task, locale)} (${task.plan.title})`;
  const taskList = (heading: string, tasks: DigestTask[]): MailBlock[] =>
    tasks.length === 0
      ? []
      : [
          {
            kind: "text",
            text: [
              heading,
              ...tasks.slice(0, MAIL_TASKS).map(taskLine),
              ...(tasks.length > MAIL_TASKS ? [t("mail.more", { count: tasks.length - MAIL_TASKS })] : []),
            ].join("\n"),
          },
        ];
  const range = t("range", { start: day(digest.week.monday), end: day(digest.week.sunday) });
  const unsubscribe = unsubscribeLinks(user.id, ["weeklyDigest"]);
  const blocks: MailBlock[] = [
    { kind: "text", text: t("mail.intro", { team: team.name, range }) },
    {
      kind: "text",
      text: t("mail.summary", {
        done: digest.done.length,
        overdue: digest.newlyOverdue.length,
        due: digest.dueNextWeek.length,
      }),
    },
    ...digest.plans.map((plan): MailBlock => ({
      kind: "text",
      text: [
        t("mail.plan", { plan: plan.title }),
        ...plan.dilemmas
          .filter((d) => d.start !== null || d.end !== null)
          .map((d) =>
            t("mail.dilemma", {
              dilemma: dilemmaName(d.code),
              start: percent(d.start),
              end: percent(d.end),
              change: d.changePoints === null ? "—" : t("points", { value: signed(d.changePoints) }),
            }),
          ),
        ...plan.behind.slice(0, 2).map((g) =>
          t("mail.behind", {
            dilemma: dilemmaName(g.code),
            points: g.behindPoints ?? 0,
            expected: toPercent(g.expected),
          }),
        ),
        ...plan.indicatorsMoved.map((i) =>
          t("mail.indicatorMoved", { name: i.name, start: number(i.start), end: number(i.end), unit: i.unit }),
        ),
        ...(plan.indicatorsFlat.length > 0
          ? [t("mail.indicatorsFlat", { names: plan.indicatorsFlat.map((i) => i.name).join(", ") })]
          : []),
      ].join("\n"),
    })),
    ...taskList(t("tasks.done"), digest.done),
    ...taskList(t("tasks.newlyOverdue"), digest.newlyOverdue),
    ...taskList(t("tasks.dueNextWeek"), digest.dueNextWeek),
    { kind: "link", label: t("mail.open"), url: appLink(`/t/${team.slug}/week?week=${digest.week.monday}`) },
    { kind: "link", label: t("mail.preferences"), url: appLink("/profile") },
    { kind: "link", label: t("mail.unsubscribe"), url: unsubscribe.page },
  ];
  return {
    to: user.email,
    ...noticeMail({ locale, subject: t("mail.subject", { team: team.name, range }), blocks }),
    headers: { "List-Unsubscribe": `<${unsubscribe.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/**
 * The digest sweep (every 15 minutes): for each person and team they belong
 * to, once their local clock has passed Monday 09:00, the digest of the week
 * before, unless they turned the weeklyDigest kind away from email, they
 * joined the team after that week, or the team has no active plan. Each
 * (person, team, week) is claimed in WeeklyDigest before the mail goes, so two
 * instances (or two sweeps) never send it twice; a failed send releases its
 * claim and fails the job (pg-boss retries). Returns how many mails went.
 * `userIds` limits a run to some recipients (tests).
 */
export async function sendWeeklyDigests(now = new Date(), { userIds }: { userIds?: string[] } = {}): Promise<number> {
  const memberships = await db.membership.findMany({
    where: {
      ...(userIds ? { userId: { in: userIds } } : {}),
      user: { noticePrefs: { none: { kind: "weeklyDigest", channel: { not: "EMAIL" } } } },
    },
    orderBy: [{ userId: "asc" }, { teamId: "asc" }],
    select: {
      createdAt: true,
      team: { select: { id: true, name: true, slug: true } },
      user: { select: { id: true, email: true, locale: true, timeZone: true } },
    },
  });
  const digests = new Map<string, WeeklyDigest>();
  let sent = 0;
  let failure: Error | undefined;
  for (const { createdAt, team, user } of memberships) {
    const timeZone = mailTimeZone(user);
    const week = dueDigestWeek(timeZone, now);
    if (!week || createdAt >= week.end) continue;
    const claim = { userId: user.id, teamId: team.id, week: new Date(`${week.monday}T00:00:00Z`) };
    const { count } = await db.weeklyDigest.createMany({ data: [claim], skipDuplicates: true });
    if (count === 0) continue;
    try {
      // One computation per team, zone and week serves every recipient who shares them.
      const key = `${team.id}|${timeZone}|${week.monday}`;
      const digest = digests.get(key) ?? (await computeWeeklyDigest({ teamId: team.id, week, now }));
      digests.set(key, digest);
      if (digestIsEmpty(digest)) continue;
      await sendMail(renderDigestMail({ digest, team, user }));
      sent += 1;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      await db.weeklyDigest.deleteMany({ where: claim });
    }
  }
  if (failure) throw failure;
  return sent;
}

/** Claims are only read for the week just ended: those of weeks more than four weeks back are dropped by the sweep. */
export const DIGEST_CLAIM_DAYS = 28;

/** Deletes digest claims of weeks that began more than DIGEST_CLAIM_DAYS before `now`; returns how many. */
export async function pruneDigestClaims(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DIGEST_CLAIM_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await db.weeklyDigest.deleteMany({ where: { week: { lt: before } } });
  return count;
}

export const weeklyDigestJob: JobDefinition = {
  name: "digest.weekly",
  schedule: { cron: "*/15 * * * *" },
  retryLimit: 2,
  retryDelay: 60,
  expireInSeconds: 10 * 60,
  handler: async () => {
    const sent = await sendWeeklyDigests();
    await pruneDigestClaims();
    if (sent > 0) log().info({ event: "digest.mailed", sent }, "weekly digests sent");
  },
};
