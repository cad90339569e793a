import { describe, expect, it } from "vitest";
import { barOf, dragged, isoDay, rangeOf } from "@/components/tasks/timeline-math";

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
