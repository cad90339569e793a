/**
 * Progress formulas — the single TypeScript statement of the contract in
 * docs/DOMAIN.md "How progress is computed". Pure functions, no I/O.
 * A future SQL implementation is checked against these via ./fixtures.ts.
 */
import {
  AREA_CODES,
  DILEMMA_CODES,
  PATH_CODES,
  type AreaCode,
  type DilemmaCode,
  type PathCode,
} from "@/lib/catalog/types";

/** Lifecycle status of a plan task. */
export type TaskStatus = "TODO" | "IN_PROGRESS" | "BLOCKED" | "DONE" | "CANCELLED";

/** The slice of a task the progress formulas need. */
export type ProgressTask = {
  status: TaskStatus;
  /** Own progress percentage, 0–100 (ignored when DONE). */
  progress: number;
  area: AreaCode;
  path: PathCode;
  /** Link weights to dilemmas, 1–3 each; a missing key means "not linked". */
  weights: Partial<Record<DilemmaCode, number>>;
};

/** A weighted rollup: progress in [0,1] or null ("not addressed"), plus what it was computed over. */
export type Rollup = {
  progress: number | null;
  taskCount: number;
  weightSum: number;
};

/** Plan health band shown on the dashboard; NOT_ADDRESSED when no task counts towards it. */
export type Health = "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "NOT_ADDRESSED";

/** Tolerance used to absorb binary floating-point error at band / rounding edges. */
const EPS = 1e-9;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Task completion c(t): DONE → 1, CANCELLED → null (left out), else progress/100 clamped to [0,1]. */
export function completion(task: Pick<ProgressTask, "status" | "progress">): number | null {
  if (task.status === "CANCELLED") return null;
  if (task.status === "DONE") return 1;
  const p = Number.isFinite(task.progress) ? task.progress : 0;
  return clamp01(p / 100);
}

/** The task's dilemma links with a positive weight, in DILEMMA_CODES order. */
function links(task: ProgressTask): { dilemma: DilemmaCode; weight: number }[] {
  const out: { dilemma: DilemmaCode; weight: number }[] = [];
  for (const d of DILEMMA_CODES) {
    const w = task.weights[d];
    if (typeof w === "number" && Number.isFinite(w) && w > 0) out.push({ dilemma: d, weight: w });
  }
  return out;
}

/** Mutable accumulator for Σ w·c and Σ w. */
type Acc = { num: number; den: number; taskCount: number };
const newAcc = (): Acc => ({ num: 0, den: 0, taskCount: 0 });
const toRollup = (a: Acc): Rollup => ({
  progress: a.den > 0 ? a.num / a.den : null,
  taskCount: a.taskCount,
  weightSum: a.den,
});

/** Adds every link of a non-cancelled task to acc; counts the task once if it has ≥1 link. */
function addAllLinks(acc: Acc, task: ProgressTask, c: number): void {
  const ls = links(task);
  if (ls.length === 0) return;
  for (const { weight } of ls) {
    acc.num += weight * c;
    acc.den += weight;
  }
  acc.taskCount += 1;
}

function emptyRecord<K extends string>(codes: readonly K[]): Record<K, Acc> {
  const r = {} as Record<K, Acc>;
  for (const k of codes) r[k] = newAcc();
  return r;
}

function finish<K extends string>(codes: readonly K[], accs: Record<K, Acc>): Record<K, Rollup> {
  const r = {} as Record<K, Rollup>;
  for (const k of codes) r[k] = toRollup(accs[k]);
  return r;
}

/** Per dilemma: Σ w·c / Σ w over non-cancelled tasks linked to d; null when none; taskCount = linked non-cancelled tasks. */
export function dilemmaProgress(tasks: readonly ProgressTask[]): Record<DilemmaCode, Rollup> {
  const accs = emptyRecord(DILEMMA_CODES);
  for (const t of tasks) {
    const c = completion(t);
    if (c === null) continue;
    for (const { dilemma, weight } of links(t)) {
      const a = accs[dilemma];
      a.num += weight * c;
      a.den += weight;
      a.taskCount += 1;
    }
  }
  return finish(DILEMMA_CODES, accs);
}

/** Per area: Σ_links w·c / Σ_links w over non-cancelled tasks in the area (all links of each task); taskCount = such tasks with ≥1 link. */
export function areaProgress(tasks: readonly ProgressTask[]): Record<AreaCode, Rollup> {
  const accs = emptyRecord(AREA_CODES);
  for (const t of tasks) {
    const c = completion(t);
    if (c === null) continue;
    addAllLinks(accs[t.area], t, c);
  }
  return finish(AREA_CODES, accs);
}

/** Per path: same rollup as areaProgress, grouped by the task's path. */
export function pathProgress(tasks: readonly ProgressTask[]): Record<PathCode, Rollup> {
  const accs = emptyRecord(PATH_CODES);
  for (const t of tasks) {
    const c = completion(t);
    if (c === null) continue;
    addAllLinks(accs[t.path], t, c);
  }
  return finish(PATH_CODES, accs);
}

/** Whole plan/team: Σ w·c / Σ w over all links of all non-cancelled tasks; null when there is no link. */
export function overallProgress(tasks: readonly ProgressTask[]): Rollup {
  const acc = newAcc();
  for (const t of tasks) {
    const c = completion(t);
    if (c === null) continue;
    addAllLinks(acc, t, c);
  }
  return toRollup(acc);
}

/** Indicator: (current − baseline)/(target − baseline) clamped to [0,1] (works UP and DOWN); null when no reading or target === baseline. */
export function indicatorProgress(i: { baseline: number; target: number; current: number | null }): number | null {
  if (i.current === null || !Number.isFinite(i.current)) return null;
  const span = i.target - i.baseline;
  if (span === 0 || !Number.isFinite(span)) return null;
  return clamp01((i.current - i.baseline) / span);
}

/** Elapsed share of start→target at now, clamped to [0,1]; when target ≤ start: 1 if now ≥ target else 0. */
export function expectedProgress(start: Date, target: Date, now: Date): number {
  const s = start.getTime();
  const e = target.getTime();
  const n = now.getTime();
  if (e <= s) return n >= e ? 1 : 0;
  return clamp01((n - s) / (e - s));
}

/**
 * Health from ratio = progress/expected: NOT_ADDRESSED when progress is null (no
 * task counts towards it; never "on track"), ON_TRACK if expected ≤ 0 or ratio ≥ 0.95,
 * AT_RISK if ≥ 0.85, else OFF_TRACK.
 */
export function planHealth(progress: number | null, expected: number): Health {
  if (progress === null) return "NOT_ADDRESSED";
  if (!(expected > 0)) return "ON_TRACK";
  const ratio = progress / expected;
  if (ratio + EPS >= 0.95) return "ON_TRACK";
  if (ratio + EPS >= 0.85) return "AT_RISK";
  return "OFF_TRACK";
}

/** Whole percent for display: Math.round(p·100), nudged by 1e-9 so float halves (0.125 → 13) round up consistently. */
export function toPercent(p: number): number {
  return Math.round(p * 100 + EPS);
}
