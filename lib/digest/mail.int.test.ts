import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { dueDigestWeek, pruneDigestClaims, sendWeeklyDigests } from "@/lib/digest/mail";
import { readUnsubscribe, unsubscribe } from "@/lib/notifications/unsubscribe";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp";
import {
  addMember,
  cleanupTestData,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
} from "@/lib/testing/factories";

const APP = "https://plans.example.test";
let sink: SmtpSink;
let teamA: { id: string; slug: string; name: string };
let teamB: { id: string; slug: string; name: string };
let zh: { id: string; email: string };
let en: { id: string; email: string };
let off: { id: string; email: string };
let userIds: string[];
let quietId: string;

/** A person in a zone and language, member of the teams since long before the fixture weeks. */
async function person(locale: string, timeZone: string, teams: { id: string }[]) {
  const user = await createTestUser();
  await db.user.update({ where: { id: user.id }, data: { locale, timeZone } });
  for (const team of teams) await addMember({ teamId: team.id, userId: user.id, role: "MEMBER" });
  await db.membership.updateMany({ where: { userId: user.id }, data: { createdAt: new Date("2026-01-05T00:00:00Z") } });
  return { id: user.id, email: user.email };
}

/** An active plan with a task done on Wednesday 4 March 2026 (in every zone of the test). */
async function teamWithWeek(title: string) {
  const team = await createTestTeam();
  const plan = await createTestPlan({ teamId: team.id, title: `${title} plan` });
  const task = await createTestTask({ teamId: team.id, planId: plan.id, title, status: "DONE" });
  await db.task.update({ where: { id: task.id }, data: { completedAt: new Date("2026-03-04T12:00:00Z") } });
  // Its history as the activity log has it (what the progress replay reads): created in February, done that Wednesday.
  for (const [kind, status, at] of [
    ["task.created", "TODO", "2026-02-20T12:00:00Z"],
    ["task.updated", "DONE", "2026-03-04T12:00:00Z"],
  ] as const) {
    await db.activityEvent.create({
      data: {
        teamId: team.id,
        planId: plan.id,
        taskId: task.id,
        kind,
        entityType: "task",
        entityId: task.id,
        after: { status, progress: 0 },
        createdAt: new Date(at),
      },
    });
  }
  return team;
}

beforeAll(async () => {
  sink = await startSmtpSink({ appUrl: APP });
  teamA = await teamWithWeek("Alpha launch checklist");
  teamB = await teamWithWeek("Bravo confidential task");
  const quiet = await createTestTeam(); // no active plan: nothing to send
  quietId = quiet.id;
  zh = await person("zh-CN", "Asia/Shanghai", [teamA, teamB]);
  en = await person("en", "America/New_York", [teamA, quiet]);
  off = await person("en", "Asia/Shanghai", [teamA]);
  await db.notificationPreference.create({ data: { userId: off.id, kind: "weeklyDigest", channel: "OFF" } });
  userIds = [zh.id, en.id, off.id];
});

afterAll(async () => {
  await sink.close();
  await cleanupTestData();
});

const sweep = (at: string) => sendWeeklyDigests(new Date(at), { userIds });

