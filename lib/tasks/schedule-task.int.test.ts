import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scheduleTask } from "@/lib/tasks/schedule-task";
import { searchTeamTasks } from "@/lib/tasks/search-team-tasks";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  randomHex,
  runAs,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

let team: { id: string; slug: string };
let member: { userId: string };
let viewer: { userId: string };
let planId: string;
let otherTeam: { id: string; slug: string };
let otherTaskId: string;

beforeAll(async () => {
  team = await createTestTeam();
  [member, viewer] = await Promise.all([
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "VIEWER" }),
  ]);
  planId = (await createTestPlan({ teamId: team.id })).id; // starts 2026-01-01
  otherTeam = await createTestTeam();
  await createTestMember({ teamId: otherTeam.id, role: "OWNER" });
  const otherPlan = await createTestPlan({ teamId: otherTeam.id });
  otherTaskId = (await createTestTask({ teamId: otherTeam.id, planId: otherPlan.id, title: "Secret firewall" })).id;
});

const schedule = (input: Parameters<typeof runAs<typeof scheduleTask.schema, unknown>>[3], userId = member.userId) =>
  runAs(scheduleTask, userId, team.slug, input);

describe("scheduleTask (timeline drag)", () => {
  it("sets start and due together, bumps the version and logs both", async () => {
    const task = await createTestTask({ teamId: team.id, planId, dueDate: utc("2026-02-01") });
    const result = await schedule({ taskId: task.id, version: 1, startDate: "2026-01-10", dueDate: "2026-02-11" });
    expect(result.version).toBe(2);
    const saved = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(saved.startDate).toEqual(utc("2026-01-10"));
    expect(saved.dueDate).toEqual(utc("2026-02-11"));
    const event = await db.activityEvent.findFirstOrThrow({ where: { taskId: task.id, kind: "task.updated" } });
    expect(event.after).toMatchObject({ startDate: "2026-01-10", dueDate: "2026-02-11" });
    expect(event.before).toMatchObject({ startDate: null, dueDate: "2026-02-01" });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const task = await createTestTask({ teamId: team.id, planId, dueDate: utc("2026-02-01") });
    await schedule({ taskId: task.id, version: 1, startDate: "2026-01-05", dueDate: "2026-02-01" });
    const error = await appErrorOf(
      schedule({ taskId: task.id, version: 1, startDate: "2026-03-01", dueDate: "2026-03-05" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).startDate).toEqual(utc("2026-01-05"));
  });

  it("refuses a start before the plan or after the due date, a viewer, and another team's task", async () => {
    const task = await createTestTask({ teamId: team.id, planId });
    const early = await appErrorOf(
      schedule({ taskId: task.id, version: 1, startDate: "2025-12-31", dueDate: "2026-01-05" }),
    );
    expect(early.code).toBe("VALIDATION");
    expect(early.fieldErrors).toHaveProperty("startDate");
    const crossed = await appErrorOf(
      schedule({ taskId: task.id, version: 1, startDate: "2026-02-02", dueDate: "2026-02-01" }),
    );
    expect(crossed.fieldErrors).toHaveProperty("startDate");
    const asViewer = await appErrorOf(
      schedule({ taskId: task.id, version: 1, startDate: "2026-01-02", dueDate: "2026-01-05" }, viewer.userId),
    );
    expect(asViewer.code).toBe("FORBIDDEN");
    const foreign = await appErrorOf(schedule({ taskId: otherTaskId, version: 1, startDate: null, dueDate: null }));
    expect(foreign.code).toBe("NOT_FOUND");
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(1);
  });
});

describe("searchTeamTasks (command palette)", () => {
  it("finds tasks of every plan of the team, its open plans and its members, never another team's", async () => {
    const word = `palette${randomHex()}`;
    const secondPlan = (await createTestPlan({ teamId: team.id })).id;
    // Plans by title, case-insensitive (the sidebar lists only a team's newest); never another team's or an archived one.
    const namedPlan = await createTestPlan({ teamId: team.id, title: `Plan ${word}` });
    await createTestPlan({ teamId: team.id, title: `Plan ${word} old`, status: "ARCHIVED" });
    await createTestPlan({ teamId: otherTeam.id, title: `Secret plan ${word}` });
    await createTestTask({ teamId: team.id, planId, title: `Firewall ${word}` });
    await createTestTask({ teamId: team.id, planId: secondPlan, title: `Audit ${word}` });
    const found = await runAs(searchTeamTasks, viewer.userId, team.slug, { q: word });
    expect(found.tasks.map((t) => t.title).sort()).toEqual([`Audit ${word}`, `Firewall ${word}`]);
    const none = await runAs(searchTeamTasks, viewer.userId, team.slug, { q: "Secret firewall" });
    expect(none.tasks).toEqual([]);
    const plans = await runAs(searchTeamTasks, viewer.userId, team.slug, { q: `plan ${word}`.toUpperCase() });
    expect(plans.plans).toEqual([{ id: namedPlan.id, title: `Plan ${word}` }]);
    expect((await runAs(searchTeamTasks, viewer.userId, team.slug, { q: "Secret plan" })).plans).toEqual([]);
    // % and _ are letters, not patterns: no plan, task title or person has them.
    const wild = await runAs(searchTeamTasks, viewer.userId, team.slug, { q: "%" });
    expect([wild.plans, wild.members]).toEqual([[], []]);
    expect((await runAs(searchTeamTasks, viewer.userId, team.slug, { q: "_" })).members).toEqual([]);
    const me = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
    const people = await runAs(searchTeamTasks, viewer.userId, team.slug, { q: me.email });
    expect(people.members.map((m) => m.id)).toEqual([member.userId]);
  });
});
