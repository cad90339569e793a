/**
 * What a dashboard tells a team to do, as pure functions over what the progress
 * readers return: which dilemma is behind the time elapsed, which tasks and
 * templates would move it, and where finished work has not moved its indicators.
 */
import { taskTemplates } from "@/lib/catalog/catalog";
import type { DilemmaCode, Weight } from "@/lib/catalog/types";
import { planHealth, toPercent, type Health } from "@/lib/progress/formula";

/** A dilemma as the plan's readers give it: weighted progress in [0, 1], or null when no task addresses it. */
export type DilemmaProgress = { code: DilemmaCode; progress: number | null; taskCount: number };

/** A dilemma against the elapsed time: how many percentage points it is behind (negative: ahead). */
export type DilemmaGap = DilemmaProgress & {
  expected: number;
  /** expected − progress in whole percentage points; null when the dilemma is not addressed. */
  behindPoints: number | null;
  health: Health;
};

/**
 * Dilemmas ranked by how far they are behind what the elapsed share of the plan
 * expects (`expected`, 0–1): most behind first; dilemmas no task addresses come
 * last, in code order, since the plan has not taken them on.
 */
export function rankDilemmaGaps(dilemmas: readonly DilemmaProgress[], expected: number): DilemmaGap[] {
  return dilemmas
    .map((d) => ({
      ...d,
      expected,
      behindPoints: d.progress === null ? null : toPercent(expected) - toPercent(d.progress),
      health: planHealth(d.progress, expected),
    }))
    .sort((a, b) => {
      if (a.behindPoints === null || b.behindPoints === null) {
        return a.behindPoints === null && b.behindPoints === null
          ? cmp(a.code, b.code)
          : a.behindPoints === null
            ? 1
            : -1;
      }
      return b.behindPoints - a.behindPoints || cmp(a.code, b.code);
    });
}

/** The dilemma most behind the elapsed time, if any dilemma is behind at all. */
export function laggingDilemma(ranked: readonly DilemmaGap[]): DilemmaGap | null {
  const first = ranked[0];
  return first && first.behindPoints !== null && first.behindPoints > 0 ? first : null;
}

/** An open task as the next-best-action list needs it. */
export type GuideTask = {
  id: string;
  status: "TODO" | "IN_PROGRESS" | "BLOCKED" | "DONE" | "CANCELLED";
  /** Calendar day (UTC midnight), or null. */
  dueDate: Date | null;
  weights: Partial<Record<DilemmaCode, number>>;
};

export type TaskAction<T extends GuideTask> = {
  task: T;
  weight: number;
  isOverdue: boolean;
  isBlocked: boolean;
  daysLate: number;
};

const DAY_MS = 86_400_000;

/**
 * The overdue or blocked open tasks that move `dilemma`, highest weight on it
 * first, then the longest overdue, then blocked before merely overdue; at most `limit`.
 */
export function nextBestTasks<T extends GuideTask>(
  tasks: readonly T[],
  dilemma: DilemmaCode,
  today: Date,
  limit = 5,
): TaskAction<T>[] {
  return tasks
    .filter((task) => task.status === "TODO" || task.status === "IN_PROGRESS" || task.status === "BLOCKED")
    .map((task) => {
      const isOverdue = task.dueDate !== null && task.dueDate.getTime() < today.getTime();
      return {
        task,
        weight: task.weights[dilemma] ?? 0,
        isOverdue,
        isBlocked: task.status === "BLOCKED",
        daysLate: isOverdue ? Math.round((today.getTime() - task.dueDate!.getTime()) / DAY_MS) : 0,
      };
    })
    .filter((a) => a.weight > 0 && (a.isOverdue || a.isBlocked))
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        b.daysLate - a.daysLate ||
        Number(b.isBlocked) - Number(a.isBlocked) ||
        cmp(a.task.id, b.task.id),
    )
    .slice(0, limit);
}

/** The catalog's primary (weight-3) templates for `dilemma` whose key the plan does not hold yet, in catalog order. */
export function missingPrimaryTemplates(dilemma: DilemmaCode, planTemplateKeys: Iterable<string>): string[] {
  const held = new Set(planTemplateKeys);
  return taskTemplates.filter((t) => t.weights[dilemma] === (3 satisfies Weight) && !held.has(t.key)).map((t) => t.key);
}

/** A dilemma's task progress at or above this share counts as "mostly done". */
export const MOSTLY_DONE = 0.7;
/** An indicator that has covered less than this share of its way from baseline to target counts as flat. */
export const FLAT_BELOW = 0.1;

/** An indicator as the plan's progress reader gives it. */
export type GuideIndicator = {
  id: string;
  dilemmaCode: string;
  name: string;
  direction: "UP" | "DOWN";
  baseline: number;
  current: number | null;
  progress: number | null;
};

export type OutcomeAlert = {
  code: DilemmaCode;
  progress: number;
  indicators: { id: string; name: string; trend: "flat" | "wrong_way" }[];
};

/**
 * Output without outcome: dilemmas whose tasks are mostly done (progress ≥
 * MOSTLY_DONE) while every indicator of theirs with a reading is flat (less than
 * FLAT_BELOW of the way to target) or has moved the wrong way from its baseline.
 * A dilemma with no read indicator raises nothing: there is no outcome to judge.
 */
export function outputWithoutOutcome(
  dilemmas: readonly DilemmaProgress[],
  indicators: readonly GuideIndicator[],
): OutcomeAlert[] {
  const alerts: OutcomeAlert[] = [];
  for (const d of dilemmas) {
    if (d.progress === null || d.progress < MOSTLY_DONE) continue;
    const read = indicators.filter((i) => i.dilemmaCode === d.code && i.current !== null);
    if (read.length === 0) continue;
    const stalled = read.map((i) => ({ id: i.id, name: i.name, trend: trendOf(i) }));
    if (stalled.every((i) => i.trend !== null)) {
      alerts.push({
        code: d.code,
        progress: d.progress,
        indicators: stalled.map((i) => ({ ...i, trend: i.trend! })),
      });
    }
  }
  return alerts;
}

function trendOf(i: GuideIndicator): "flat" | "wrong_way" | null {
  const worse = i.direction === "UP" ? i.current! < i.baseline : i.current! > i.baseline;
  if (worse) return "wrong_way";
  return i.progress === null || i.progress < FLAT_BELOW ? "flat" : null;
}

/**
 * A heat-map cell's tone from its health (progress against the elapsed time),
 * not its raw percentage: 60 % is good early in a plan and bad near its end.
 */
export function healthTone(progress: number | null, expected: number): Health {
  return planHealth(progress, expected);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
