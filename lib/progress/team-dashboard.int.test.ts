import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DILEMMA_CODES } from "@/lib/catalog/types";
import { db } from "@/lib/db";
import { progressFixtures } from "@/lib/progress/fixtures";
import type { ProgressTask, Rollup } from "@/lib/progress/formula";
import { completeRollups, sqlRollups } from "@/lib/progress/sql";
import { getTeamDashboard, type TeamDashboard } from "@/lib/progress/team-dashboard";
import {
  cleanupTestData,
  createTestPlan,
  createTestTask,
  createTestTasks,
  createTestTeam,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

const TODAY = new Date("2026-06-15T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function expectSameRollup(actual: Rollup, expected: Rollup, label: string) {
  expect(actual.taskCount, `${label} taskCount`).toBe(expected.taskCount);
  expect(actual.weightSum, `${label} weightSum`).toBe(expected.weightSum);
  if (expected.progress === null) expect(actual.progress, `${label} progress`).toBeNull();
  else expect(actual.progress, `${label} progress`).toBeCloseTo(expected.progress, 10);
}

const fixture = (name: string): ProgressTask[] => progressFixtures.find((f) => f.name === name)!.tasks;

// Tasks that would change every number if they leaked into the dashboard.
const leaky: ProgressTask[] = [
  { status: "DONE", progress: 100, area: "R1", path: "P1", weights: { D1: 3, D2: 3, D3: 3, D4: 3 } },
  { status: "TODO", progress: 0, area: "R4", path: "P4", weights: { D4: 3 } },
];

describe("getTeamDashboard", () => {
  let teamId: string;
  let activeIds: string[];
  let dashboard: TeamDashboard;

  beforeAll(async () => {
    const team = await createTestTeam();
    const otherTeam = await createTestTeam();
    teamId = team.id;
    const [a, b, c, draft, archived, completed, foreign] = await Promise.all([
      createTestPlan({ teamId, title: "A", targetDate: day("2026-09-30") }),
      createTestPlan({ teamId, title: "B", targetDate: day("2026-10-31") }),
      createTestPlan({ teamId, title: "C (no tasks)", targetDate: day("2026-11-30") }),
      createTestPlan({ teamId, status: "DRAFT" }),
      createTestPlan({ teamId, status: "ARCHIVED" }),
      createTestPlan({ teamId, status: "COMPLETED" }),
      createTestPlan({ teamId: otherTeam.id }),
    ]);
    activeIds = [a.id, b.id, c.id];
    await Promise.all([
      createTestTasks({ teamId, planId: a.id, tasks: fixture("generated 60 tasks (LCG seed 20240601)") }),
      createTestTasks({ teamId, planId: b.id, tasks: fixture("mixed statuses with partial progress") }),
      createTestTasks({ teamId, planId: draft.id, tasks: leaky }),
      createTestTasks({ teamId, planId: archived.id, tasks: leaky }),
      createTestTasks({ teamId, planId: completed.id, tasks: leaky }),
      createTestTasks({ teamId: otherTeam.id, planId: foreign.id, tasks: leaky }),
    ]);
    // Overdue work: 12 open overdue tasks in active plans (only 10 shown), plus some that must not count.
    const overdue = Array.from({ length: 12 }, (_, i) =>
      createTestTask({
        teamId,
        planId: i % 2 ? a.id : b.id,
        title: `late ${String(i).padStart(2, "0")}`,
        status: i % 3 ? "TODO" : "BLOCKED",
        dueDate: day(`2026-05-${String(i + 1).padStart(2, "0")}`),
      }),
    );
    await Promise.all([
      ...overdue,
      createTestTask({ teamId, planId: a.id, title: "done late", status: "DONE", dueDate: day("2026-01-01") }),
      createTestTask({
        teamId,
        planId: a.id,
        title: "cancelled late",
        status: "CANCELLED",
        dueDate: day("2026-01-01"),
      }),
      createTestTask({ teamId, planId: a.id, title: "due today", status: "IN_PROGRESS", dueDate: TODAY }),
      createTestTask({ teamId, planId: a.id, title: "no due date", status: "TODO" }),
      createTestTask({ teamId, planId: draft.id, title: "draft late", dueDate: day("2026-01-01") }),
      createTestTask({ teamId, planId: archived.id, title: "archived late", dueDate: day("2026-01-01") }),
      createTestTask({ teamId: otherTeam.id, planId: foreign.id, title: "foreign late", dueDate: day("2026-01-01") }),
    ]);
    dashboard = await getTeamDashboard({ teamId, today: TODAY });
  });

  it("lists only the team's ACTIVE plans, by target date", () => {
    expect(dashboard.plans.map((p) => p.id)).toEqual(activeIds);
  });

  it("fills each heat-map row with exactly what sqlRollups gives for that plan alone", async () => {
    for (const plan of dashboard.plans) {
      const planIds = [plan.id];
      const [byDilemma, byPlan] = await Promise.all([
        sqlRollups(db, { teamId, planIds, by: "dilemma" }),
        sqlRollups(db, { teamId, planIds, by: "plan" }),
      ]);
      const expected = completeRollups(DILEMMA_CODES, byDilemma);
      for (const code of DILEMMA_CODES) expectSameRollup(plan.dilemmas[code], expected[code], `${plan.title} ${code}`);
      expectSameRollup(
        plan.overall,
        byPlan.get(plan.id) ?? { progress: null, taskCount: 0, weightSum: 0 },
        `${plan.title} overall`,
      );
    }
    const empty = dashboard.plans.find((p) => p.title === "C (no tasks)")!;
    for (const code of DILEMMA_CODES) expect(empty.dilemmas[code].progress).toBeNull();
    expect(empty.overall.progress).toBeNull();
  });

  it("totals equal sqlRollups over all active plans together", async () => {
    const [byDilemma, byPlan] = await Promise.all([
      sqlRollups(db, { teamId, planIds: activeIds, by: "dilemma" }),
      sqlRollups(db, { teamId, planIds: activeIds, by: "plan" }),
    ]);
    const expected = completeRollups(DILEMMA_CODES, byDilemma);
    for (const code of DILEMMA_CODES) expectSameRollup(dashboard.totals.dilemmas[code], expected[code], `team ${code}`);
    const rollups = [...byPlan.values()];
    const weightSum = rollups.reduce((s, r) => s + r.weightSum, 0);
    expectSameRollup(
      dashboard.totals.overall,
      {
        taskCount: rollups.reduce((s, r) => s + r.taskCount, 0),
        weightSum,
        progress: rollups.reduce((s, r) => s + (r.progress ?? 0) * r.weightSum, 0) / weightSum,
      },
      "team overall",
    );
  });

  it("counts open and overdue tasks of active plans only", async () => {
    const open = {
      teamId,
      planId: { in: activeIds },
      status: { in: ["TODO" as const, "IN_PROGRESS" as const, "BLOCKED" as const] },
    };
    const [openCount, overdueCount] = await Promise.all([
      db.task.count({ where: open }),
      db.task.count({ where: { ...open, dueDate: { lt: TODAY } } }),
    ]);
    expect(dashboard.totals.openCount).toBe(openCount);
    expect(dashboard.totals.overdueCount).toBe(12);
    expect(overdueCount).toBe(12);
    expect(dashboard.plans.reduce((s, p) => s + p.overdueCount, 0)).toBe(12);
    expect(dashboard.plans.reduce((s, p) => s + p.openCount, 0)).toBe(openCount);
  });

  it("shows the ten most overdue open tasks of active plans, oldest due date first", () => {
    expect(dashboard.overdue.map((t) => t.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `late ${String(i).padStart(2, "0")}`),
    );
    expect(dashboard.overdue.every((t) => activeIds.includes(t.planId))).toBe(true);
    expect(dashboard.overdue[0]?.plan.title).toBe("B");
  });

  it("is empty for a team with no active plan, and never shows another team's plans", async () => {
    const lonely = await createTestTeam();
    await createTestPlan({ teamId: lonely.id, status: "DRAFT" });
    const result = await getTeamDashboard({ teamId: lonely.id, today: TODAY });
    expect(result.plans).toEqual([]);
    expect(result.overdue).toEqual([]);
    expect(result.totals.openCount).toBe(0);
    for (const code of DILEMMA_CODES) expect(result.totals.dilemmas[code].progress).toBeNull();
  });
});
