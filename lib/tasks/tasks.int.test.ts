import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { AreaCode, DilemmaCode, PathCode } from "@/lib/catalog/types";
import { addComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { addTemplates } from "@/lib/plans/add-templates";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { createTask } from "@/lib/tasks/create-task";
import { setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  randomHex,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";
import { toDateInput } from "@/lib/validation/common";
import type { CreateTaskInput, taskFieldsSchema, UpdateTaskInput } from "@/lib/validation/task";

afterAll(cleanupTestData);

type Member = { userId: string; membershipId: string };
type TaskFields = z.input<typeof taskFieldsSchema>;

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

let team: { id: string; slug: string };
let owner: Member;
let member: Member;
let member2: Member;
/** A user who belongs to another team only. */
let outsiderId: string;
/** An ACTIVE plan running 2026-01-01 → 2026-12-31. */
let planId: string;

beforeAll(async () => {
  team = await createTestTeam();
  [owner, member, member2] = await Promise.all([
    createTestMember({ teamId: team.id, role: "OWNER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
  ]);
  const outsider = await createTestUser();
  await createTestTeam({ ownerId: outsider.id });
  outsiderId = outsider.id;
  planId = (await createTestPlan({ teamId: team.id, createdById: owner.userId })).id;
});

function taskInput(overrides: Partial<CreateTaskInput> = {}): CreateTaskInput {
  return {
    planId,
    title: `Task ${randomHex()}`,
    description: "",
    areaCode: "R3",
    pathCode: "P3",
    dilemmas: [{ dilemmaCode: "D3", weight: 3 }],
    priority: "HIGH",
    status: "TODO",
    assigneeId: null,
    dueDate: "2026-06-30",
    progress: 0,
    ...overrides,
  };
}

/** A full edit of the task as it is now (what the form submits), with overrides. */
async function editOf(taskId: string, overrides: Partial<UpdateTaskInput> = {}): Promise<UpdateTaskInput> {
  const t = await db.task.findUniqueOrThrow({
    where: { id: taskId },
    include: { dilemmas: { orderBy: { dilemmaCode: "asc" } } },
  });
  return {
    taskId: t.id,
    version: t.version,
    title: t.title,
    description: t.description,
    areaCode: t.areaCode as AreaCode,
    pathCode: t.pathCode as PathCode,
    dilemmas: t.dilemmas.map((l) => ({ dilemmaCode: l.dilemmaCode as DilemmaCode, weight: l.weight })),
    priority: t.priority,
    status: t.status,
    assigneeId: t.assigneeId,
    dueDate: toDateInput(t.dueDate),
    progress: t.progress,
    ...overrides,
  };
}

const newTask = (overrides: Partial<Parameters<typeof createTestTask>[0]> = {}) =>
  createTestTask({ teamId: team.id, planId, title: "Old title", createdById: owner.userId, ...overrides });

const eventsOf = (taskId: string) =>
  db.activityEvent.findMany({
    where: { taskId },
    orderBy: { id: "asc" },
    select: { kind: true, actorId: true, before: true, after: true },
  });

const linksOf = async (taskId: string) =>
  Object.fromEntries((await db.taskDilemma.findMany({ where: { taskId } })).map((l) => [l.dilemmaCode, l.weight]));

/** Inputs every task form refuses, with the field the error names; shared by createTask and updateTask. */
const refusedFields: [string, () => Partial<TaskFields>, string][] = [
  ["an empty title", () => ({ title: "" }), "title"],
  ["a whitespace-only title", () => ({ title: "  \t  " }), "title"],
  ["a title of 201 characters", () => ({ title: "t".repeat(201) }), "title"],
  ["a description of 10,001 characters", () => ({ description: "d".repeat(10_001) }), "description"],
  ["progress 101", () => ({ progress: 101 }), "progress"],
  ["progress -1", () => ({ progress: -1 }), "progress"],
  ["progress 50.5", () => ({ progress: 50.5 }), "progress"],
  ["weight 0", () => ({ dilemmas: [{ dilemmaCode: "D1", weight: 0 }] }), "dilemmas.0.weight"],
  ["weight 4", () => ({ dilemmas: [{ dilemmaCode: "D1", weight: 4 }] }), "dilemmas.0.weight"],
  ["weight 2.5", () => ({ dilemmas: [{ dilemmaCode: "D1", weight: 2.5 }] }), "dilemmas.0.weight"],
  ["no dilemma", () => ({ dilemmas: [] }), "dilemmas"],
  [
    "the same dilemma twice",
    () => ({
      dilemmas: [
        { dilemmaCode: "D2", weight: 1 },
        { dilemmaCode: "D2", weight: 3 },
      ],
    }),
    "dilemmas",
  ],
  [
    "an unknown dilemma",
    () => ({ dilemmas: [{ dilemmaCode: "D5" as DilemmaCode, weight: 1 }] }),
    "dilemmas.0.dilemmaCode",
  ],
  ["an unknown area", () => ({ areaCode: "R5" as AreaCode }), "areaCode"],
  ["an unknown path", () => ({ pathCode: "P0" as PathCode }), "pathCode"],
  ["a due date before the plan starts", () => ({ dueDate: "2025-12-31" }), "dueDate"],
  ["a due date that does not exist", () => ({ dueDate: "2026-02-29" }), "dueDate"],
  ["an assignee from another team", () => ({ assigneeId: outsiderId }), "assigneeId"],
  ["an assignee who does not exist", () => ({ assigneeId: `nobody-${randomHex()}` }), "assigneeId"],
];

describe("createTask", () => {
  it("creates the task with its links, a task.created event, the creator following and the assignee notified", async () => {
    const { id } = await runAs(
      createTask,
      member.userId,
      team.slug,
      taskInput({
        title: "  Encrypt customer data  ",
        description: "At rest and in transit",
        dilemmas: [
          { dilemmaCode: "D3", weight: 3 },
          { dilemmaCode: "D4", weight: 1 },
        ],
        status: "IN_PROGRESS",
        progress: 25,
        assigneeId: member2.userId,
      }),
    );
    expect(await db.task.findUniqueOrThrow({ where: { id } })).toMatchObject({
      teamId: team.id,
      planId,
      title: "Encrypt customer data",
      description: "At rest and in transit",
      areaCode: "R3",
      pathCode: "P3",
      templateKey: null,
      priority: "HIGH",
      status: "IN_PROGRESS",
      progress: 25,
      assigneeId: member2.userId,
      dueDate: utc("2026-06-30"),
      version: 1,
      createdById: member.userId,
      completedAt: null,
    });
    expect(await linksOf(id)).toEqual({ D3: 3, D4: 1 });
    expect(await eventsOf(id)).toEqual([
      {
        kind: "task.created",
        actorId: member.userId,
        before: null,
        after: {
          title: "Encrypt customer data",
          status: "IN_PROGRESS",
          progress: 25,
          assigneeId: member2.userId,
          dilemmas: [
            { dilemmaCode: "D3", weight: 3 },
            { dilemmaCode: "D4", weight: 1 },
          ],
        },
      },
    ]);
    expect((await db.taskFollower.findMany({ where: { taskId: id } })).map((f) => f.userId).sort()).toEqual(
      [member.userId, member2.userId].sort(),
    );
    expect(
      await db.notification.findMany({ where: { taskId: id }, select: { userId: true, actorId: true, kind: true } }),
    ).toEqual([{ userId: member2.userId, actorId: member.userId, kind: "task.assigned" }]);
  });

  it("does not notify someone who assigns themselves", async () => {
    const { id } = await runAs(createTask, member.userId, team.slug, taskInput({ assigneeId: member.userId }));
    expect(await db.notification.count({ where: { taskId: id } })).toBe(0);
  });

  it("creates a DONE task at 100 % whatever progress was given, with a completion time", async () => {
    const { id } = await runAs(createTask, member.userId, team.slug, taskInput({ status: "DONE", progress: 30 }));
    const task = await db.task.findUniqueOrThrow({ where: { id } });
    expect(task).toMatchObject({ status: "DONE", progress: 100 });
    expect(task.completedAt).toBeInstanceOf(Date);
    expect((await eventsOf(id))[0]?.after).toMatchObject({ status: "DONE", progress: 100 });
  });

  const accepted: [string, Partial<CreateTaskInput>, Record<string, unknown>][] = [
    ["a title of exactly 200 characters", { title: "x".repeat(200) }, { title: "x".repeat(200) }],
    ["a title of 200 characters once trimmed", { title: ` ${"y".repeat(200)} ` }, { title: "y".repeat(200) }],
    ["a Chinese title with emoji", { title: "部署数据加密 🔐 第一阶段" }, { title: "部署数据加密 🔐 第一阶段" }],
    ["200 Chinese characters", { title: "数".repeat(200) }, { title: "数".repeat(200) }],
    ["a description of 10,000 characters", { description: "d".repeat(10_000) }, { description: "d".repeat(10_000) }],
    ["progress 0", { progress: 0, status: "IN_PROGRESS" }, { progress: 0 }],
    ["progress 100 not DONE", { progress: 100, status: "IN_PROGRESS" }, { progress: 100, status: "IN_PROGRESS" }],
    ["progress as a numeric string", { progress: "70" }, { progress: 70 }],
    ["no due date as an empty string", { dueDate: "" }, { dueDate: null }],
    ["no due date as null", { dueDate: null }, { dueDate: null }],
    ["a due date on the plan's first day", { dueDate: "2026-01-01" }, { dueDate: utc("2026-01-01") }],
    ["a due date after the plan's target date", { dueDate: "2027-03-01" }, { dueDate: utc("2027-03-01") }],
  ];
  for (const [name, overrides, stored] of accepted) {
    it(`accepts ${name}`, async () => {
      const { id } = await runAs(createTask, member.userId, team.slug, taskInput(overrides));
      expect(await db.task.findUniqueOrThrow({ where: { id } })).toMatchObject(stored);
    });
  }

  it("accepts weights 1 and 3 and all four dilemmas at once", async () => {
    const dilemmas = [
      { dilemmaCode: "D1", weight: 1 },
      { dilemmaCode: "D2", weight: 3 },
      { dilemmaCode: "D3", weight: 2 },
      { dilemmaCode: "D4", weight: 1 },
    ] as const;
    const { id } = await runAs(createTask, member.userId, team.slug, taskInput({ dilemmas: [...dilemmas] }));
    expect(await linksOf(id)).toEqual({ D1: 1, D2: 3, D3: 2, D4: 1 });
  });

  for (const [name, overrides, field] of refusedFields) {
    it(`refuses ${name} (VALIDATION on ${field}) and creates nothing`, async () => {
      const before = await snapshotTeamData(team.id);
      const error = await appErrorOf(runAs(createTask, member.userId, team.slug, taskInput(overrides())));
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }

  it("refuses a plan id that does not exist (NOT_FOUND)", async () => {
    const before = await snapshotTeamData(team.id);
    expect(
      (await appErrorOf(runAs(createTask, member.userId, team.slug, taskInput({ planId: `no-plan-${randomHex()}` }))))
        .code,
    ).toBe("NOT_FOUND");
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});

describe("updateTask", () => {
  it("saves the fields; task.updated holds only the changed ones", async () => {
    const task = await newTask();
    expect(
      await runAs(
        updateTask,
        member.userId,
        team.slug,
        await editOf(task.id, { title: "  New title  ", priority: "URGENT" }),
      ),
    ).toEqual({ id: task.id, version: 2 });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: "New title",
      priority: "URGENT",
      version: 2,
      status: "TODO",
      progress: 0,
    });
    expect(await eventsOf(task.id)).toEqual([
      {
        kind: "task.updated",
        actorId: member.userId,
        before: { title: "Old title", priority: "MEDIUM" },
        after: { title: "New title", priority: "URGENT" },
      },
    ]);
  });

  it("records progress together with status, even when only progress changed", async () => {
    const task = await newTask({ status: "IN_PROGRESS", progress: 10 });
    await runAs(updateTask, member.userId, team.slug, await editOf(task.id, { progress: 40 }));
    expect(await eventsOf(task.id)).toEqual([
      {
        kind: "task.updated",
        actorId: member.userId,
        before: { status: "IN_PROGRESS", progress: 10 },
        after: { status: "IN_PROGRESS", progress: 40 },
      },
    ]);
  });

  it("records status together with progress, even when only status changed", async () => {
    const task = await newTask({ status: "TODO", progress: 0 });
    await runAs(updateTask, member.userId, team.slug, await editOf(task.id, { status: "BLOCKED" }));
    expect(await eventsOf(task.id)).toEqual([
      {
        kind: "task.updated",
        actorId: member.userId,
        before: { status: "TODO", progress: 0 },
        after: { status: "BLOCKED", progress: 0 },
      },
    ]);
  });

  it("replaces the dilemma links, sets the due date and assignee, and notifies the new assignee", async () => {
    const task = await newTask({ weights: { D1: 2 } });
    await runAs(
      updateTask,
      member.userId,
      team.slug,
      await editOf(task.id, {
        dilemmas: [
          { dilemmaCode: "D2", weight: 1 },
          { dilemmaCode: "D1", weight: 3 },
        ],
        dueDate: "2026-05-01",
        assigneeId: member2.userId,
      }),
    );
    expect(await linksOf(task.id)).toEqual({ D1: 3, D2: 1 });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      dueDate: utc("2026-05-01"),
      assigneeId: member2.userId,
      version: 2,
    });
    expect(await eventsOf(task.id)).toEqual([
      {
        kind: "task.updated",
        actorId: member.userId,
        before: { assigneeId: null, dueDate: null, dilemmas: [{ dilemmaCode: "D1", weight: 2 }] },
        after: {
          assigneeId: member2.userId,
          dueDate: "2026-05-01",
          dilemmas: [
            { dilemmaCode: "D1", weight: 3 },
            { dilemmaCode: "D2", weight: 1 },
          ],
        },
      },
    ]);
    expect(
      await db.notification.findMany({ where: { taskId: task.id }, select: { userId: true, kind: true } }),
    ).toEqual([{ userId: member2.userId, kind: "task.assigned" }]);
    expect(await db.taskFollower.count({ where: { taskId: task.id, userId: member2.userId } })).toBe(1);
  });

  it("clears the due date with an empty string", async () => {
    const task = await newTask({ dueDate: utc("2026-09-09") });
    await runAs(updateTask, member.userId, team.slug, await editOf(task.id, { dueDate: "" }));
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).dueDate).toBeNull();
    expect(await eventsOf(task.id)).toEqual([
      expect.objectContaining({ before: { dueDate: "2026-09-09" }, after: { dueDate: null } }),
    ]);
  });

  it("writes no event for a save that changes nothing", async () => {
    const task = await newTask();
    await runAs(updateTask, member.userId, team.slug, await editOf(task.id));
    expect(await eventsOf(task.id)).toEqual([]);
  });

  for (const [name, overrides, field] of refusedFields) {
    it(`refuses ${name} (VALIDATION on ${field}); the task keeps its version and fields`, async () => {
      const task = await newTask({
        status: "IN_PROGRESS",
        progress: 30,
        dueDate: utc("2026-04-01"),
        weights: { D1: 2, D4: 1 },
      });
      const before = await snapshotTeamData(team.id);
      const error = await appErrorOf(
        runAs(updateTask, member.userId, team.slug, await editOf(task.id, { title: "Changed too", ...overrides() })),
      );
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
      expect(await snapshotTeamData(team.id)).toEqual(before);
      expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
        version: 1,
        title: "Old title",
        progress: 30,
      });
    });
  }
});

