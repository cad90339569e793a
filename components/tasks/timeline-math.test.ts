import { describe, expect, it } from "vitest";
import {
  barOf,
  dependencyArrows,
  dragged,
  isoDay,
  rangeOf,
  rowMiddles,
  startsBeforeBlockerEnds,
} from "@/components/tasks/timeline-math";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const days = (span: { start: Date; end: Date } | null) => span && [isoDay(span.start), isoDay(span.end)];

describe("timeline bars", () => {
  it("spans start to due; one date makes a one-day bar; none is unscheduled", () => {
    expect(days(barOf({ startDate: d("2026-03-01"), dueDate: d("2026-03-10") }))).toEqual(["2026-03-01", "2026-03-10"]);
    expect(days(barOf({ startDate: null, dueDate: d("2026-03-10") }))).toEqual(["2026-03-10", "2026-03-10"]);
    expect(barOf({ startDate: null, dueDate: null })).toBeNull();
  });

  it("moves both ends, or resizes one end without crossing the other", () => {
    const span = { start: d("2026-03-01"), end: d("2026-03-10") };
    expect(days(dragged(span, "move", 5))).toEqual(["2026-03-06", "2026-03-15"]);
    expect(days(dragged(span, "end", -3))).toEqual(["2026-03-01", "2026-03-07"]);
    expect(days(dragged(span, "end", -30))).toEqual(["2026-03-01", "2026-03-01"]);
    expect(days(dragged(span, "start", 20))).toEqual(["2026-03-10", "2026-03-10"]);
    expect(days(dragged(span, "move", -1))).toEqual(["2026-02-28", "2026-03-09"]);
  });

  it("shows the plan and every bar with a week of margin", () => {
    const range = rangeOf({ start: d("2026-01-05"), end: d("2026-06-30") }, [
      { start: d("2026-01-01"), end: d("2026-07-10") },
    ]);
    expect(days(range)).toEqual(["2025-12-25", "2026-07-17"]);
  });
});

describe("dependency arrows", () => {
  const spans: Record<string, { start: Date; end: Date }> = {
    a: { start: d("2026-03-01"), end: d("2026-03-10") },
    b: { start: d("2026-03-15"), end: d("2026-03-20") },
    c: { start: d("2026-03-05"), end: d("2026-03-12") },
  };
  const origin = d("2026-03-01");
  const x = (date: Date) => 256 + Math.round((date.getTime() - origin.getTime()) / 86_400_000) * 8;
  const arrowsOf = (links: { blockerId: string; blockedId: string }[], rows = rowMiddles([["a", "b", "c"]])) =>
    dependencyArrows({ links, spanOf: (id) => spans[id] ?? null, rows, x, dayWidth: 8 });

  it("lays rows out under the month header and each group's heading; a task in two groups has two rows", () => {
    const rows = rowMiddles([
      ["a", "b"],
      ["a", "c"],
    ]);
    expect(rows.get("a")).toEqual([32 + 36 + 19, 32 + 36 * 4 + 19]);
    expect(rows.get("b")).toEqual([32 + 36 * 2 + 19]);
    expect(rows.get("c")).toEqual([32 + 36 * 5 + 19]);
  });

  it("runs from the end of the blocker's bar to the start of the blocked one", () => {
    const [arrow] = arrowsOf([{ blockerId: "a", blockedId: "b" }]);
    // a ends on 03-10 (day 9): its bar's right edge is the end of that day; b starts on 03-15 (day 14).
    expect(arrow?.from).toEqual({ x: 256 + 10 * 8, y: 87 });
    expect(arrow?.to).toEqual({ x: 256 + 14 * 8, y: 123 });
    expect(arrow?.path).toBe("M 336 87 H 344 V 123 H 368");
    expect(arrow?.isEarly).toBe(false);
  });

  it("flags a task that starts before its blocker ends, and turns back between the rows to reach it", () => {
    const [arrow] = arrowsOf([{ blockerId: "a", blockedId: "c" }]);
    expect(arrow?.isEarly).toBe(true);
    expect(arrow?.path).toBe("M 336 87 H 344 V 105 H 280 V 159 H 288");
    // Starting on the blocker's due day is still before it ends; the day after is not.
    const blocker = { start: d("2026-03-01"), end: d("2026-03-10") };
    expect(startsBeforeBlockerEnds(blocker, { start: d("2026-03-10"), end: d("2026-03-11") })).toBe(true);
    expect(startsBeforeBlockerEnds(blocker, { start: d("2026-03-11"), end: d("2026-03-11") })).toBe(false);
  });

  it("follows a bar as it is dragged, uses the closest rows, and skips tasks without a bar or a row", () => {
    const moved = dragged(spans.b!, "move", -10);
    const [arrow] = dependencyArrows({
      links: [{ blockerId: "a", blockedId: "b" }],
      spanOf: (id) => (id === "b" ? moved : (spans[id] ?? null)),
      rows: rowMiddles([["a", "b"]]),
      x,
      dayWidth: 8,
    });
    expect(arrow?.to.x).toBe(256 + 4 * 8);
    expect(arrow?.isEarly).toBe(true);
    const twoGroups = rowMiddles([
      ["a", "c"],
      ["b", "a"],
    ]);
    expect(arrowsOf([{ blockerId: "a", blockedId: "b" }], twoGroups)[0]?.from.y).toBe(32 + 36 * 5 + 19);
    expect(arrowsOf([{ blockerId: "a", blockedId: "x" }])).toEqual([]);
    expect(arrowsOf([{ blockerId: "a", blockedId: "b" }], rowMiddles([["a"]]))).toEqual([]);
  });
});
