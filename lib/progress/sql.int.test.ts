import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "@/lib/catalog/types";
import { db } from "@/lib/db";
import { progressFixtures } from "@/lib/progress/fixtures";
import {
  areaProgress,
  dilemmaProgress,
  overallProgress,
  pathProgress,
  type ProgressTask,
  type Rollup,
} from "@/lib/progress/formula";
import { completeRollups, planProgress, sqlRollups } from "@/lib/progress/sql";
import { cleanupTestData, createTestPlan, createTestTasks, createTestTeam } from "@/lib/testing/factories";

afterAll(cleanupTestData);

/** SQL rollup equals the pure one: counts and weights exactly, progress to 10 digits, null where pure is null. */
function expectSameRollup(actual: Rollup, expected: Rollup, label: string) {
  expect(actual.taskCount, `${label} taskCount`).toBe(expected.taskCount);
  expect(actual.weightSum, `${label} weightSum`).toBe(expected.weightSum);
  if (expected.progress === null) {
    expect(actual.progress, `${label} progress`).toBeNull();
  } else {
    expect(actual.progress, `${label} progress`).not.toBeNull();
    expect(actual.progress, `${label} progress`).toBeCloseTo(expected.progress, 10);
  }
}

function expectSameRollups<C extends string>(
  actual: Record<C, Rollup>,
  expected: Record<C, Rollup>,
  codes: readonly C[],
) {
  for (const code of codes) expectSameRollup(actual[code], expected[code], code);
}

describe("sqlRollups matches the pure formulas", () => {
  let teamId: string;
  beforeAll(async () => {
    teamId = (await createTestTeam()).id;
  });

  for (const fixture of progressFixtures) {
    it(fixture.name, async () => {
      const plan = await createTestPlan({ teamId, title: fixture.name });
      await createTestTasks({ teamId, planId: plan.id, tasks: fixture.tasks });
      const planIds = [plan.id];
      const [byDilemma, byArea, byPath, byPlan] = await Promise.all([
        sqlRollups(db, { teamId, planIds, by: "dilemma" }),
        sqlRollups(db, { teamId, planIds, by: "area" }),
        sqlRollups(db, { teamId, planIds, by: "path" }),
        sqlRollups(db, { teamId, planIds, by: "plan" }),
      ]);

      expectSameRollups(completeRollups(DILEMMA_CODES, byDilemma), dilemmaProgress(fixture.tasks), DILEMMA_CODES);
      expectSameRollups(completeRollups(AREA_CODES, byArea), areaProgress(fixture.tasks), AREA_CODES);
      expectSameRollups(completeRollups(PATH_CODES, byPath), pathProgress(fixture.tasks), PATH_CODES);
      expectSameRollups(completeRollups([plan.id], byPlan), { [plan.id]: overallProgress(fixture.tasks) }, [plan.id]);

      const viaPlan = await planProgress(db, { teamId, planId: plan.id });
      expectSameRollups(viaPlan.dilemmas, dilemmaProgress(fixture.tasks), DILEMMA_CODES);
      expectSameRollup(viaPlan.overall, overallProgress(fixture.tasks), "overall");
    });
  }
});

describe("sqlRollups scope", () => {
  const mine: ProgressTask[] = [
    { status: "IN_PROGRESS", progress: 50, area: "R1", path: "P1", weights: { D1: 2 } },
    { status: "TODO", progress: 0, area: "R3", path: "P3", weights: { D3: 3 } },
  ];
  // Every task here would change the result if it leaked in.
  const others: ProgressTask[] = [
    { status: "DONE", progress: 100, area: "R1", path: "P1", weights: { D1: 3, D2: 3 } },
    { status: "IN_PROGRESS", progress: 90, area: "R4", path: "P4", weights: { D4: 3 } },
  ];

  it("leaves out tasks of another plan and of another team", async () => {
    const team = await createTestTeam();
    const otherTeam = await createTestTeam();
    const plan = await createTestPlan({ teamId: team.id });
    const siblingPlan = await createTestPlan({ teamId: team.id });
    const foreignPlan = await createTestPlan({ teamId: otherTeam.id });
    await createTestTasks({ teamId: team.id, planId: plan.id, tasks: mine });
    await createTestTasks({ teamId: team.id, planId: siblingPlan.id, tasks: others });
    await createTestTasks({ teamId: otherTeam.id, planId: foreignPlan.id, tasks: others });

    const byDilemma = await sqlRollups(db, { teamId: team.id, planIds: [plan.id], by: "dilemma" });
    expectSameRollups(completeRollups(DILEMMA_CODES, byDilemma), dilemmaProgress(mine), DILEMMA_CODES);
    const byPlan = await sqlRollups(db, { teamId: team.id, planIds: [plan.id], by: "plan" });
    expect([...byPlan.keys()]).toEqual([plan.id]);
    expectSameRollup(
      byPlan.get(plan.id) ?? { progress: null, taskCount: 0, weightSum: 0 },
      overallProgress(mine),
      "plan",
    );
  });

  it("finds nothing for another team's plan id, even when asked by id", async () => {
    const team = await createTestTeam();
    const otherTeam = await createTestTeam();
    const foreignPlan = await createTestPlan({ teamId: otherTeam.id });
    await createTestTasks({ teamId: otherTeam.id, planId: foreignPlan.id, tasks: others });

    for (const by of ["dilemma", "area", "path", "plan"] as const) {
      expect((await sqlRollups(db, { teamId: team.id, planIds: [foreignPlan.id], by })).size, by).toBe(0);
    }
    const viaPlan = await planProgress(db, { teamId: team.id, planId: foreignPlan.id });
    expect(viaPlan.overall).toEqual({ progress: null, taskCount: 0, weightSum: 0 });
  });
});
