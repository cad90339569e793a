import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  randomHex,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";
import type { BulkTasksInput } from "@/lib/validation/task";

afterAll(cleanupTestData);

type Member = { userId: string; membershipId: string };

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

let team: { id: string; slug: string };
let member: Member;
let member2: Member;
/** Starts 2026-01-01. */
let earlyPlanId: string;
/** Starts 2026-07-01. */
let latePlanId: string;
let otherTeam: { id: string; slug: string };
let otherTeamTaskId: string;

beforeAll(async () => {
  team = await createTestTeam();
  [member, member2] = await Promise.all([
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
  ]);
  [earlyPlanId, latePlanId] = await Promise.all([
    createTestPlan({ teamId: team.id }).then((p) => p.id),
    createTestPlan({ teamId: team.id, startDate: utc("2026-07-01"), targetDate: utc("2026-12-31") }).then((p) => p.id),
  ]);
  otherTeam = await createTestTeam();
  await createTestMember({ teamId: otherTeam.id, role: "OWNER" });
  const otherPlan = await createTestPlan({ teamId: otherTeam.id });
  otherTeamTaskId = (await createTestTask({ teamId: otherTeam.id, planId: otherPlan.id })).id;
});

/** Three fresh tasks of the early plan. */
async function threeTasks(overrides: Partial<Parameters<typeof createTestTask>[0]> = {}) {
  const tasks = [];
  for (let i = 0; i < 3; i++)
    tasks.push(
      await createTestTask({ teamId: team.id, planId: earlyPlanId, title: `Bulk ${i} ${randomHex()}`, ...overrides }),
    );
  return tasks;
}

const bulk = (input: BulkTasksInput, userId = member.userId) => runAs(bulkTasks, userId, team.slug, input);
const rows = (ids: string[]) => db.task.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
const updateEvents = (ids: string[]) =>
  db.activityEvent.findMany({
    where: { taskId: { in: ids }, kind: "task.updated" },
    select: { taskId: true, actorId: true, before: true, after: true },
    orderBy: { taskId: "asc" },
  });

