import "server-only";
import { db } from "@/lib/db";
import { DILEMMA_CODES, type DilemmaCode } from "@/lib/catalog/types";
import { dilemmaSumsOnSql, progressDayLockSql, storeProgressDaysSql } from "@/lib/progress/queries";
import { toDateInput } from "@/lib/validation/common";
import { DAY_MS } from "@/lib/time";

/** The most points a trend has (plus the last day). */
export const MAX_TREND_POINTS = 120;

/** One day of a trend: per dilemma the weighted progress (0–1) at the end of that UTC day, null when not addressed. */
export type TrendPoint = { day: string; dilemmas: Record<DilemmaCode, number | null> };

/** Step in days between trend points: 1 while the span fits MAX_TREND_POINTS, else ceil(span / MAX_TREND_POINTS). */
export function trendStep(from: Date, to: Date): number {
  const span = Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY_MS));
  return span <= MAX_TREND_POINTS ? 1 : Math.ceil(span / MAX_TREND_POINTS);
}

/** The days of a trend (YYYY-MM-DD, ascending): `to` and every trendStep days back while not before `from`. */
export function trendDays(from: Date, to: Date): string[] {
  if (to.getTime() < from.getTime()) return [];
  const step = trendStep(from, to);
  const first = Date.parse(toDateInput(from));
  const days: string[] = [];
  for (let t = Date.parse(toDateInput(to)); t >= first; t -= step * DAY_MS) days.push(toDateInput(new Date(t)));
  return days.reverse();
}

type DilemmaValues = Record<DilemmaCode, number | null>;

const noValues = (): DilemmaValues => Object.fromEntries(DILEMMA_CODES.map((c) => [c, null])) as DilemmaValues;

/** Σ weight and Σ weight × contribution (in hundredths) per dilemma, in the order of DILEMMA_CODES. */
type DaySums = { weightSums: number[]; weighted: number[] };

/** A day is settled — its PlanProgressDay row may be kept — once it ended this long ago (longer than any transaction runs). */
const SETTLE_MS = 10 * 60 * 1000;

const zeroSums = (): DaySums => ({ weightSums: DILEMMA_CODES.map(() => 0), weighted: DILEMMA_CODES.map(() => 0) });

function sumsByDay(
  rows: { day: string; code: string | null; weightSum: number | null; weighted: number | null }[],
  days: string[],
): Map<string, DaySums> {
  const sums = new Map(days.map((day) => [day, zeroSums()]));
  for (const row of rows) {
    const i = DILEMMA_CODES.indexOf(row.code as DilemmaCode);
    const day = sums.get(row.day);
    if (!day || i < 0) continue;
    day.weightSums[i] = row.weightSum ?? 0;
    day.weighted[i] = row.weighted ?? 0;
  }
  return sums;
}

async function storedDays(planId: string, teamId: string, days: string[]): Promise<Map<string, DaySums>> {
  if (days.length === 0) return new Map();
  const rows = await db.$queryRaw<{ day: string; weightSums: number[]; weighted: number[] }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS "day", "weightSums", "weighted"
      FROM "PlanProgressDay"
     WHERE "planId" = ${planId} AND "teamId" = ${teamId} AND day = ANY(${days}::date[])`;
  return new Map(rows.map((r) => [r.day, { weightSums: r.weightSums, weighted: r.weighted }]));
}

/**
 * Per-dilemma progress of a plan at the end of each of the given UTC days
 * (YYYY-MM-DD), replayed from the activity log. Settled days are kept in
 * PlanProgressDay once computed (database triggers delete rows that later
 * changes make stale); the days after them are the last settled day plus what
 * the tasks changed since then did, so a view replays the log of those tasks
 * only.
 */
export async function dilemmaProgressOn({
  teamId,
  planId,
  days,
  now = new Date(),
}: {
  teamId: string;
  planId: string;
  days: string[];
  now?: Date;
}): Promise<Map<string, DilemmaValues>> {
  const settledBefore = toDateInput(new Date(now.getTime() - SETTLE_MS));
  const live = [...new Set(days.filter((d) => d >= settledBefore))];
  const base = live.length > 0 ? toDateInput(new Date(Date.parse(settledBefore) - DAY_MS)) : undefined;
  const settled = [...new Set([...days.filter((d) => d < settledBefore), ...(base ? [base] : [])])];

  const sums = await storedDays(planId, teamId, settled);
  const missing = settled.filter((d) => !sums.has(d));
  if (missing.length > 0) {
    await db.$transaction([
      db.$queryRaw(progressDayLockSql(planId)),
      db.$executeRaw(storeProgressDaysSql({ teamId, planId, days: missing })),
    ]);
    for (const [day, value] of await storedDays(planId, teamId, missing)) sums.set(day, value);
  }

  if (base) {
    const baseSums = sums.get(base) ?? zeroSums();
    const changedDays = [base, ...live];
    const rows = await db.$queryRaw<
      { day: string; code: string | null; weightSum: number | null; weighted: number | null }[]
    >(dilemmaSumsOnSql({ teamId, planId, days: changedDays, changedAfter: base }));
    const changed = sumsByDay(rows, changedDays);
    const before = changed.get(base)!;
    for (const day of live) {
      const after = changed.get(day)!;
      sums.set(day, {
        weightSums: baseSums.weightSums.map((w, i) => w - before.weightSums[i]! + after.weightSums[i]!),
        weighted: baseSums.weighted.map((w, i) => w - before.weighted[i]! + after.weighted[i]!),
      });
    }
  }

  const result = new Map<string, DilemmaValues>();
  for (const day of days) {
    const daySums = sums.get(day) ?? zeroSums();
    const values = noValues();
    DILEMMA_CODES.forEach((code, i) => {
      const weightSum = daySums.weightSums[i] ?? 0;
      values[code] = weightSum > 0 ? (daySums.weighted[i] ?? 0) / (100 * weightSum) : null;
    });
    result.set(day, values);
  }
  return result;
}

/** Per-dilemma progress of a plan at the end of each trend day from `from` to `to` (UTC dates; `to` always included). */
export async function getPlanTrend({
  teamId,
  planId,
  from,
  to,
}: {
  teamId: string;
  planId: string;
  from: Date;
  to: Date;
}): Promise<TrendPoint[]> {
  const days = trendDays(from, to);
  const values = await dilemmaProgressOn({ teamId, planId, days });
  return days.map((day) => ({ day, dilemmas: values.get(day)! }));
}