describe("status rules", () => {
  it("DONE sets progress to 100 and the completion time; the event carries both", async () => {
    const task = await newTask({ status: "IN_PROGRESS", progress: 35 });
    expect(
      await runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "DONE" }),
    ).toEqual({ id: task.id, version: 2 });
    const done = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(done).toMatchObject({ status: "DONE", progress: 100, version: 2 });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(await eventsOf(task.id)).toEqual([
      {
        kind: "task.updated",
        actorId: member.userId,
        before: { status: "IN_PROGRESS", progress: 35 },
        after: { status: "DONE", progress: 100 },
      },
    ]);
  });

  it("DONE through updateTask also means 100 %, whatever progress was submitted", async () => {
    const task = await newTask({ status: "IN_PROGRESS", progress: 20 });
    await runAs(updateTask, member.userId, team.slug, await editOf(task.id, { status: "DONE", progress: 20 }));
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "DONE",
      progress: 100,
    });
  });

  it("reopening a task restores the progress it had before it was done and clears the completion time", async () => {
    const task = await newTask({ status: "IN_PROGRESS", progress: 40 });
    await runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    await runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 2, status: "IN_PROGRESS" });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "IN_PROGRESS",
      progress: 40,
      progressBeforeDone: null,
      completedAt: null,
    });
    expect((await eventsOf(task.id))[1]).toEqual(
      expect.objectContaining({
        before: { status: "DONE", progress: 100 },
        after: { status: "IN_PROGRESS", progress: 40 },
      }),
    );
  });

  it("reopening through the form, which re-sends 100 %, also restores the earlier progress", async () => {
    const task = await newTask({ status: "TODO", progress: 25 });
    await runAs(updateTask, member.userId, team.slug, await editOf(task.id, { status: "DONE", progress: 25 }));
    await runAs(updateTask, member.userId, team.slug, await editOf(task.id, { status: "TODO", progress: 100 }));
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "TODO", progress: 25 });
  });

  it("reopening a task that was created done starts it at 0 %, so it no longer counts as complete", async () => {
    const task = await newTask({ status: "DONE", progress: 100 });
    await runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "IN_PROGRESS" });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "IN_PROGRESS",
      progress: 0,
      completedAt: null,
    });
  });

  it("moving back from DONE with a given progress keeps that progress", async () => {
    const task = await newTask({ status: "DONE", progress: 100 });
    await runAs(updateTask, member.userId, team.slug, await editOf(task.id, { status: "IN_PROGRESS", progress: 60 }));
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "IN_PROGRESS",
      progress: 60,
      completedAt: null,
    });
  });

  it("DONE again on a DONE task keeps the completion time and writes no event", async () => {
    const task = await newTask({ status: "DONE", progress: 100 });
    await runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).completedAt).toEqual(task.completedAt);
    expect(await eventsOf(task.id)).toEqual([]);
  });

  it("CANCELLED keeps the progress", async () => {
    const task = await newTask({ status: "IN_PROGRESS", progress: 45 });
    await runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "CANCELLED" });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "CANCELLED",
      progress: 45,
    });
  });

  it("refuses an unknown status (VALIDATION) and changes nothing", async () => {
    const task = await newTask();
    const before = await snapshotTeamData(team.id);
    const error = await appErrorOf(
      runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "FINISHED" as "DONE" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});

describe("conflicts", () => {
  it("a second save based on the same version gets CONFLICT with the first save's values, which stay as saved", async () => {
    const task = await newTask({ dueDate: utc("2026-03-01") });
    const firstEdit = await editOf(task.id, { title: "First save", status: "IN_PROGRESS", progress: 30 });
    const secondEdit = await editOf(task.id, { title: "Second save", priority: "LOW" });
    await runAs(updateTask, member.userId, team.slug, firstEdit);

    const error = await appErrorOf(runAs(updateTask, member2.userId, team.slug, secondEdit));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({
      current: {
        id: task.id,
        planId,
        version: 2,
        title: "First save",
        description: "",
        areaCode: "R1",
        pathCode: "P1",
        priority: "MEDIUM",
        status: "IN_PROGRESS",
        assigneeId: null,
        startDate: "",
        dueDate: "2026-03-01",
        progress: 30,
        dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
      },
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: "First save",
      priority: "MEDIUM",
      progress: 30,
      version: 2,
    });
    expect((await eventsOf(task.id)).map((e) => e.actorId)).toEqual([member.userId]);
  });

  it("a status change based on a stale version gets CONFLICT and changes nothing", async () => {
    const task = await newTask();
    await runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "BLOCKED" });
    const before = await snapshotTeamData(team.id);
    const error = await appErrorOf(
      runAs(setTaskStatus, member2.userId, team.slug, { taskId: task.id, version: 1, status: "DONE" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({ current: expect.objectContaining({ status: "BLOCKED", version: 2 }) });
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });

  // Repeated because a race only shows now and then: the loser must report the winner's save, not what it read before waiting.
  it("of two truly concurrent saves with the same version, exactly one wins; the other gets CONFLICT with the winner's values", async () => {
    for (let round = 0; round < 10; round++) {
      const task = await newTask();
      const first = await editOf(task.id, { title: "Member's save", progress: 10, status: "IN_PROGRESS" });
      const second = await editOf(task.id, { title: "Member 2's save", priority: "LOW" });
      const edits = [first, second];
      const results = await Promise.allSettled([
        runAs(updateTask, member.userId, team.slug, first),
        runAs(updateTask, member2.userId, team.slug, second),
      ]);
      const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [edits[i]] : []));
      const losers = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(losers, `round ${round}`).toHaveLength(1);
      const winner = winners[0];
      const error = await appErrorOf(Promise.reject(losers[0] ?? new Error("no refused save")));
      expect(error.code).toBe("CONFLICT");
      expect(error.details, `round ${round}`).toEqual({
        current: expect.objectContaining({ title: winner?.title, priority: winner?.priority, version: 2 }),
      });
      expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
        title: winner?.title,
        priority: winner?.priority,
        progress: winner?.progress,
        version: 2,
      });
      expect(await db.activityEvent.count({ where: { taskId: task.id, kind: "task.updated" } })).toBe(1);
    }
  });

  it("a concurrent status change and edit on the same version: exactly one applies", async () => {
    const task = await newTask();
    const results = await Promise.allSettled([
      runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "DONE" }),
      runAs(updateTask, member2.userId, team.slug, await editOf(task.id, { title: "Renamed" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const after = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.version).toBe(2);
    if (results[0].status === "fulfilled")
      expect(after).toMatchObject({ status: "DONE", progress: 100, title: "Old title" });
    else expect(after).toMatchObject({ status: "TODO", progress: 0, title: "Renamed" });
  });
});