describe("bulk assign", () => {
  it("assigns every task, logs task.updated for each, and notifies the assignee once per task", async () => {
    const ids = (await threeTasks()).map((t) => t.id);
    expect(await bulk({ action: "assign", taskIds: ids, assigneeId: member2.userId })).toEqual({ count: 3 });
    for (const task of await rows(ids)) expect(task).toMatchObject({ assigneeId: member2.userId, version: 2 });
    expect(await updateEvents(ids)).toEqual(
      [...ids].sort().map((taskId) => ({
        taskId,
        actorId: member.userId,
        before: { assigneeId: null },
        after: { assigneeId: member2.userId },
      })),
    );
    expect(
      await db.notification.findMany({
        where: { taskId: { in: ids } },
        select: { userId: true, actorId: true, kind: true },
      }),
    ).toEqual(ids.map(() => ({ userId: member2.userId, actorId: member.userId, kind: "task.assigned" })));
    expect(await db.taskFollower.count({ where: { taskId: { in: ids }, userId: member2.userId } })).toBe(3);
  });

  it("leaves a task already assigned to that person untouched (no event, no second notice)", async () => {
    const [a, b] = await threeTasks();
    const already = await createTestTask({ teamId: team.id, planId: earlyPlanId, assigneeId: member2.userId });
    const ids = [a?.id ?? "", b?.id ?? "", already.id];
    await bulk({ action: "assign", taskIds: ids, assigneeId: member2.userId });
    expect(await db.task.findUniqueOrThrow({ where: { id: already.id } })).toMatchObject({
      version: 1,
      updatedAt: already.updatedAt,
    });
    expect((await updateEvents(ids)).map((e) => e.taskId).sort()).toEqual([a?.id, b?.id].sort());
    expect(await db.notification.count({ where: { taskId: already.id } })).toBe(0);
  });

  it("does not notify someone who assigns to themselves; unassigning notifies nobody", async () => {
    const ids = (await threeTasks()).map((t) => t.id);
    await bulk({ action: "assign", taskIds: ids, assigneeId: member.userId });
    await bulk({ action: "assign", taskIds: ids, assigneeId: null });
    for (const task of await rows(ids)) expect(task).toMatchObject({ assigneeId: null, version: 3 });
    expect(await db.notification.count({ where: { taskId: { in: ids } } })).toBe(0);
    expect(await db.activityEvent.count({ where: { taskId: { in: ids }, kind: "task.updated" } })).toBe(6);
  });

  it("refuses an assignee from another team (VALIDATION); nothing changes", async () => {
    const ids = (await threeTasks()).map((t) => t.id);
    const outsider = await createTestMember({ teamId: otherTeam.id, role: "MEMBER" });
    const before = await snapshotTeamData(team.id);
    const error = await appErrorOf(bulk({ action: "assign", taskIds: ids, assigneeId: outsider.userId }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty("assigneeId");
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});

describe("bulk status", () => {
  it("DONE sets 100 % and the completion time on each task; one event each with status and progress", async () => {
    const [a, b] = await threeTasks({ status: "IN_PROGRESS", progress: 20 });
    const done = await createTestTask({ teamId: team.id, planId: earlyPlanId, status: "DONE", progress: 100 });
    const ids = [a?.id ?? "", b?.id ?? "", done.id];
    expect(await bulk({ action: "status", taskIds: ids, status: "DONE" })).toEqual({ count: 3 });
    for (const task of await rows(ids)) {
      expect(task).toMatchObject({ status: "DONE", progress: 100 });
      expect(task.completedAt).toBeInstanceOf(Date);
    }
    // The task that was DONE already is left alone.
    expect(await db.task.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({
      version: 1,
      completedAt: done.completedAt,
    });
    expect(await updateEvents(ids)).toEqual(
      [a?.id, b?.id].sort().map((taskId) => ({
        taskId,
        actorId: member.userId,
        before: { status: "IN_PROGRESS", progress: 20 },
        after: { status: "DONE", progress: 100 },
      })),
    );
  });

  it("setting DONE tasks back keeps their 100 % and clears the completion time", async () => {
    const ids = (await threeTasks({ status: "DONE", progress: 100 })).map((t) => t.id);
    await bulk({ action: "status", taskIds: ids, status: "TODO" });
    for (const task of await rows(ids))
      expect(task).toMatchObject({ status: "TODO", progress: 100, completedAt: null, version: 2 });
  });
});

describe("bulk due date", () => {
  it("sets the date on tasks of several plans and clears it with an empty string", async () => {
    const early = await threeTasks();
    const late = await createTestTask({ teamId: team.id, planId: latePlanId });
    const ids = [...early.map((t) => t.id), late.id];
    await bulk({ action: "dueDate", taskIds: ids, dueDate: "2026-08-01" });
    for (const task of await rows(ids)) expect(task).toMatchObject({ dueDate: utc("2026-08-01"), version: 2 });
    expect((await updateEvents(ids)).map((e) => [e.before, e.after])).toEqual(
      ids.map(() => [{ dueDate: null }, { dueDate: "2026-08-01" }]),
    );

    await bulk({ action: "dueDate", taskIds: ids, dueDate: "" });
    for (const task of await rows(ids)) expect(task).toMatchObject({ dueDate: null, version: 3 });
  });

  it("refuses a date before one task's plan start (VALIDATION) and changes none of the tasks", async () => {
    const early = await threeTasks();
    const late = await createTestTask({ teamId: team.id, planId: latePlanId });
    const before = await snapshotTeamData(team.id);
    const error = await appErrorOf(
      bulk({ action: "dueDate", taskIds: [...early.map((t) => t.id), late.id], dueDate: "2026-06-01" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty("dueDate");
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});

describe("bulk delete", () => {
  it("removes every task with its links and comments, and logs task.deleted for each", async () => {
    const tasks = await threeTasks({ status: "IN_PROGRESS", progress: 40 });
    const ids = tasks.map((t) => t.id);
    await runAs(addComment, member.userId, team.slug, { taskId: ids[0] ?? "", body: "Soon gone" });
    const survivor = await createTestTask({ teamId: team.id, planId: earlyPlanId });

    expect(await bulk({ action: "delete", taskIds: ids })).toEqual({ count: 3 });
    expect(await db.task.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await db.taskDilemma.count({ where: { taskId: { in: ids } } })).toBe(0);
    expect(await db.comment.count({ where: { taskId: { in: ids } } })).toBe(0);
    expect(await db.task.findUnique({ where: { id: survivor.id } })).toMatchObject({ version: 1 });

    const events = await db.activityEvent.findMany({
      where: { teamId: team.id, kind: "task.deleted", entityId: { in: ids } },
      select: { entityId: true, entityType: true, planId: true, actorId: true, before: true },
      orderBy: { entityId: "asc" },
    });
    expect(events).toEqual(
      [...tasks]
        .sort((x, y) => (x.id < y.id ? -1 : 1))
        .map((t) => ({
          entityId: t.id,
          entityType: "task",
          planId: earlyPlanId,
          actorId: member.userId,
          before: { title: t.title, status: "IN_PROGRESS", progress: 40 },
        })),
    );
  });
});

describe("all or nothing", () => {
  const actions: Record<string, (taskIds: string[]) => BulkTasksInput> = {
    assign: (taskIds) => ({ action: "assign", taskIds, assigneeId: member2.userId }),
    status: (taskIds) => ({ action: "status", taskIds, status: "DONE" }),
    dueDate: (taskIds) => ({ action: "dueDate", taskIds, dueDate: "2026-09-01" }),
    delete: (taskIds) => ({ action: "delete", taskIds }),
  };
  for (const [name, input] of Object.entries(actions)) {
    it(`${name}: one task of another team in the batch → NOT_FOUND; no task of either team changes`, async () => {
      const ids = (await threeTasks()).map((t) => t.id);
      const [before, beforeOther] = await Promise.all([snapshotTeamData(team.id), snapshotTeamData(otherTeam.id)]);
      expect((await appErrorOf(bulk(input([...ids, otherTeamTaskId])))).code).toBe("NOT_FOUND");
      expect(await snapshotTeamData(team.id)).toEqual(before);
      expect(await snapshotTeamData(otherTeam.id)).toEqual(beforeOther);
    });

    it(`${name}: an id that does not exist → NOT_FOUND; nothing changes`, async () => {
      const ids = (await threeTasks()).map((t) => t.id);
      const before = await snapshotTeamData(team.id);
      expect((await appErrorOf(bulk(input([`missing-${randomHex()}`, ...ids])))).code).toBe("NOT_FOUND");
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }

  it("counts a repeated id once", async () => {
    const [a, b] = await threeTasks();
    const ids = [a?.id ?? "", b?.id ?? ""];
    expect(await bulk({ action: "status", taskIds: [ids[0] ?? "", ...ids], status: "BLOCKED" })).toEqual({ count: 2 });
    expect(await db.activityEvent.count({ where: { taskId: { in: ids }, kind: "task.updated" } })).toBe(2);
    for (const task of await rows(ids)) expect(task.version).toBe(2);
  });

  const refused: [string, unknown][] = [
    ["an empty selection", { action: "status", taskIds: [], status: "DONE" }],
    ["an unknown action", { action: "archive", taskIds: ["x"] }],
    ["an unknown status", { action: "status", taskIds: ["x"], status: "FINISHED" }],
    ["an impossible date", { action: "dueDate", taskIds: ["x"], dueDate: "2026-02-30" }],
  ];
  for (const [name, input] of refused) {
    it(`refuses ${name} (VALIDATION)`, async () => {
      expect((await appErrorOf(bulk(input as BulkTasksInput))).code).toBe("VALIDATION");
    });
  }
});
