import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeWeeklyDigest, currentWeek, weekOf } from "@/lib/digest/weekly";
import {
  cleanupTestData,
  createTestIndicator,
  createTestPlan,
  createTestTask,
  createTestTeam,
} from "@/lib/testing/factories";
import type { TaskStatus } from "@/generated/prisma/enums";
import type { DilemmaCode } from "@/lib/catalog/types";

// The fixture week: Monday 2 March to Sunday 8 March 2026 in Shanghai (UTC+8), i.e.
// from 2026-03-01T16:00Z to 2026-03-08T16:00Z, looked at from 20 March.
const ZONE = "Asia/Shanghai";
const NOW = new Date("2026-03-20T04:00:00Z");
const day = (value: string) => new Date(`${value}T00:00:00Z`);

type State = { at: string; status: TaskStatus; progress: number };

let team: { id: string };
let ids: Record<string, string>;
let otherIds: string[];

/** A task with its state history written as the activity log the replay reads (the last state is the task's own). */
async function taskWithHistory(
  scope: { teamId: string; planId: string },
  {
    title,
    weights,
    dueDate = null,
    states,
    completedAt,
  }: {
    title: string;
    weights: Partial<Record<DilemmaCode, number>>;
    dueDate?: string | null;
    states: State[];
    completedAt?: string;
  },
) {
  const last = states.at(-1)!;
  const task = await createTestTask({
    ...scope,
    title,
    weights,
    status: last.status,
    progress: last.progress,
    dueDate: dueDate ? day(dueDate) : null,
  });
  await db.task.update({
    where: { id: task.id },
    data: { completedAt: completedAt ? new Date(completedAt) : null },
  });
  for (const [i, s] of states.entries()) {
    await db.activityEvent.create({
      data: {
        ...scope,
        taskId: task.id,
        kind: i === 0 ? "task.created" : "task.updated",
        entityType: "task",
        entityId: task.id,
        after: { status: s.status, progress: s.progress },
        createdAt: new Date(s.at),
      },
    });
  }
  return task.id;
}

const created = (status: TaskStatus = "TODO", progress = 0): State => ({
  at: "2026-02-20T03:00:00Z",
  status,
  progress,
});

beforeAll(async () => {
  team = await createTestTeam();
  const plan = await createTestPlan({ teamId: team.id, title: "Fixture plan" });
  const scope = { teamId: team.id, planId: plan.id };
  ids = {
    // D1: T1 (×2) done on Tuesday, T2 (×1) to 50 % on Wednesday → 0 % → 83 %.
    t1: await taskWithHistory(scope, {
      title: "T1",
      weights: { D1: 2 },
      states: [created(), { at: "2026-03-03T02:00:00Z", status: "DONE", progress: 0 }],
      completedAt: "2026-03-03T02:00:00Z",
    }),
    t2: await taskWithHistory(scope, {
      title: "T2",
      weights: { D1: 1 },
      states: [created(), { at: "2026-03-04T02:00:00Z", status: "IN_PROGRESS", progress: 50 }],
    }),
    // D2: 40 % before the week, unchanged; due Thursday and still open → newly overdue.
    t3: await taskWithHistory(scope, {
      title: "T3",
      weights: { D2: 3 },
      dueDate: "2026-03-05",
      states: [created(), { at: "2026-02-25T02:00:00Z", status: "IN_PROGRESS", progress: 40 }],
    }),
    // D3: due the Sunday before (first overdue on Monday) → newly overdue; T5 was overdue already.
    t4: await taskWithHistory(scope, { title: "T4", weights: { D3: 2 }, dueDate: "2026-03-01", states: [created()] }),
    t5: await taskWithHistory(scope, { title: "T5", weights: { D3: 1 }, dueDate: "2026-02-27", states: [created()] }),
    // D4: T6 due on the week's Sunday (overdue only from next Monday); T7 due next week.
    t6: await taskWithHistory(scope, { title: "T6", weights: { D4: 2 }, dueDate: "2026-03-08", states: [created()] }),
    t7: await taskWithHistory(scope, { title: "T7", weights: { D4: 1 }, dueDate: "2026-03-10", states: [created()] }),
    // Done at Monday 01:00 in Shanghai (still Sunday in UTC): in the week; due next week but no longer open.
    t8: await taskWithHistory(scope, {
      title: "T8",
      weights: { D4: 1 },
      dueDate: "2026-03-12",
      states: [created(), { at: "2026-03-01T17:00:00Z", status: "DONE", progress: 0 }],
      completedAt: "2026-03-01T17:00:00Z",
    }),
    // Done at the next Monday 01:00 in Shanghai: after the week, so still due next week as the week ended.
    t9: await taskWithHistory(scope, {
      title: "T9",
      weights: { D4: 1 },
      dueDate: "2026-03-11",
      states: [created(), { at: "2026-03-08T17:00:00Z", status: "DONE", progress: 0 }],
      completedAt: "2026-03-08T17:00:00Z",
    }),
    // Cancelled: counts nowhere.
    t10: await taskWithHistory(scope, {
      title: "T10",
      weights: { D2: 1 },
      dueDate: "2026-03-04",
      states: [created("CANCELLED")],
    }),
  };
  await createTestIndicator({
    ...scope,
    dilemmaCode: "D1",
    name: "Moved",
    readings: [
      { value: 10, recordedOn: "2026-02-25" },
      { value: 25, recordedOn: "2026-03-04" },
      { value: 90, recordedOn: "2026-03-10" },
    ],
  });
  await createTestIndicator({
    ...scope,
    dilemmaCode: "D2",
    name: "Flat",
    readings: [{ value: 5, recordedOn: "2026-02-20" }],
  });
  await createTestIndicator({
    ...scope,
    dilemmaCode: "D3",
    name: "At baseline",
    readings: [{ value: 0, recordedOn: "2026-03-04" }],
  });

  // A draft plan of the same team and another team's active plan: neither may show.
  const draft = await createTestPlan({ teamId: team.id, title: "Draft", status: "DRAFT" });
  const other = await createTestTeam();
  const otherPlan = await createTestPlan({ teamId: other.id, title: "Other team" });
  otherIds = [
    await taskWithHistory(
      { teamId: team.id, planId: draft.id },
      { title: "Draft task", weights: { D1: 1 }, dueDate: "2026-03-04", states: [created()] },
    ),
    await taskWithHistory(
      { teamId: other.id, planId: otherPlan.id },
      {
        title: "Other done",
        weights: { D1: 1 },
        states: [created(), { at: "2026-03-03T02:00:00Z", status: "DONE", progress: 0 }],
        completedAt: "2026-03-03T02:00:00Z",
      },
    ),
    await taskWithHistory(
      { teamId: other.id, planId: otherPlan.id },
      { title: "Other overdue", weights: { D1: 1 }, dueDate: "2026-03-04", states: [created()] },
    ),
  ];
});