describe("tasks of an ARCHIVED plan are read-only", () => {
  let archivedPlanId: string;
  let taskId: string;

  beforeAll(async () => {
    archivedPlanId = (await createTestPlan({ teamId: team.id, status: "ARCHIVED" })).id;
    taskId = (await createTestTask({ teamId: team.id, planId: archivedPlanId, createdById: owner.userId })).id;
  });

  const writes: Record<string, () => Promise<unknown>> = {
    createTask: () => runAs(createTask, owner.userId, team.slug, taskInput({ planId: archivedPlanId })),
    updateTask: async () => runAs(updateTask, owner.userId, team.slug, await editOf(taskId, { title: "Edited" })),
    setTaskStatus: () => runAs(setTaskStatus, owner.userId, team.slug, { taskId, version: 1, status: "DONE" }),
    addComment: () => runAs(addComment, owner.userId, team.slug, { taskId, body: "Still there?" }),
    "bulkTasks assign": () =>
      runAs(bulkTasks, owner.userId, team.slug, { action: "assign", taskIds: [taskId], assigneeId: member.userId }),
    "bulkTasks status": () =>
      runAs(bulkTasks, owner.userId, team.slug, { action: "status", taskIds: [taskId], status: "DONE" }),
    "bulkTasks dueDate": () =>
      runAs(bulkTasks, owner.userId, team.slug, { action: "dueDate", taskIds: [taskId], dueDate: "2026-10-10" }),
    "bulkTasks delete": () => runAs(bulkTasks, owner.userId, team.slug, { action: "delete", taskIds: [taskId] }),
    addTemplates: () =>
      runAs(addTemplates, owner.userId, team.slug, { planId: archivedPlanId, templateKeys: ["R1.1"] }),
  };
  for (const [name, write] of Object.entries(writes)) {
    it(`${name} → FORBIDDEN, even for the OWNER; nothing changes`, async () => {
      const before = await snapshotTeamData(team.id);
      expect((await appErrorOf(write())).code).toBe("FORBIDDEN");
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }
});
