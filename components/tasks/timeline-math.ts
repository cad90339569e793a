/** Calendar arithmetic of the timeline, on UTC-midnight dates (how task dates are stored). */

export const DAY = 86_400_000;

/** A date as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + days * DAY);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY);
}

export type Span = { start: Date; end: Date };

/**
 * Where a task's bar lies: from its start date to its due date. A task with only
 * one of them is a one-day bar on that day; with neither, it is unscheduled (null).
 */
export function barOf(task: { startDate: Date | null; dueDate: Date | null }): Span | null {
  const start = task.startDate ?? task.dueDate;
  const end = task.dueDate ?? task.startDate;
  if (!start || !end) return null;
  return end < start ? { start: end, end: start } : { start, end };
}

export type DragMode = "move" | "start" | "end";

/**
 * The dates after dragging a bar by `days`: moving shifts both ends; resizing
 * moves one end and never past the other (a bar is at least one day).
 */
export function dragged(span: Span, mode: DragMode, days: number): Span {
  if (mode === "move") return { start: addDays(span.start, days), end: addDays(span.end, days) };
  if (mode === "start") {
    const start = addDays(span.start, days);
    return { start: start > span.end ? span.end : start, end: span.end };
  }
  const end = addDays(span.end, days);
  return { start: span.start, end: end < span.start ? span.start : end };
}

/** The first and last day the timeline shows: the plan's dates and every bar, a week of margin on each side. */
export function rangeOf(plan: Span, spans: Span[]): Span {
  let start = plan.start;
  let end = plan.end;
  for (const s of spans) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return { start: addDays(start, -7), end: addDays(end, 7) };
}