afterAll(cleanupTestData);

describe("weekly digest on a fixture week", () => {
  it("weeks run Monday to Sunday in the person's time zone", () => {
    const week = weekOf("2026-03-05", ZONE);
    expect(week).toMatchObject({ monday: "2026-03-02", sunday: "2026-03-08" });
    expect(week.start.toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-03-08T16:00:00.000Z");
    // New York moves to summer time on 8 March: that week is an hour shorter.
    const ny = weekOf("2026-03-02", "America/New_York");
    expect([ny.start.toISOString(), ny.end.toISOString()]).toEqual([
      "2026-03-02T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
    ]);
    // Sunday evening in New York is already Monday in Shanghai.
    const at = new Date("2026-03-08T23:30:00Z");
    expect(currentWeek("America/New_York", at).monday).toBe("2026-03-02");
    expect(currentWeek(ZONE, at).monday).toBe("2026-03-09");
  });

  it("gives the exact figures of the week", async () => {
    const digest = await computeWeeklyDigest({ teamId: team.id, week: weekOf("2026-03-02", ZONE), now: NOW });
    expect(digest.plans.map((p) => p.title)).toEqual(["Fixture plan"]);
    const [plan] = digest.plans;
    const percent = (p: number | null) => (p === null ? null : Math.round(p * 100));
    expect(plan!.dilemmas.map((d) => [d.code, percent(d.start), percent(d.end), d.changePoints])).toEqual([
      ["D1", 0, 83, 83],
      ["D2", 40, 40, 0],
      ["D3", 0, 0, 0],
      ["D4", 0, 20, 20],
    ]);
    // Expected at the week's end: 66⅔ of 364 days = 18 %; only D3 (0 %) is behind.
    expect(plan!.behind.map((g) => [g.code, g.behindPoints])).toEqual([["D3", 18]]);
    expect(plan!.indicatorsMoved.map((i) => [i.name, i.start, i.end])).toEqual([["Moved", 10, 25]]);
    expect(plan!.indicatorsFlat.map((i) => [i.name, i.start, i.end])).toEqual([
      ["Flat", 5, 5],
      ["At baseline", null, 0],
    ]);
    const titles = (tasks: { id: string }[]) =>
      tasks.map((t) => Object.entries(ids).find(([, id]) => id === t.id)?.[0]);
    expect(titles(digest.done)).toEqual(["t8", "t1"]);
    expect(titles(digest.newlyOverdue)).toEqual(["t4", "t3"]);
    expect(titles(digest.dueNextWeek)).toEqual(["t7", "t9"]);
    const shown = [...digest.done, ...digest.newlyOverdue, ...digest.dueNextWeek].map((t) => t.id);
    for (const id of otherIds) expect(shown).not.toContain(id);
  });

  it("counts by the time zone's days: in UTC the same week has other tasks done", async () => {
    const digest = await computeWeeklyDigest({ teamId: team.id, week: weekOf("2026-03-02", "UTC"), now: NOW });
    const titles = digest.done.map((t) => t.title);
    expect(titles).toEqual(["T1", "T9"]);
    expect(digest.plans[0]!.dilemmas.find((d) => d.code === "D4")).toMatchObject({ changePoints: 20 });
  });

  it("stops at now in the current week", async () => {
    const digest = await computeWeeklyDigest({
      teamId: team.id,
      week: weekOf("2026-03-02", ZONE),
      now: new Date("2026-03-03T12:00:00Z"),
    });
    expect(digest.done.map((t) => t.title)).toEqual(["T8", "T1"]);
    // Only T4 (due Sunday) is overdue yet; T3 (due Thursday) is not.
    expect(digest.newlyOverdue.map((t) => t.title)).toEqual(["T4"]);
    expect(digest.plans[0]!.dilemmas.find((d) => d.code === "D1")).toMatchObject({ changePoints: 67 });
  });
});
