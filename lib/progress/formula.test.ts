import { describe, expect, it } from "vitest";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "@/lib/catalog/types";
import {
  areaProgress,
  completion,
  dilemmaProgress,
  expectedProgress,
  indicatorProgress,
  overallProgress,
  pathProgress,
  planHealth,
  toPercent,
  type ProgressTask,
  type Rollup,
} from "./formula";
import { progressFixtures } from "./fixtures";

const fx = (name: string): ProgressTask[] => {
  const f = progressFixtures.find((x) => x.name === name);
  if (!f) throw new Error(`missing fixture ${name}`);
  return f.tasks;
};

/** Asserts a rollup, comparing progress with float tolerance. */
function expectRollup(actual: Rollup, expected: Rollup): void {
  expect(actual.taskCount).toBe(expected.taskCount);
  expect(actual.weightSum).toBe(expected.weightSum);
  if (expected.progress === null) expect(actual.progress).toBeNull();
  else expect(actual.progress).toBeCloseTo(expected.progress, 12);
}

const NONE: Rollup = { progress: null, taskCount: 0, weightSum: 0 };

describe("completion", () => {
  it("DONE counts 1 regardless of the progress field", () => {
    expect(completion({ status: "DONE", progress: 40 })).toBe(1);
    expect(completion({ status: "DONE", progress: 0 })).toBe(1);
  });
  it("CANCELLED is left out (null)", () => {
    expect(completion({ status: "CANCELLED", progress: 100 })).toBeNull();
  });
  it("other statuses use progress/100", () => {
    expect(completion({ status: "TODO", progress: 0 })).toBe(0);
    expect(completion({ status: "IN_PROGRESS", progress: 50 })).toBe(0.5);
    expect(completion({ status: "BLOCKED", progress: 20 })).toBe(0.2);
  });
  it("clamps out-of-range progress", () => {
    expect(completion({ status: "IN_PROGRESS", progress: 150 })).toBe(1);
    expect(completion({ status: "IN_PROGRESS", progress: -5 })).toBe(0);
  });
});

describe("empty / cancelled-only plans", () => {
  it("empty plan: every code present, all not addressed", () => {
    const d = dilemmaProgress([]);
    expect(Object.keys(d).sort()).toEqual([...DILEMMA_CODES]);
    for (const k of DILEMMA_CODES) expectRollup(d[k], NONE);
    const a = areaProgress([]);
    expect(Object.keys(a).sort()).toEqual([...AREA_CODES]);
    for (const k of AREA_CODES) expectRollup(a[k], NONE);
    const p = pathProgress([]);
    expect(Object.keys(p).sort()).toEqual([...PATH_CODES]);
    for (const k of PATH_CODES) expectRollup(p[k], NONE);
    expectRollup(overallProgress([]), NONE);
  });
  it("only cancelled tasks: excluded from numerator, denominator and taskCount", () => {
    const tasks = fx("only cancelled tasks");
    const d = dilemmaProgress(tasks);
    for (const k of DILEMMA_CODES) expectRollup(d[k], NONE);
    const a = areaProgress(tasks);
    for (const k of AREA_CODES) expectRollup(a[k], NONE);
    expectRollup(overallProgress(tasks), NONE);
  });
});

