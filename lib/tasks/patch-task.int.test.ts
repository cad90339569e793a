import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { patchTask, updateTask } from "@/lib/tasks/update-task";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";
import type { PatchTaskInput } from "@/lib/validation/task";

afterAll(cleanupTestData);

type Member = { userId: string; membershipId: string };
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

let team: { id: string; slug: string };
let owner: Member;
let member: Member;
let viewer: Member;
let outsiderId: string;
/** An ACTIVE plan running 2026-01-01 → 2026-12-31. */
let planId: string;

beforeAll(async () => {
  team = await createTestTeam();
  [owner, member, viewer] = await Promise.all([
    createTestMember({ teamId: team.id, role: "OWNER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "VIEWER" }),
  ]);
  const outsider = await createTestUser();
  await createTestTeam({ ownerId: outsider.id });
  outsiderId = outsider.id;
  planId = (await createTestPlan({ teamId: team.id, createdById: owner.userId })).id;
});

const newTask = (overrides: Partial<Parameters<typeof createTestTask>[0]> = {}) =>
  createTestTask({ teamId: team.id, planId, title: "Old title", createdById: owner.userId, ...overrides });

const eventsOf = (taskId: string) =>
  db.activityEvent.findMany({
    where: { taskId },
    orderBy: { id: "asc" },
    select: { kind: true, before: true, after: true },
  });

describe("patchTask (the task page's autosave)", () => {
  it("changes only the field sent, records only it, and answers with the task as saved", async () => {
    const task = await newTask({ dueDate: utc("2026-05-01"), priority: "LOW" });
    await db.task.update({ where: { id: task.id }, data: { description: "Kept as written" } });
    const result = await runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 1, priority: "HIGH" });
    expect(result).toMatchObject({
      id: task.id,
      version: 2,
      task: { title: "Old title", description: "Kept as written", priority: "HIGH", dueDate: "2026-05-01", version: 2 },
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: "Old title",
      description: "Kept as written",
      priority: "HIGH",
      dueDate: utc("2026-05-01"),
      version: 2,
    });
    const events = await eventsOf(task.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "task.updated", before: { priority: "LOW" }, after: { priority: "HIGH" } });
  });

  it("DONE alone sets 100 % and reopening restores the earlier progress; the answer shows it", async () => {
    const task = await newTask({ status: "IN_PROGRESS", progress: 40 });
    const done = await runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    expect(done.task).toMatchObject({ status: "DONE", progress: 100 });
    const reopened = await runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 2, status: "TODO" });
    expect(reopened.task).toMatchObject({ status: "TODO", progress: 40, version: 3 });
  });

  it("checks a due date against the stored start date, and the plan's start", async () => {
    const task = await newTask();
    await runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 1, startDate: "2026-04-01" });
    const before = await snapshotTeamData(team.id);
    const early = await appErrorOf(
      runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 2, dueDate: "2026-03-01" }),
    );
    expect(early.code).toBe("VALIDATION");
    expect(Object.keys(early.fieldErrors ?? {})).toEqual(["startDate"]);
    const beforePlan = await appErrorOf(
      runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 2, dueDate: "2025-12-31" }),
    );
    expect(Object.keys(beforePlan.fieldErrors ?? {})).toEqual(["dueDate"]);
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });

  const refused: [string, () => Partial<PatchTaskInput>, string][] = [
    ["an empty title", () => ({ title: " " }), "title"],
    ["an assignee from another team", () => ({ assigneeId: outsiderId }), "assigneeId"],
    ["no dilemma", () => ({ dilemmas: [] }), "dilemmas"],
    ["progress 101", () => ({ progress: 101 }), "progress"],
  ];
  it.each(refused)("refuses %s (VALIDATION on that field) and changes nothing", async (_name, fields, field) => {
    const task = await newTask();
    const before = await snapshotTeamData(team.id);
    const input = fields();
    const error = await appErrorOf(
      runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 1, ...input }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });

  it("refuses an edit with no field (VALIDATION), and a viewer (FORBIDDEN)", async () => {
    const task = await newTask();
    const before = await snapshotTeamData(team.id);
    expect((await appErrorOf(runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 1 }))).code).toBe(
      "VALIDATION",
    );
    const forbidden = await appErrorOf(
      runAs(patchTask, viewer.userId, team.slug, { taskId: task.id, version: 1, title: "Viewer" }),
    );
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });

  it("a stale version is a CONFLICT with the current task (the client compares the field), changing nothing", async () => {
    const task = await newTask();
    await runAs(patchTask, owner.userId, team.slug, { taskId: task.id, version: 1, status: "BLOCKED" });
    const before = await snapshotTeamData(team.id);
    const error = await appErrorOf(
      runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 1, title: "Mine" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({
      current: expect.objectContaining({ title: "Old title", status: "BLOCKED", version: 2 }),
    });
    expect(await snapshotTeamData(team.id)).toEqual(before);
    // Retried on the new version, both changes stand.
    await runAs(patchTask, member.userId, team.slug, { taskId: task.id, version: 2, title: "Mine" });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: "Mine",
      status: "BLOCKED",
      version: 3,
    });
  });

  it("a task of another team is NOT_FOUND and stays as it was", async () => {
    const other = await createTestTeam();
    const otherOwner = await createTestMember({ teamId: other.id, role: "OWNER" });
    const otherPlan = await createTestPlan({ teamId: other.id, createdById: otherOwner.userId });
    const foreign = await createTestTask({ teamId: other.id, planId: otherPlan.id, title: "Theirs" });
    const error = await appErrorOf(
      runAs(patchTask, owner.userId, team.slug, { taskId: foreign.id, version: 1, title: "Taken" }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect((await db.task.findUniqueOrThrow({ where: { id: foreign.id } })).title).toBe("Theirs");
  });

  it("answers like updateTask does for the same change (the one write path)", async () => {
    const a = await newTask();
    const b = await newTask();
    await runAs(patchTask, member.userId, team.slug, { taskId: a.id, version: 1, assigneeId: member.userId });
    const full = await db.task.findUniqueOrThrow({ where: { id: b.id }, include: { dilemmas: true } });
    await runAs(updateTask, member.userId, team.slug, {
      taskId: b.id,
      version: 1,
      title: full.title,
      description: full.description,
      areaCode: "R1",
      pathCode: "P1",
      dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
      priority: full.priority,
      status: full.status,
      assigneeId: member.userId,
      dueDate: "",
      progress: full.progress,
    });
    const [ea, eb] = [await eventsOf(a.id), await eventsOf(b.id)];
    expect(ea.map((e) => [e.kind, e.after])).toEqual(eb.map((e) => [e.kind, e.after]));
  });
});