describe("weekly digest mail (real SMTP, clock passed in)", () => {
  it("is due once the person's local clock passes Monday 09:00, for the week before", () => {
    // Sunday 19:59 in New York: the digest of the week before that one (sent last Monday) is the one due.
    expect(dueDigestWeek("America/New_York", new Date("2026-03-09T00:59:00Z"))?.monday).toBe("2026-02-23");
    expect(dueDigestWeek("Asia/Shanghai", new Date("2026-03-09T00:59:00Z"))).toBeNull();
    expect(dueDigestWeek("Asia/Shanghai", new Date("2026-03-09T01:00:00Z"))?.monday).toBe("2026-03-02");
    expect(dueDigestWeek("America/New_York", new Date("2026-03-09T12:59:00Z"))).toBeNull();
    expect(dueDigestWeek("America/New_York", new Date("2026-03-09T13:00:00Z"))?.monday).toBe("2026-03-02");
  });

  it("sends each person one mail per team and week at 09:00 on Monday in their zone, in their language", async () => {
    // The digests of the week before (due since last Monday) count as sent, so the sweeps start from a clean week.
    for (const userId of userIds)
      for (const teamId of [teamA.id, teamB.id, quietId])
        await db.weeklyDigest.createMany({
          data: [{ userId, teamId, week: new Date("2026-02-23T00:00:00Z") }],
          skipDuplicates: true,
        });

    expect(await sweep("2026-03-09T00:59:00Z")).toBe(0); // 08:59 in Shanghai
    expect(await sweep("2026-03-09T01:00:00Z")).toBe(2); // 09:00 in Shanghai: zh's two teams
    expect(await sweep("2026-03-09T01:15:00Z")).toBe(0);
    expect(await sweep("2026-03-09T12:59:00Z")).toBe(0); // 08:59 in New York (summer time since Sunday)
    // Two instances at 09:00 in New York: one mail between them.
    const both = await Promise.all([sweep("2026-03-09T13:00:00Z"), sweep("2026-03-09T13:00:00Z")]);
    expect(both.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sweep("2026-03-10T13:00:00Z")).toBe(0);

    expect(sink.mailsTo(zh.email)).toHaveLength(2);
    expect(sink.mailsTo(en.email)).toHaveLength(1);
    expect(sink.mailsTo(off.email)).toHaveLength(0);

    const zhA = sink.mailsTo(zh.email).find((m) => m.subject.startsWith(teamA.name))!;
    const zhB = sink.mailsTo(zh.email).find((m) => m.subject.startsWith(teamB.name))!;
    const [enA] = sink.mailsTo(en.email);
    expect(zhA.subject).toContain("每周摘要");
    expect(zhA.text).toContain("已完成任务：1");
    expect(enA!.subject).toBe(`${teamA.name}: weekly digest, Mar 2, 2026 – Mar 8, 2026`);
    expect(enA!.text).toContain("Tasks done: 1 · newly overdue: 0 · due next week: 0");
    expect(enA!.text).toContain("D1 Business-model homogenization: 0% → 100% (+100 pts)");
    expect(zhA.text).toContain("D1 商业模式同质化严重：0% → 100%（+100 个百分点）");
    // Each mail tells of its own team only.
    for (const mail of [zhA, enA!]) {
      expect(mail.text).toContain("Alpha launch checklist");
      expect(mail.text).not.toContain("Bravo confidential task");
      expect(mail.text).toContain(`${APP}/t/${teamA.slug}/week?week=2026-03-02`);
      expect(mail.html).toContain(`href="${APP}/t/${teamA.slug}/week?week=2026-03-02"`);
      expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    }
    expect(zhB.text).toContain("Bravo confidential task");
    expect(zhB.text).not.toContain("Alpha launch checklist");
    // Handled: zh's two teams, en's team A and the quiet team (nothing to tell, so no mail); none for "off".
    const handled = await db.weeklyDigest.findMany({
      where: { userId: { in: userIds }, week: new Date("2026-03-02") },
      select: { userId: true, teamId: true },
    });
    expect(handled).toHaveLength(4);
    expect(handled.filter((h) => h.userId === off.id)).toEqual([]);
  });

  it("stops after the one-click unsubscribe of the digest", async () => {
    const [mail] = sink.mailsTo(en.email);
    const link = /^<(.+)>$/.exec(mail!.headers["list-unsubscribe"] ?? "")![1]!;
    const target = readUnsubscribe(new URL(link).searchParams);
    expect(target?.kinds).toEqual(["weeklyDigest"]);
    await unsubscribe(target!);
    const before = sink.mails.length;
    expect(await sweep("2026-03-16T13:30:00Z")).toBe(2); // zh's two teams; en no more
    expect(sink.mails.slice(before).flatMap((m) => m.to)).toEqual([zh.email, zh.email]);
  });

  it("drops the claims of weeks more than four weeks back and keeps the recent ones", async () => {
    const week = (d: string) => new Date(`${d}T00:00:00Z`);
    // Beside the claim of 23 February the first test made for this pair.
    await db.weeklyDigest.createMany({
      data: [
        { userId: off.id, teamId: quietId, week: week("2026-01-26") },
        { userId: off.id, teamId: quietId, week: week("2026-02-16") },
      ],
    });
    expect(await pruneDigestClaims(new Date("2026-03-16T13:30:00Z"))).toBeGreaterThanOrEqual(1);
    const left = await db.weeklyDigest.findMany({
      where: { userId: off.id, teamId: quietId },
      select: { week: true },
      orderBy: { week: "asc" },
    });
    expect(left.map((c) => c.week.toISOString().slice(0, 10))).toEqual(["2026-02-16", "2026-02-23"]);
    // The claims the sweeps above made (weeks of March) stay.
    expect(await db.weeklyDigest.count({ where: { userId: zh.id } })).toBeGreaterThan(0);
  });
});