describe("mixed statuses with partial progress", () => {
  // a: IP 33  R1 P1 {D1:3}      c=.33
  // b: IP 50  R1 P2 {D1:2,D2:1} c=.5
  // c: TODO 0 R2 P2 {D2:2}      c=0
  // d: BLK 67 R3 P3 {D3:1}      c=.67
  // e: DONE   R3 P1 {D2:3,D3:2} c=1
  // f: CANCELLED R4 P4 {D1:3}   left out
  const tasks = fx("mixed statuses with partial progress");

  it("dilemmas (D4 not addressed → null, not 0; cancelled D1 task excluded)", () => {
    const d = dilemmaProgress(tasks);
    expectRollup(d.D1, {
      progress: (3 * 0.33 + 2 * 0.5) / (3 + 2),
      taskCount: 2,
      weightSum: 5,
    });
    expectRollup(d.D2, {
      progress: (1 * 0.5 + 2 * 0 + 3 * 1) / (1 + 2 + 3),
      taskCount: 3,
      weightSum: 6,
    });
    expectRollup(d.D3, {
      progress: (1 * 0.67 + 2 * 1) / (1 + 2),
      taskCount: 2,
      weightSum: 3,
    });
    expectRollup(d.D4, NONE);
    expect(d.D4.progress).not.toBe(0);
  });

  it("areas", () => {
    const a = areaProgress(tasks);
    expectRollup(a.R1, {
      progress: (3 * 0.33 + 2 * 0.5 + 1 * 0.5) / (3 + 2 + 1),
      taskCount: 2,
      weightSum: 6,
    });
    // R2 has a linked task at 0 % → 0, not null
    expectRollup(a.R2, { progress: (2 * 0) / 2, taskCount: 1, weightSum: 2 });
    expect(a.R2.progress).toBe(0);
    expectRollup(a.R3, {
      progress: (1 * 0.67 + 3 * 1 + 2 * 1) / (1 + 3 + 2),
      taskCount: 2,
      weightSum: 6,
    });
    expectRollup(a.R4, NONE); // only a cancelled task
  });

  it("paths", () => {
    const p = pathProgress(tasks);
    expectRollup(p.P1, {
      progress: (3 * 0.33 + 3 * 1 + 2 * 1) / (3 + 3 + 2),
      taskCount: 2,
      weightSum: 8,
    });
    expectRollup(p.P2, {
      progress: (2 * 0.5 + 1 * 0.5 + 2 * 0) / (2 + 1 + 2),
      taskCount: 2,
      weightSum: 5,
    });
    expectRollup(p.P3, {
      progress: (1 * 0.67) / 1,
      taskCount: 1,
      weightSum: 1,
    });
    expectRollup(p.P4, NONE);
  });

  it("overall", () => {
    expectRollup(overallProgress(tasks), {
      progress: (3 * 0.33 + 2 * 0.5 + 1 * 0.5 + 2 * 0 + 1 * 0.67 + 3 * 1 + 2 * 1) / (3 + 2 + 1 + 2 + 1 + 3 + 2),
      taskCount: 5,
      weightSum: 14,
    });
    expect(toPercent(overallProgress(tasks).progress!)).toBe(58); // 8.16/14 = 0.5828…
  });
});

describe("small scenarios", () => {
  it("DONE task whose progress field is 40 counts as 1", () => {
    const tasks = fx("DONE task whose progress field is 40");
    expectRollup(dilemmaProgress(tasks).D1, {
      progress: (2 * 1 + 2 * 0) / (2 + 2),
      taskCount: 2,
      weightSum: 4,
    });
    expectRollup(areaProgress(tasks).R2, {
      progress: 0.5,
      taskCount: 2,
      weightSum: 4,
    });
  });

  it("BLOCKED task with progress 20 counts its progress", () => {
    const tasks = fx("BLOCKED task with progress 20");
    expectRollup(dilemmaProgress(tasks).D2, {
      progress: (3 * 0.2 + 1 * 0.8) / (3 + 1),
      taskCount: 2,
      weightSum: 4,
    });
    const p = pathProgress(tasks);
    expectRollup(p.P2, { progress: 0.2, taskCount: 1, weightSum: 3 });
    expectRollup(p.P3, { progress: 0.8, taskCount: 1, weightSum: 1 });
    expectRollup(areaProgress(tasks).R4, {
      progress: 1.4 / 4,
      taskCount: 2,
      weightSum: 4,
    });
  });

  it("task linked to 3 dilemmas contributes to each, and all its links to its area/path", () => {
    // t1: IP 50 R1 P4 {D1:1, D2:2, D4:3}; t2: DONE R2 P4 {D4:1}
    const tasks = fx("task linked to 3 dilemmas");
    const d = dilemmaProgress(tasks);
    expectRollup(d.D1, { progress: 0.5, taskCount: 1, weightSum: 1 });
    expectRollup(d.D2, { progress: 0.5, taskCount: 1, weightSum: 2 });
    expectRollup(d.D3, NONE);
    expectRollup(d.D4, {
      progress: (3 * 0.5 + 1 * 1) / (3 + 1),
      taskCount: 2,
      weightSum: 4,
    });
    const a = areaProgress(tasks);
    expectRollup(a.R1, {
      progress: (1 * 0.5 + 2 * 0.5 + 3 * 0.5) / (1 + 2 + 3),
      taskCount: 1,
      weightSum: 6,
    });
    expectRollup(a.R2, { progress: 1, taskCount: 1, weightSum: 1 });
    expectRollup(pathProgress(tasks).P4, {
      progress: (1 * 0.5 + 2 * 0.5 + 3 * 0.5 + 1 * 1) / (1 + 2 + 3 + 1),
      taskCount: 2,
      weightSum: 7,
    });
    expectRollup(overallProgress(tasks), {
      progress: 4 / 7,
      taskCount: 2,
      weightSum: 7,
    });
  });
});

