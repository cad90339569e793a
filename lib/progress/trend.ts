import "server-only";
import { db } from "@/lib/db";
import { DILEMMA_CODES, type DilemmaCode } from "@/lib/catalog/types";
import { dilemmaProgressOnSql } from "@/lib/progress/queries";
import { toDateInput } from "@/lib/validation/common";

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** Per-dilemma progress of a plan at the end of each of the given UTC days (YYYY-MM-DD), replayed from the activity log in one query. */
export async function dilemmaProgressOn({ teamId, planId, days }: { teamId: string; planId: string; days: string[] }): Promise<Map<string, DilemmaValues>> {
  const result = new Map<string, DilemmaValues>(days.map((day) => [day, noValues()]));
  if (days.length === 0) return result;
  const rows = await db.$queryRaw<{ day: string; code: string | null; weightSum: number | null; weighted: number | null }[]>(
    dilemmaProgressOnSql({ teamId, planId, days }),
  );
  for (const row of rows) {
    const values = result.get(row.day);
    if (values && row.code && row.weightSum && row.weighted !== null && (DILEMMA_CODES as readonly string[]).includes(row.code)) {
      values[row.code as DilemmaCode] = row.weighted / row.weightSum;
    }
  }
  return result;
}

/** Per-dilemma progress of a plan at the end of each trend day from `from` to `to` (UTC dates; `to` always included). */
export async function getPlanTrend({ teamId, planId, from, to }: { teamId: string; planId: string; from: Date; to: Date }): Promise<TrendPoint[]> {
  const days = trendDays(from, to);
  const values = await dilemmaProgressOn({ teamId, planId, days });
  return days.map((day) => ({ day, dilemmas: values.get(day)! }));
}
