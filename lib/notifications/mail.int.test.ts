import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { MAIL_BATCH_MS, sendPendingNoticeMails } from "@/lib/notifications/mail";
import { readUnsubscribe, unsubscribe } from "@/lib/notifications/unsubscribe";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp";
import {
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  runAs,
} from "@/lib/testing/factories";

const APP = "https://plans.example.test";
let sink: SmtpSink;
let team: { id: string; slug: string };
let planId: string;
let zhOwner: { userId: string; email: string };
let enMember: { userId: string; email: string };
let actor: { userId: string };

beforeAll(async () => {
  sink = await startSmtpSink({ appUrl: APP });
  team = await createTestTeam();
  planId = (await createTestPlan({ teamId: team.id })).id;
  const [a, b, c] = await Promise.all([
    createTestMember({ teamId: team.id, role: "OWNER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
  ]);
  const zh = await db.user.update({ where: { id: a.userId }, data: { locale: "zh-CN" } });
  const en = await db.user.update({ where: { id: b.userId }, data: { locale: "en" } });
  zhOwner = { userId: zh.id, email: zh.email };
  enMember = { userId: en.id, email: en.email };
  actor = c;
});

afterAll(async () => {
  await sink.close();
  await cleanupTestData();
});

/** A task the Chinese-speaking owner created and the English-speaking member is assigned. */
const task = () =>
  createTestTask({
    teamId: team.id,
    planId,
    title: "Budget review",
    createdById: zhOwner.userId,
    assigneeId: enMember.userId,
  });
const comment = (taskId: string, body: string) => runAs(addComment, actor.userId, team.slug, { taskId, body });
const sweep = (now = new Date()) => sendPendingNoticeMails(now, { userIds: [zhOwner.userId, enMember.userId] });

describe("notification mail (real SMTP)", () => {
  it("mails each recipient in their language, as HTML and text, with links from APP_URL and one-click unsubscribe", async () => {
    const { id } = await task();
    await comment(id, "First look");
    expect(await sweep()).toBe(2);
    const [zh] = sink.mailsTo(zhOwner.email);
    const [en] = sink.mailsTo(enMember.email);
    expect(zh?.subject).toBe("Budget review：1 条更新");
    expect(zh?.text).toContain("评论了此任务");
    expect(en?.subject).toBe("Budget review: 1 update");
    expect(en?.text).toContain("commented on the task");
    for (const mail of [zh, en]) {
      expect(mail?.text).toContain(`${APP}/t/${team.slug}/plans/${planId}/tasks/${id}`);
      expect(mail?.html).toContain(`href="${APP}/t/${team.slug}/plans/${planId}/tasks/${id}"`);
      expect(mail?.headers["list-unsubscribe"]).toMatch(new RegExp(`^<${APP}/api/unsubscribe\\?u=`));
      expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    }
  });

  it("sends at most one mail per task in 10 minutes: later notices wait and go together", async () => {
    const { id } = await task();
    const now = new Date();
    await comment(id, "One");
    await sweep(now);
    const before = sink.mailsTo(zhOwner.email).length;
    await comment(id, "Two");
    await comment(id, "Three");
    expect(await sweep(new Date(now.getTime() + 60_000))).toBe(0);
    expect(sink.mailsTo(zhOwner.email)).toHaveLength(before);
    expect(await sweep(new Date(now.getTime() + MAIL_BATCH_MS + 60_000))).toBe(2);
    const latest = sink.mailsTo(zhOwner.email).at(-1);
    expect(latest?.subject).toBe("Budget review：2 条更新");
    expect(await db.notification.count({ where: { taskId: id, mailPending: true } })).toBe(0);
  });

  it("a group stays pending until its mail is accepted; one claimed by a sweep that died is sent by a later sweep, not lost", async () => {
    const sending = await task();
    await comment(sending.id, "Pending while sent");
    const seen: boolean[] = [];
    sink.beforeAccept = async (mail) => {
      if (!mail.text.includes(`/tasks/${sending.id}`)) return;
      const rows = await db.notification.findMany({ where: { taskId: sending.id }, select: { mailPending: true } });
      seen.push(...rows.map((r) => r.mailPending));
    };
    try {
      expect(await sweep(new Date(Date.now() + 2 * MAIL_BATCH_MS))).toBe(2);
    } finally {
      sink.beforeAccept = undefined;
    }
    // While the server received the first mail, both notices were still pending (a crash then loses nothing).
    expect(seen.slice(0, 2)).toEqual([true, true]);
    expect(await db.notification.count({ where: { taskId: sending.id, mailPending: true } })).toBe(0);

    const { id } = await task();
    const now = new Date();
    await comment(id, "Claimed, never sent");
    // What a sweep leaves when its instance is killed between claiming a group and sending it.
    expect(
      (await db.notification.updateMany({ where: { taskId: id, mailPending: true }, data: { mailedAt: now } })).count,
    ).toBe(2);
    const before = sink.mailsTo(zhOwner.email).length;
    // Within the batch window the claim may still be in flight: nothing is sent twice.
    expect(await sweep(new Date(now.getTime() + 60_000))).toBe(0);
    expect(sink.mailsTo(zhOwner.email)).toHaveLength(before);
    // After it, the claim is taken over and the mail goes.
    expect(await sweep(new Date(now.getTime() + MAIL_BATCH_MS + 60_000))).toBe(2);
    expect(sink.mailsTo(zhOwner.email)).toHaveLength(before + 1);
    expect(sink.mailsTo(zhOwner.email).at(-1)?.subject).toBe("Budget review：1 条更新");
    expect(await db.notification.count({ where: { taskId: id, mailPending: true } })).toBe(0);
  });

  it("the List-Unsubscribe link stops that kind of mail for that person only; a forged one does nothing", async () => {
    const { id } = await task();
    await comment(id, "Before");
    await sweep();
    const header = sink.mailsTo(enMember.email).at(-1)?.headers["list-unsubscribe"] ?? "";
    const params = new URL(header.slice(1, -1)).searchParams;
    const forged = new URLSearchParams(params);
    forged.set("u", zhOwner.userId);
    expect(readUnsubscribe(forged)).toBeNull();
    const target = readUnsubscribe(params);
    expect(target).toEqual({ userId: enMember.userId, kinds: ["task.commented"] });
    await unsubscribe(target!);
    const next = await task();
    await comment(next.id, "After");
    const rows = await db.notification.findMany({
      where: { taskId: next.id },
      select: { userId: true, mailPending: true },
    });
    expect(rows.find((r) => r.userId === enMember.userId)).toEqual({ userId: enMember.userId, mailPending: false });
    expect(rows.find((r) => r.userId === zhOwner.userId)?.mailPending).toBe(true);
  });

  it("never mails another team's people: a notice of a team the person left is dropped", async () => {
    const { id } = await task();
    await comment(id, "Leaving");
    await db.membership.deleteMany({ where: { teamId: team.id, userId: zhOwner.userId } });
    const before = sink.mailsTo(zhOwner.email).length;
    await sweep(new Date(Date.now() + 2 * MAIL_BATCH_MS));
    expect(sink.mailsTo(zhOwner.email)).toHaveLength(before);
    expect(await db.notification.count({ where: { userId: zhOwner.userId, mailPending: true } })).toBe(0);
  });
});