describe("generated scenario", () => {
  const f = progressFixtures.find((x) => x.name.startsWith("generated"))!;

  it("is deterministic and covers every area, path and status", () => {
    expect(f.tasks).toHaveLength(60);
    expect(new Set(f.tasks.map((t) => t.area))).toEqual(new Set(AREA_CODES));
    expect(new Set(f.tasks.map((t) => t.path))).toEqual(new Set(PATH_CODES));
    expect(new Set(f.tasks.map((t) => t.status))).toEqual(
      new Set(["TODO", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"]),
    );
    for (const t of f.tasks) {
      expect(t.progress).toBeGreaterThanOrEqual(0);
      expect(t.progress).toBeLessThanOrEqual(100);
      const ws = Object.values(t.weights);
      expect(ws.length).toBeGreaterThanOrEqual(1);
      for (const w of ws) expect([1, 2, 3]).toContain(w);
    }
  });

  it("matches a naive re-statement of the contract", () => {
    const c = (t: ProgressTask) => (t.status === "DONE" ? 1 : t.progress / 100);
    const live = f.tasks.filter((t) => t.status !== "CANCELLED");
    const d = dilemmaProgress(f.tasks);
    for (const k of DILEMMA_CODES) {
      const linked = live.filter((t) => t.weights[k] !== undefined);
      const num = linked.reduce((s, t) => s + t.weights[k]! * c(t), 0);
      const den = linked.reduce((s, t) => s + t.weights[k]!, 0);
      expectRollup(d[k], {
        progress: den ? num / den : null,
        taskCount: linked.length,
        weightSum: den,
      });
    }
    const sumAll = (ts: ProgressTask[]) => {
      let num = 0;
      let den = 0;
      for (const t of ts)
        for (const w of Object.values(t.weights)) {
          num += w * c(t);
          den += w;
        }
      return {
        progress: den ? num / den : null,
        taskCount: ts.length,
        weightSum: den,
      };
    };
    const a = areaProgress(f.tasks);
    for (const k of AREA_CODES) expectRollup(a[k], sumAll(live.filter((t) => t.area === k)));
    const p = pathProgress(f.tasks);
    for (const k of PATH_CODES) expectRollup(p[k], sumAll(live.filter((t) => t.path === k)));
    expectRollup(overallProgress(f.tasks), sumAll(live));
  });
});

describe("rollups are consistent for every fixture", () => {
  for (const { name, tasks } of progressFixtures) {
    it(name, () => {
      const o = overallProgress(tasks);
      for (const group of [dilemmaProgress(tasks), areaProgress(tasks), pathProgress(tasks)]) {
        const rs = Object.values<Rollup>(group);
        const ws = rs.reduce((s, r) => s + r.weightSum, 0);
        const num = rs.reduce((s, r) => s + (r.progress ?? 0) * r.weightSum, 0);
        expect(ws).toBe(o.weightSum);
        if (o.progress === null) expect(ws).toBe(0);
        else expect(num / ws).toBeCloseTo(o.progress, 12);
        for (const r of rs) {
          if (r.progress === null) expect(r.taskCount).toBe(0);
          else {
            expect(r.progress).toBeGreaterThanOrEqual(0);
            expect(r.progress).toBeLessThanOrEqual(1);
          }
        }
      }
      // areas and paths partition the linked live tasks
      const ac = Object.values(areaProgress(tasks)).reduce((s, r) => s + r.taskCount, 0);
      const pc = Object.values(pathProgress(tasks)).reduce((s, r) => s + r.taskCount, 0);
      expect(ac).toBe(o.taskCount);
      expect(pc).toBe(o.taskCount);
    });
  }
});

describe("toPercent", () => {
  it.each([
    [1 / 3, 33],
    [2 / 3, 67],
    [0.125, 13],
    [0.999, 100],
    [0.994, 99],
    [0.995, 100],
    [0.005, 1],
    [0.145, 15], // 0.145*100 = 14.499999999999998 in binary
    [0.285, 29], // 0.285*100 = 28.499999999999996
    [0, 0],
    [1, 100],
  ])("toPercent(%d) = %d", (p, expected) => {
    expect(toPercent(p)).toBe(expected);
  });
});

describe("indicatorProgress", () => {
  it("UP direction", () => {
    expect(indicatorProgress({ baseline: 10, target: 20, current: 15 })).toBe((15 - 10) / (20 - 10));
    expect(indicatorProgress({ baseline: 10, target: 20, current: 25 })).toBe(1); // beyond target
    expect(indicatorProgress({ baseline: 10, target: 20, current: 5 })).toBe(0); // wrong way
    expect(indicatorProgress({ baseline: 10, target: 20, current: 10 })).toBe(0);
    expect(indicatorProgress({ baseline: 10, target: 20, current: 20 })).toBe(1);
  });
  it("DOWN direction", () => {
    expect(indicatorProgress({ baseline: 10, target: 4, current: 7 })).toBe((7 - 10) / (4 - 10)); // 0.5
    expect(indicatorProgress({ baseline: 10, target: 4, current: 7 })).toBe(0.5);
    expect(indicatorProgress({ baseline: 10, target: 4, current: 2 })).toBe(1); // beyond target
    expect(indicatorProgress({ baseline: 10, target: 4, current: 12 })).toBe(0); // wrong way
  });
  it("null when no reading or target === baseline", () => {
    expect(indicatorProgress({ baseline: 10, target: 20, current: null })).toBeNull();
    expect(indicatorProgress({ baseline: 5, target: 5, current: 7 })).toBeNull();
  });
});

describe("expectedProgress", () => {
  const start = new Date("2025-01-01T00:00:00Z");
  const target = new Date("2025-01-11T00:00:00Z"); // 10 days
  it("elapsed share", () => {
    expect(expectedProgress(start, target, new Date("2025-01-06T00:00:00Z"))).toBe(5 / 10);
    expect(expectedProgress(start, target, start)).toBe(0);
    expect(expectedProgress(start, target, target)).toBe(1);
  });
  it("clamps before start and after target", () => {
    expect(expectedProgress(start, target, new Date("2024-12-01T00:00:00Z"))).toBe(0);
    expect(expectedProgress(start, target, new Date("2025-03-01T00:00:00Z"))).toBe(1);
  });
  it("target <= start: 1 once target is reached, else 0", () => {
    expect(expectedProgress(target, start, new Date("2024-12-31T00:00:00Z"))).toBe(0);
    expect(expectedProgress(target, start, start)).toBe(1);
    expect(expectedProgress(target, start, new Date("2025-02-01T00:00:00Z"))).toBe(1);
    expect(expectedProgress(start, start, new Date("2024-12-31T00:00:00Z"))).toBe(0);
    expect(expectedProgress(start, start, start)).toBe(1);
  });
});

describe("planHealth", () => {
  it("bands at the edges (expected = 1 so ratio = progress)", () => {
    expect(planHealth(1, 1)).toBe("ON_TRACK");
    expect(planHealth(0.95, 1)).toBe("ON_TRACK");
    expect(planHealth(0.9499, 1)).toBe("AT_RISK");
    expect(planHealth(0.85, 1)).toBe("AT_RISK");
    expect(planHealth(0.8499, 1)).toBe("OFF_TRACK");
    expect(planHealth(0, 1)).toBe("OFF_TRACK");
  });
  it("uses the ratio progress/expected", () => {
    expect(planHealth(0.19, 0.2)).toBe("ON_TRACK"); // 0.95 (0.9499999… in binary)
    expect(planHealth(0.17, 0.2)).toBe("AT_RISK"); // 0.85
    expect(planHealth(0.16, 0.2)).toBe("OFF_TRACK"); // 0.8
    expect(planHealth(0.9, 0.5)).toBe("ON_TRACK"); // ahead of schedule
  });
  it("nothing expected yet → ON_TRACK", () => {
    expect(planHealth(0, 0)).toBe("ON_TRACK");
  });
  it("no task counts towards it (null progress) → NOT_ADDRESSED, never ON_TRACK, whatever is expected", () => {
    expect(planHealth(null, 0)).toBe("NOT_ADDRESSED");
    expect(planHealth(null, 0.5)).toBe("NOT_ADDRESSED");
    expect(planHealth(null, 1)).toBe("NOT_ADDRESSED");
  });
});
