import { describe, expect, it } from "vitest";
import { taskTemplates } from "@/lib/catalog/catalog";
import {
  healthTone,
  laggingDilemma,
  missingPrimaryTemplates,
  nextBestTasks,
  outputWithoutOutcome,
  rankDilemmaGaps,
  type GuideIndicator,
  type GuideTask,
} from "@/lib/guide/guide";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("dilemmas ranked by their gap to the elapsed time", () => {
  const dilemmas = [
    { code: "D1" as const, progress: 0.5, taskCount: 4 },
    { code: "D2" as const, progress: 0.22, taskCount: 3 },
    { code: "D3" as const, progress: null, taskCount: 0 },
    { code: "D4" as const, progress: 0.45, taskCount: 2 },
  ];

  it("puts the dilemma most behind first, with how many points behind it is, and the unaddressed last", () => {
    const ranked = rankDilemmaGaps(dilemmas, 0.4);
    expect(ranked.map((d) => [d.code, d.behindPoints])).toEqual([
      ["D2", 18],
      ["D4", -5],
      ["D1", -10],
      ["D3", null],
    ]);
    expect(ranked[0]).toMatchObject({ expected: 0.4, health: "OFF_TRACK" });
    expect(laggingDilemma(ranked)?.code).toBe("D2");
  });

  it("names no lagging dilemma when none is behind", () => {
    expect(laggingDilemma(rankDilemmaGaps(dilemmas, 0.1))).toBeNull();
    expect(laggingDilemma(rankDilemmaGaps([{ code: "D1", progress: null, taskCount: 0 }], 0.9))).toBeNull();
  });
});

describe("next best actions", () => {
  const today = day("2026-06-10");
  const task = (id: string, over: Partial<GuideTask>): GuideTask => ({
    id,
    status: "TODO",
    dueDate: null,
    weights: { D2: 1 },
    ...over,
  });
  const tasks = [
    task("late-w1", { dueDate: day("2026-05-01"), weights: { D2: 1 } }),
    task("late-w3", { dueDate: day("2026-06-01"), weights: { D2: 3 } }),
    task("blocked-w3", { status: "BLOCKED", weights: { D2: 3 } }),
    task("later-w3", { dueDate: day("2026-07-01"), weights: { D2: 3 } }),
    task("done-late", { status: "DONE", dueDate: day("2026-05-01"), weights: { D2: 3 } }),
    task("other-dilemma", { dueDate: day("2026-05-01"), weights: { D1: 3 } }),
    task("due-today", { dueDate: today, weights: { D2: 2 } }),
  ];

  it("lists overdue or blocked open tasks on the dilemma, highest weight first, then the longest overdue", () => {
    const actions = nextBestTasks(tasks, "D2", today);
    expect(actions.map((a) => a.task.id)).toEqual(["late-w3", "blocked-w3", "late-w1"]);
    expect(actions[0]).toMatchObject({ weight: 3, isOverdue: true, daysLate: 9 });
    expect(actions[1]).toMatchObject({ isBlocked: true, isOverdue: false });
    expect(nextBestTasks(tasks, "D2", today, 1)).toHaveLength(1);
  });

  it("suggests the dilemma's weight-3 templates the plan does not hold", () => {
    const primary = taskTemplates.filter((t) => t.weights.D3 === 3).map((t) => t.key);
    expect(primary.length).toBeGreaterThan(2);
    expect(missingPrimaryTemplates("D3", [primary[0]!, "R1.1"])).toEqual(primary.slice(1));
    expect(missingPrimaryTemplates("D3", primary)).toEqual([]);
  });
});

describe("output without outcome", () => {
  const indicator = (over: Partial<GuideIndicator>): GuideIndicator => ({
    id: "i",
    dilemmaCode: "D3",
    name: "Incidents",
    direction: "DOWN",
    baseline: 10,
    current: 10,
    progress: 0,
    ...over,
  });
  const done = [{ code: "D3" as const, progress: 0.8, taskCount: 5 }];

  it("alerts when a dilemma's tasks are mostly done but its indicators stay flat or move the wrong way", () => {
    expect(outputWithoutOutcome(done, [indicator({ id: "a" }), indicator({ id: "b", current: 12 })])).toEqual([
      {
        code: "D3",
        progress: 0.8,
        indicators: [
          { id: "a", name: "Incidents", trend: "flat" },
          { id: "b", name: "Incidents", trend: "wrong_way" },
        ],
      },
    ]);
  });

  it("stays quiet when an indicator moved, the work is not mostly done, or nothing was measured", () => {
    expect(outputWithoutOutcome(done, [indicator({ current: 6, progress: 0.4 })])).toEqual([]);
    expect(outputWithoutOutcome(done, [indicator({}), indicator({ id: "c", current: 6, progress: 0.4 })])).toEqual([]);
    expect(outputWithoutOutcome([{ code: "D3", progress: 0.5, taskCount: 5 }], [indicator({})])).toEqual([]);
    expect(outputWithoutOutcome(done, [indicator({ current: null, progress: null })])).toEqual([]);
    expect(outputWithoutOutcome(done, [indicator({ dilemmaCode: "D1" })])).toEqual([]);
  });
});

describe("heat-map tone", () => {
  it("follows health (progress against time), not the raw percentage", () => {
    expect(healthTone(0.3, 0.2)).toBe("ON_TRACK");
    expect(healthTone(0.6, 0.9)).toBe("OFF_TRACK");
    expect(healthTone(null, 0.5)).toBe("NOT_ADDRESSED");
  });
});
