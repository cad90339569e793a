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

/** The timeline's vertical layout in pixels: month header, a group's heading, a task row, a bar's middle in its row. */
export const LAYOUT = { header: 32, groupHeader: 36, row: 36, barMiddle: 19 } as const;

/** The y of the middle of each row a task has, top to bottom (with grouping by dilemma a task can be in several groups). */
export function rowMiddles(groups: readonly (readonly string[])[]): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  let top = LAYOUT.header;
  for (const taskIds of groups) {
    top += LAYOUT.groupHeader;
    for (const id of taskIds) {
      rows.set(id, [...(rows.get(id) ?? []), top + LAYOUT.barMiddle]);
      top += LAYOUT.row;
    }
  }
  return rows;
}

/** Whether a task starts before its blocker ends: on or before the blocker's due date (a bar covers its last day). */
export function startsBeforeBlockerEnds(blocker: Span, blocked: Span): boolean {
  return blocked.start <= blocker.end;
}

export type Point = { x: number; y: number };

/** How far an arrow runs out of a bar's end, and into the next bar's start, before it turns. */
export const ARROW_STUB = 8;

/**
 * The SVG path of an arrow from a blocker bar's end to a blocked bar's start:
 * right, down (or up), right; when the blocked bar starts too far left for that,
 * the arrow turns back between the two rows and comes in from the left.
 */
export function arrowPath(from: Point, to: Point): string {
  if (to.x - from.x >= 2 * ARROW_STUB) {
    const turn = from.x + ARROW_STUB;
    return `M ${from.x} ${from.y} H ${turn} V ${to.y} H ${to.x}`;
  }
  const between = from.y + (to.y >= from.y ? 1 : -1) * (LAYOUT.row / 2);
  return `M ${from.x} ${from.y} H ${from.x + ARROW_STUB} V ${between} H ${to.x - ARROW_STUB} V ${to.y} H ${to.x}`;
}

export type DependencyArrow = {
  blockerId: string;
  blockedId: string;
  from: Point;
  to: Point;
  path: string;
  /** The blocked task starts before its blocker ends. */
  isEarly: boolean;
};

/**
 * The arrows of the "blocked by" links whose two tasks both have a bar and a
 * row: from the end of the blocker's bar to the start of the blocked one,
 * between the closest pair of their rows. `x` places a day's left edge; a day
 * is `dayWidth` wide.
 */
export function dependencyArrows({
  links,
  spanOf,
  rows,
  x,
  dayWidth,
}: {
  links: readonly { blockerId: string; blockedId: string }[];
  spanOf: (taskId: string) => Span | null;
  rows: Map<string, number[]>;
  x: (date: Date) => number;
  dayWidth: number;
}): DependencyArrow[] {
  const arrows: DependencyArrow[] = [];
  for (const { blockerId, blockedId } of links) {
    const blocker = spanOf(blockerId);
    const blocked = spanOf(blockedId);
    const fromRows = rows.get(blockerId) ?? [];
    const toRows = rows.get(blockedId) ?? [];
    if (!blocker || !blocked || fromRows.length === 0 || toRows.length === 0) continue;
    let best: [number, number] | null = null;
    for (const a of fromRows)
      for (const b of toRows) if (!best || Math.abs(a - b) < Math.abs(best[0] - best[1])) best = [a, b];
    const [fromY, toY] = best as [number, number];
    const from = { x: x(blocker.end) + dayWidth, y: fromY };
    const to = { x: x(blocked.start), y: toY };
    arrows.push({
      blockerId,
      blockedId,
      from,
      to,
      path: arrowPath(from, to),
      isEarly: startsBeforeBlockerEnds(blocker, blocked),
    });
  }
  return arrows;
}
