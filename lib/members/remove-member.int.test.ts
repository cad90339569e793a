import { afterAll, describe, expect, it } from "vitest";
import { addComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { leaveTeam, removeMember } from "@/lib/members/remove-member";
import { countUnread, findNotifications } from "@/lib/notifications/notifications";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { createTask } from "@/lib/tasks/create-task";
import {
  appErrorOf,
  addMember,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  runAs,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

/** A team with an OWNER and a MEMBER who has tasks in two plans (one DONE), follows another task and has an unread notice; the MEMBER also belongs to a second team with a task there. */
async function setUp() {
  const team = await createTestTeam();
  const [owner, leaver, colleague] = await Promise.all([
    createTestMember({ teamId: team.id, role: "OWNER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
  ]);
  const [planA, planB] = await Promise.all([createTestPlan({ teamId: team.id }), createTestPlan({ teamId: team.id })]);
  const open = await createTestTask({
    teamId: team.id,
    planId: planA.id,
    assigneeId: leaver.userId,
    status: "IN_PROGRESS",
    progress: 50,
  });
  const done = await createTestTask({
    teamId: team.id,
    planId: planB.id,
    assigneeId: leaver.userId,
    status: "DONE",
    progress: 100,
  });
  const colleagues = await createTestTask({ teamId: team.id, planId: planA.id, assigneeId: colleague.userId });
  await db.taskFollower.create({ data: { taskId: colleagues.id, userId: leaver.userId, teamId: team.id } });
  await runAs(addComment, owner.userId, team.slug, { taskId: colleagues.id, body: "News" });

  const elsewhere = await createTestTeam();
  await addMember({ teamId: elsewhere.id, userId: leaver.userId, role: "MEMBER" });
  const elsewherePlan = await createTestPlan({ teamId: elsewhere.id });
  const elsewhereTask = await createTestTask({
    teamId: elsewhere.id,
    planId: elsewherePlan.id,
    assigneeId: leaver.userId,
  });
  return { team, owner, leaver, colleague, open, done, colleagues, elsewhereTask };
}

type Fixture = Awaited<ReturnType<typeof setUp>>;

async function expectTasksHandedBack(f: Fixture, actorId: string) {
  for (const task of [f.open, f.done]) {
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      assigneeId: null,
      version: 2,
      status: task.status,
      progress: task.progress,
    });
    expect(
      await db.activityEvent.findMany({
        where: { taskId: task.id },
        select: { kind: true, actorId: true, before: true, after: true },
      }),
    ).toEqual([
      {
        kind: "task.updated",
        actorId,
        before: { assigneeId: f.leaver.userId },
        after: { assigneeId: null, reason: "member_left" },
      },
    ]);
  }
  // Other people's tasks and the member's tasks in other teams stay as they were.
  expect(await db.task.findUniqueOrThrow({ where: { id: f.colleagues.id } })).toMatchObject({
    assigneeId: f.colleague.userId,
    version: 1,
  });
  expect(await db.task.findUniqueOrThrow({ where: { id: f.elsewhereTask.id } })).toMatchObject({
    assigneeId: f.leaver.userId,
    version: 1,
  });
  expect(await db.taskFollower.count({ where: { teamId: f.team.id, userId: f.leaver.userId } })).toBe(0);
}

describe("removeMember", () => {
  it("unassigns the member's tasks with a task.updated event each and logs member.removed", async () => {
    const f = await setUp();
    expect(await countUnread({ userId: f.leaver.userId })).toBe(1);

    await runAs(removeMember, f.owner.userId, f.team.slug, { membershipId: f.leaver.membershipId });

    expect(await db.membership.findUnique({ where: { id: f.leaver.membershipId } })).toBeNull();
    await expectTasksHandedBack(f, f.owner.userId);
    expect(
      await db.activityEvent.findMany({
        where: { teamId: f.team.id, kind: "member.removed" },
        select: { actorId: true, entityType: true, entityId: true, before: true },
      }),
    ).toEqual([
      {
        actorId: f.owner.userId,
        entityType: "membership",
        entityId: f.leaver.membershipId,
        before: { userId: f.leaver.userId, role: "MEMBER" },
      },
    ]);
    // Notices from a team one no longer belongs to are neither counted nor listed.
    expect(await countUnread({ userId: f.leaver.userId })).toBe(0);
    expect((await findNotifications({ userId: f.leaver.userId })).filter((n) => n.team.slug === f.team.slug)).toEqual(
      [],
    );
  });

  it("a removed member can no longer be assigned (VALIDATION) and gets NOT_FOUND for the team", async () => {
    const f = await setUp();
    await runAs(removeMember, f.owner.userId, f.team.slug, { membershipId: f.leaver.membershipId });
    const assign = await appErrorOf(
      runAs(bulkTasks, f.owner.userId, f.team.slug, {
        action: "assign",
        taskIds: [f.colleagues.id],
        assigneeId: f.leaver.userId,
      }),
    );
    expect(assign.code).toBe("VALIDATION");
    const create = await appErrorOf(
      runAs(createTask, f.leaver.userId, f.team.slug, {
        planId: f.open.planId,
        title: "Sneaking back",
        areaCode: "R1",
        pathCode: "P1",
        dilemmas: [{ dilemmaCode: "D1", weight: 1 }],
        priority: "LOW",
        status: "TODO",
        assigneeId: null,
        dueDate: null,
        progress: 0,
      }),
    );
    expect(create.code).toBe("NOT_FOUND");
  });
});

describe("leaveTeam", () => {
  it("hands the leaving member's tasks back the same way and logs member.left", async () => {
    const f = await setUp();
    await runAs(leaveTeam, f.leaver.userId, f.team.slug, {});
    await expectTasksHandedBack(f, f.leaver.userId);
    expect(
      await db.activityEvent.count({
        where: { teamId: f.team.id, kind: "member.left", entityId: f.leaver.membershipId },
      }),
    ).toBe(1);
  });
});
