import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment, deleteComment, editComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { countUnread, findNotifications, markRead } from "@/lib/notifications/notifications";
import { createTask } from "@/lib/tasks/create-task";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

type Member = { userId: string; membershipId: string };

let team: { id: string; slug: string };
let owner: Member;
let admin: Member;
let author: Member;
let assignee: Member;
let planId: string;

beforeAll(async () => {
  team = await createTestTeam();
  [owner, admin, author, assignee] = await Promise.all([
    createTestMember({ teamId: team.id, role: "OWNER" }),
    createTestMember({ teamId: team.id, role: "ADMIN" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
  ]);
  planId = (await createTestPlan({ teamId: team.id })).id;
});

/** A task the OWNER created (so follows) and assigned to `assignee` (who follows too). */
async function followedTask() {
  const { id } = await runAs(createTask, owner.userId, team.slug, {
    planId,
    title: "Discussed task",
    areaCode: "R2",
    pathCode: "P4",
    dilemmas: [{ dilemmaCode: "D2", weight: 3 }],
    priority: "MEDIUM",
    status: "TODO",
    assigneeId: assignee.userId,
    dueDate: null,
    progress: 0,
  });
  return id;
}

const commentNotices = (taskId: string) =>
  db.notification.findMany({
    where: { taskId, kind: "task.commented" },
    select: { userId: true, actorId: true, data: true },
    orderBy: { userId: "asc" },
  });

const byUser = (a: { userId: string }, b: { userId: string }) =>
  a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;

describe("addComment", () => {
  it("notifies the assignee and the followers but not the author, who starts following; logs comment.created", async () => {
    const taskId = await followedTask();
    const comment = await runAs(addComment, author.userId, team.slug, { taskId, body: "  Looks good to me  " });

    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      teamId: team.id,
      taskId,
      authorId: author.userId,
      body: "Looks good to me",
      deletedAt: null,
    });
    expect(await commentNotices(taskId)).toEqual(
      [owner, assignee]
        .map((m) => ({ userId: m.userId, actorId: author.userId, data: { commentId: comment.id } }))
        .sort(byUser),
    );
    expect(await db.taskFollower.count({ where: { taskId, userId: author.userId } })).toBe(1);
    expect(
      await db.activityEvent.findMany({
        where: { taskId, kind: "comment.created" },
        select: { actorId: true, entityType: true, entityId: true, planId: true },
      }),
    ).toEqual([{ actorId: author.userId, entityType: "comment", entityId: comment.id, planId }]);

    // The assignee answers: the owner and the first author hear of it, the assignee does not.
    const reply = await runAs(addComment, assignee.userId, team.slug, { taskId, body: "Thanks" });
    const replyNotices = (await commentNotices(taskId)).filter(
      (n) => (n.data as { commentId?: string }).commentId === reply.id,
    );
    expect(replyNotices.map((n) => n.userId).sort()).toEqual([owner.userId, author.userId].sort());
  });

  it("notifies an assignee who does not follow the task", async () => {
    const task = await createTestTask({ teamId: team.id, planId, assigneeId: assignee.userId });
    await runAs(addComment, author.userId, team.slug, { taskId: task.id, body: "Ping" });
    expect((await commentNotices(task.id)).map((n) => n.userId)).toEqual([assignee.userId]);
  });

  it("notifies nobody when the only follower comments", async () => {
    const task = await createTestTask({ teamId: team.id, planId });
    await runAs(addComment, author.userId, team.slug, { taskId: task.id, body: "Note to self" });
    await runAs(addComment, author.userId, team.slug, { taskId: task.id, body: "Another note" });
    expect(await commentNotices(task.id)).toEqual([]);
  });

  const refused: [string, string][] = [
    ["an empty body", ""],
    ["a whitespace-only body", " \n\t "],
    ["a body of 10,001 characters", "b".repeat(10_001)],
  ];
  for (const [name, body] of refused) {
    it(`refuses ${name} (VALIDATION) and changes nothing`, async () => {
      const task = await createTestTask({ teamId: team.id, planId, assigneeId: assignee.userId });
      const before = await snapshotTeamData(team.id);
      const error = await appErrorOf(runAs(addComment, author.userId, team.slug, { taskId: task.id, body }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors).toHaveProperty("body");
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }

  it("accepts a body of 10,000 characters with Chinese and emoji", async () => {
    const task = await createTestTask({ teamId: team.id, planId });
    const body = `评论 👍 ${"c".repeat(10_000 - 6)}`;
    expect(body).toHaveLength(10_000);
    const { id } = await runAs(addComment, author.userId, team.slug, { taskId: task.id, body });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).toBe(body);
  });
});

describe("editComment and deleteComment: only one's own", () => {
  async function commentBy(userId: string) {
    const task = await createTestTask({ teamId: team.id, planId, assigneeId: assignee.userId });
    return runAs(addComment, userId, team.slug, { taskId: task.id, body: "Original words" });
  }

  it("the author edits their comment; comment.edited is logged and nobody is notified again", async () => {
    const { id } = await commentBy(author.userId);
    const noticesBefore = await db.notification.count({ where: { teamId: team.id } });
    expect(await runAs(editComment, author.userId, team.slug, { commentId: id, body: "  Better words " })).toEqual({
      id,
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).toBe("Better words");
    expect(
      await db.activityEvent.count({ where: { entityId: id, kind: "comment.edited", actorId: author.userId } }),
    ).toBe(1);
    expect(await db.notification.count({ where: { teamId: team.id } })).toBe(noticesBefore);
  });

  it("the author deletes their comment: kept as deleted, comment.deleted logged; deleted comments are then NOT_FOUND", async () => {
    const { id } = await commentBy(author.userId);
    expect(await runAs(deleteComment, author.userId, team.slug, { commentId: id })).toEqual({ id });
    const deleted = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect(deleted.body).toBe("Original words");
    expect(
      await db.activityEvent.count({ where: { entityId: id, kind: "comment.deleted", actorId: author.userId } }),
    ).toBe(1);

    const before = await snapshotTeamData(team.id);
    expect((await appErrorOf(runAs(deleteComment, author.userId, team.slug, { commentId: id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await appErrorOf(runAs(editComment, author.userId, team.slug, { commentId: id, body: "Back again" }))).code,
    ).toBe("NOT_FOUND");
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });

  for (const [name, other] of [
    ["another MEMBER", () => assignee],
    ["an ADMIN", () => admin],
    ["the OWNER", () => owner],
  ] as const) {
    it(`${name} can neither edit nor delete it (FORBIDDEN); nothing changes`, async () => {
      const { id } = await commentBy(author.userId);
      const before = await snapshotTeamData(team.id);
      expect(
        (await appErrorOf(runAs(editComment, other().userId, team.slug, { commentId: id, body: "Rewritten" }))).code,
      ).toBe("FORBIDDEN");
      expect((await appErrorOf(runAs(deleteComment, other().userId, team.slug, { commentId: id }))).code).toBe(
        "FORBIDDEN",
      );
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }

  it("an edit to a whitespace-only body is refused (VALIDATION)", async () => {
    const { id } = await commentBy(author.userId);
    const before = await snapshotTeamData(team.id);
    expect((await appErrorOf(runAs(editComment, author.userId, team.slug, { commentId: id, body: "   " }))).code).toBe(
      "VALIDATION",
    );
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });

  it("comments of an ARCHIVED plan can be neither edited nor deleted (FORBIDDEN)", async () => {
    const archived = await createTestPlan({ teamId: team.id, status: "ACTIVE" });
    const task = await createTestTask({ teamId: team.id, planId: archived.id });
    const { id } = await runAs(addComment, author.userId, team.slug, { taskId: task.id, body: "Before archiving" });
    await db.plan.update({ where: { id: archived.id }, data: { status: "ARCHIVED" } });
    const before = await snapshotTeamData(team.id);
    expect(
      (await appErrorOf(runAs(editComment, author.userId, team.slug, { commentId: id, body: "After archiving" }))).code,
    ).toBe("FORBIDDEN");
    expect((await appErrorOf(runAs(deleteComment, author.userId, team.slug, { commentId: id }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});

describe("notifications", () => {
  let reader: Member;
  let other: Member;
  let taskId: string;

  beforeAll(async () => {
    [reader, other] = await Promise.all([
      createTestMember({ teamId: team.id, role: "MEMBER" }),
      createTestMember({ teamId: team.id, role: "MEMBER" }),
    ]);
    // Both follow the task; the author's two comments give each of them two unread notices.
    const task = await createTestTask({ teamId: team.id, planId, title: "Watched task" });
    taskId = task.id;
    await db.taskFollower.createMany({
      data: [reader, other].map((m) => ({ taskId, userId: m.userId, teamId: team.id })),
    });
    await runAs(addComment, author.userId, team.slug, { taskId, body: "First" });
    await runAs(addComment, author.userId, team.slug, { taskId, body: "Second" });
  });

  it("counts and lists a user's own notifications with the task, actor and team", async () => {
    expect(await countUnread({ userId: reader.userId })).toBe(2);
    const list = await findNotifications({ userId: reader.userId });
    expect(list).toHaveLength(2);
    for (const n of list) {
      expect(n).toMatchObject({
        kind: "task.commented",
        readAt: null,
        task: { id: taskId, planId, title: "Watched task" },
        team: { slug: team.slug },
      });
      expect(n.actor?.name).toBeTruthy();
    }
  });

  it("markRead never touches another user's notification", async () => {
    const [othersNotice] = await findNotifications({ userId: other.userId });
    expect(othersNotice).toBeDefined();
    await markRead({ userId: reader.userId, notificationId: othersNotice?.id });
    expect(await db.notification.findUniqueOrThrow({ where: { id: othersNotice?.id } })).toMatchObject({
      readAt: null,
    });
    expect(await countUnread({ userId: other.userId })).toBe(2);
    expect(await countUnread({ userId: reader.userId })).toBe(2);
  });

  it("markRead with an id reads just that one, without an id all of one's own", async () => {
    const [first] = await findNotifications({ userId: reader.userId });
    await markRead({ userId: reader.userId, notificationId: first?.id });
    expect(await countUnread({ userId: reader.userId })).toBe(1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: first?.id } })).readAt).toBeInstanceOf(Date);

    await markRead({ userId: reader.userId });
    expect(await countUnread({ userId: reader.userId })).toBe(0);
    expect(await countUnread({ userId: other.userId })).toBe(2);
  });
});
