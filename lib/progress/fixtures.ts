/**
 * Named progress scenarios shared by the TypeScript formula tests and a future
 * SQL implementation test: both must produce the same rollups for each.
 * Deterministic — no Math.random, no dates.
 */
import { AREA_CODES, DILEMMA_CODES, PATH_CODES, type DilemmaCode } from "@/lib/catalog/types";
import type { ProgressTask } from "./formula";
import { TASK_STATUSES } from "@/lib/tasks/status";

export type ProgressFixture = { name: string; tasks: ProgressTask[] };

/** 32-bit LCG (glibc constants); same seed → same sequence everywhere. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 16; // 0..65535, drop the weak low bits
  };
}

/** arr[i mod length]; total for non-empty arrays (satisfies noUncheckedIndexedAccess). */
function pick<T>(arr: readonly T[], i: number): T {
  return arr[i % arr.length] as T;
}

/** 60 tasks covering every area, path and status; 1–3 dilemma links with weights 1–3. */
function generated(seed: number, count: number): ProgressTask[] {
  const next = lcg(seed);
  const tasks: ProgressTask[] = [];
  for (let i = 0; i < count; i++) {
    // Cycle areas/paths/statuses by index so every value is guaranteed present.
    const area = pick(AREA_CODES, i);
    const path = pick(PATH_CODES, i + Math.floor(i / PATH_CODES.length));
    const status = pick(TASK_STATUSES, i + next());
    const progress = status === "TODO" && next() % 2 === 0 ? 0 : next() % 101;
    const weights: Partial<Record<DilemmaCode, number>> = {};
    const linkCount = 1 + (next() % 3);
    const first = next() % DILEMMA_CODES.length;
    for (let k = 0; k < linkCount; k++) {
      weights[pick(DILEMMA_CODES, first + k)] = 1 + (next() % 3);
    }
    tasks.push({ status, progress, area, path, weights });
  }
  return tasks;
}

export const progressFixtures: ProgressFixture[] = [
  { name: "empty plan", tasks: [] },
  {
    name: "only cancelled tasks",
    tasks: [
      {
        status: "CANCELLED",
        progress: 50,
        area: "R1",
        path: "P1",
        weights: { D1: 3, D2: 1 },
      },
      {
        status: "CANCELLED",
        progress: 100,
        area: "R2",
        path: "P3",
        weights: { D3: 2 },
      },
    ],
  },
  {
    // D4 not addressed; one cancelled task on D1 must not count.
    name: "mixed statuses with partial progress",
    tasks: [
      {
        status: "IN_PROGRESS",
        progress: 33,
        area: "R1",
        path: "P1",
        weights: { D1: 3 },
      },
      {
        status: "IN_PROGRESS",
        progress: 50,
        area: "R1",
        path: "P2",
        weights: { D1: 2, D2: 1 },
      },
      {
        status: "TODO",
        progress: 0,
        area: "R2",
        path: "P2",
        weights: { D2: 2 },
      },
      {
        status: "BLOCKED",
        progress: 67,
        area: "R3",
        path: "P3",
        weights: { D3: 1 },
      },
      {
        status: "DONE",
        progress: 100,
        area: "R3",
        path: "P1",
        weights: { D2: 3, D3: 2 },
      },
      {
        status: "CANCELLED",
        progress: 90,
        area: "R4",
        path: "P4",
        weights: { D1: 3 },
      },
    ],
  },
  {
    name: "DONE task whose progress field is 40",
    tasks: [
      {
        status: "DONE",
        progress: 40,
        area: "R2",
        path: "P1",
        weights: { D1: 2 },
      },
      {
        status: "TODO",
        progress: 0,
        area: "R2",
        path: "P1",
        weights: { D1: 2 },
      },
    ],
  },
  {
    name: "BLOCKED task with progress 20",
    tasks: [
      {
        status: "BLOCKED",
        progress: 20,
        area: "R4",
        path: "P2",
        weights: { D2: 3 },
      },
      {
        status: "IN_PROGRESS",
        progress: 80,
        area: "R4",
        path: "P3",
        weights: { D2: 1 },
      },
    ],
  },
  {
    name: "task linked to 3 dilemmas",
    tasks: [
      {
        status: "IN_PROGRESS",
        progress: 50,
        area: "R1",
        path: "P4",
        weights: { D1: 1, D2: 2, D4: 3 },
      },
      {
        status: "DONE",
        progress: 100,
        area: "R2",
        path: "P4",
        weights: { D4: 1 },
      },
    ],
  },
  {
    name: "generated 60 tasks (LCG seed 20240601)",
    tasks: generated(20240601, 60),
  },
];
