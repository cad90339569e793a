import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { changeRole } from "@/lib/members/change-role";
import { setFollow } from "@/lib/notifications/follow";
import { notifyDueTasks } from "@/lib/notifications/due";
import { countUnread, openNotification } from "@/lib/notifications/notifications";
import { savePreferences } from "@/lib/notifications/preferences";
import { createTask } from "@/lib/tasks/create-task";
import { setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import { mentionToken } from "@/lib/mentions/mentions";
import { addDays, startOfUtcDay } from "@/lib/time";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  runAs,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

type Member = { userId: string; membershipId: string };
let team: { id: string; slug: string };
let planId: string;
let creator: Member; // OWNER, creates the tasks
let assignee: Member;
let follower: Member; // VIEWER following the task
let planFollower: Member; // follows the whole plan
let actor: Member; // does things
let bystander: Member; // involved in nothing
let outsider: Member; // another team

beforeAll(async () => {
  team = await createTestTeam();
  [creator, assignee, follower, planFollower, actor, bystander] = await Promise.all([
    createTestMember({ teamId: team.id, role: "OWNER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "VIEWER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "ADMIN" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
  ]);
  outsider = await createTestMember({ teamId: (await createTestTeam()).id, role: "OWNER" });
  planId = (await createTestPlan({ teamId: team.id })).id;
  await runAs(setFollow, planFollower.userId, team.slug, { target: "plan", id: planId, follow: true });
});

/** A task the creator made, assigned to `assignee`, followed by `follower`; no notices yet. */
async function watchedTask() {
  const { id } = await runAs(createTask, creator.userId, team.slug, {
    planId,
    title: "Budget",
    areaCode: "R2",
    pathCode: "P4",
    dilemmas: [{ dilemmaCode: "D2", weight: 3 }],
    priority: "MEDIUM",
    status: "TODO",
    assigneeId: assignee.userId,
    dueDate: null,
    progress: 0,
  });
  await runAs(setFollow, follower.userId, team.slug, { target: "task", id, follow: true });
  await db.notification.deleteMany({ where: { taskId: id } });
  return id;
}

const version = async (taskId: string) => (await db.task.findUniqueOrThrow({ where: { id: taskId } })).version;
const noticesOf = async (where: { taskId?: string; teamId?: string }) =>
  (await db.notification.findMany({ where, select: { userId: true, kind: true } }))
    .map((n) => `${who(n.userId)}:${n.kind}`)
    .sort();
const who = (userId: string) =>
  Object.entries({ creator, assignee, follower, planFollower, actor, bystander, outsider }).find(
    ([, m]) => m.userId === userId,
  )?.[0] ?? "someone";

const audience = ["assignee", "creator", "follower", "planFollower"];

describe("notification rules (table)", () => {
  const cases: {
    name: string;
    act: (taskId: string) => Promise<unknown>;
    expected: string[];
  }[] = [
    {
      name: "a status change tells the creator, the assignee and the followers of the task and of its plan",
      act: async (taskId) =>
        runAs(setTaskStatus, actor.userId, team.slug, {
          taskId,
          version: await version(taskId),
          status: "IN_PROGRESS",
        }),
      expected: audience.map((a) => `${a}:task.status_changed`),
    },
    {
      name: "a comment tells the same people, and the author starts following",
      act: (taskId) => runAs(addComment, actor.userId, team.slug, { taskId, body: "Looks good" }),
      expected: audience.map((a) => `${a}:task.commented`),
    },
    {
      name: "a mention in a comment tells the mentioned member, instead of the plainer notice",
      act: async (taskId) =>
        runAs(addComment, actor.userId, team.slug, {
          taskId,
          body: `${mentionToken({ id: creator.userId, name: "Owner" })} please confirm budget; ${mentionToken({ id: bystander.userId, name: "B" })}`,
        }),
      expected: [
        "assignee:task.commented",
        "bystander:mention",
        "creator:mention",
        "follower:task.commented",
        "planFollower:task.commented",
      ],
    },
    {
      name: "a mention added to the description tells the mentioned member only",
      act: async (taskId) => {
        const task = await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { dilemmas: true } });
        return runAs(updateTask, actor.userId, team.slug, {
          taskId,
          version: task.version,
          title: task.title,
          description: `Ask ${mentionToken({ id: bystander.userId, name: "B" })}`,
          areaCode: task.areaCode,
          pathCode: task.pathCode,
          dilemmas: task.dilemmas.map((d) => ({ dilemmaCode: d.dilemmaCode, weight: d.weight })),
          priority: task.priority,
          status: task.status,
          assigneeId: task.assigneeId,
          dueDate: null,
          progress: task.progress,
        } as never);
      },
      expected: ["bystander:mention"],
    },
    {
      name: "assigning tells the new assignee only",
      act: async (taskId) => {
        const task = await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { dilemmas: true } });
        return runAs(updateTask, actor.userId, team.slug, {
          taskId,
          version: task.version,
          title: task.title,
          description: task.description,
          areaCode: task.areaCode,
          pathCode: task.pathCode,
          dilemmas: task.dilemmas.map((d) => ({ dilemmaCode: d.dilemmaCode, weight: d.weight })),
          priority: task.priority,
          status: task.status,
          assigneeId: bystander.userId,
          dueDate: null,
          progress: task.progress,
        } as never);
      },
      expected: ["bystander:task.assigned"],
    },
    {
      name: "nobody hears of their own change (the creator moves their task)",
      act: async (taskId) =>
        runAs(setTaskStatus, creator.userId, team.slug, { taskId, version: await version(taskId), status: "BLOCKED" }),
      expected: ["assignee", "follower", "planFollower"].map((a) => `${a}:task.status_changed`),
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const taskId = await watchedTask();
      await c.act(taskId);
      expect(await noticesOf({ taskId })).toEqual(c.expected);
    });
  }

  it("refuses a mention of someone outside the team (VALIDATION) and saves nothing", async () => {
    const taskId = await watchedTask();
    const error = await appErrorOf(
      runAs(addComment, actor.userId, team.slug, {
        taskId,
        body: `Hi ${mentionToken({ id: outsider.userId, name: "X" })}`,
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ body: ["mentionNotMember"] });
    expect(await db.comment.count({ where: { taskId } })).toBe(0);
    expect(await noticesOf({ taskId })).toEqual([]);
  });

  it("a role change tells the member whose role changed", async () => {
    await runAs(changeRole, actor.userId, team.slug, { membershipId: bystander.membershipId, role: "VIEWER" });
    const notices = await db.notification.findMany({ where: { teamId: team.id, kind: "member.role_changed" } });
    expect(notices.map((n) => [who(n.userId), n.data])).toEqual([["bystander", { from: "MEMBER", to: "VIEWER" }]]);
    await runAs(changeRole, actor.userId, team.slug, { membershipId: bystander.membershipId, role: "MEMBER" });
  });

  it("after unfollowing, a follower hears nothing more", async () => {
    const taskId = await watchedTask();
    await runAs(setFollow, follower.userId, team.slug, { target: "task", id: taskId, follow: false });
    await runAs(addComment, actor.userId, team.slug, { taskId, body: "Update" });
    expect(await noticesOf({ taskId })).not.toContain("follower:task.commented");
    expect(await noticesOf({ taskId })).toContain("creator:task.commented");
  });

  it("follows only the team's own tasks and plans (another team's is NOT_FOUND)", async () => {
    const other = await createTestTeam();
    const otherPlan = await createTestPlan({ teamId: other.id });
    const error = await appErrorOf(
      runAs(setFollow, actor.userId, team.slug, { target: "plan", id: otherPlan.id, follow: true }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it("honours preferences: OFF makes no notice, IN_APP one without a mail, EMAIL one waiting for the mail", async () => {
    const prefs = (channel: string) => ({
      "task.assigned": channel,
      "task.status_changed": channel,
      "task.commented": channel,
      mention: channel,
      "task.due_soon": channel,
      "task.overdue": channel,
      "member.role_changed": channel,
      "webhook.disabled": channel,
      weeklyDigest: channel,
    });
    await savePreferences(follower.userId, prefs("OFF"));
    await savePreferences(assignee.userId, prefs("IN_APP"));
    const taskId = await watchedTask();
    await runAs(addComment, actor.userId, team.slug, { taskId, body: "Prefs" });
    const rows = await db.notification.findMany({ where: { taskId }, select: { userId: true, mailPending: true } });
    expect(rows.find((r) => r.userId === follower.userId)).toBeUndefined();
    expect(rows.find((r) => r.userId === assignee.userId)?.mailPending).toBe(false);
    expect(rows.find((r) => r.userId === creator.userId)?.mailPending).toBe(true);
    await savePreferences(follower.userId, prefs("EMAIL"));
    await savePreferences(assignee.userId, prefs("EMAIL"));
  });

  it("due in two days or overdue: one notice per task, person and due date, however often the job runs", async () => {
    const today = startOfUtcDay(new Date());
    const soon = await createTestTask({
      teamId: team.id,
      planId,
      assigneeId: bystander.userId,
      dueDate: addDays(today, 2),
    });
    const late = await createTestTask({
      teamId: team.id,
      planId,
      createdById: creator.userId,
      dueDate: addDays(today, -1),
    });
    const later = await createTestTask({
      teamId: team.id,
      planId,
      assigneeId: bystander.userId,
      dueDate: addDays(today, 5),
    });
    const done = await createTestTask({
      teamId: team.id,
      planId,
      assigneeId: bystander.userId,
      dueDate: addDays(today, -3),
      status: "DONE",
    });
    await notifyDueTasks(new Date(), [team.id]);
    await notifyDueTasks(new Date(), [team.id]);
    expect(await noticesOf({ taskId: soon.id })).toEqual(["bystander:task.due_soon"]);
    expect(await noticesOf({ taskId: late.id })).toEqual(["creator:task.overdue"]);
    expect(await noticesOf({ taskId: later.id })).toEqual([]);
    expect(await noticesOf({ taskId: done.id })).toEqual([]);
  });

  it("opening a notification marks it read and leads to its task; another user's stays unread", async () => {
    const taskId = await watchedTask();
    await runAs(addComment, actor.userId, team.slug, { taskId, body: "Open me" });
    const mine = await db.notification.findFirstOrThrow({ where: { taskId, userId: creator.userId } });
    const theirs = await db.notification.findFirstOrThrow({ where: { taskId, userId: assignee.userId } });
    const before = await countUnread({ userId: creator.userId });
    expect(await openNotification({ userId: creator.userId, notificationId: theirs.id })).toBeNull();
    expect(await openNotification({ userId: creator.userId, notificationId: mine.id })).toBe(
      `/t/${team.slug}/plans/${planId}/tasks/${taskId}`,
    );
    expect(await countUnread({ userId: creator.userId })).toBe(before - 1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });
});
