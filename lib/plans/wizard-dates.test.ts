import { describe, expect, it } from "vitest";
import { getTemplate } from "@/lib/catalog/catalog";
import {
  addCalendarMonths,
  emptyWizardState,
  startToday,
  templatesDueInPast,
  withDefaultDates,
  type WizardState,
} from "@/lib/plans/wizard-state";
import { todayIn } from "@/lib/time";

describe("wizard dates", () => {
  it("a fresh wizard starts today with a target six months later; given dates are kept", () => {
    expect(withDefaultDates(emptyWizardState(), "2026-03-15")).toMatchObject({
      startDate: "2026-03-15",
      targetDate: "2026-09-15",
    });
    const given = { ...emptyWizardState(), startDate: "2026-01-01", targetDate: "" };
    expect(withDefaultDates(given, "2026-03-15")).toBe(given);
  });

  it("adds calendar months, clamping to the end of shorter months and crossing years", () => {
    expect(addCalendarMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addCalendarMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addCalendarMonths("2026-12-01", 6)).toBe("2027-06-01");
  });

  it("finds the checked templates that would be due before today, and none for a start today", () => {
    const state: WizardState = {
      ...emptyWizardState(),
      startDate: "2026-01-01",
      targetDate: "2026-12-31",
      areas: ["R3"],
      off: ["R3.2"],
    };
    const today = "2026-03-01"; // 59 days after the start
    const expected = ["R3.1", "R3.3", "R3.4", "R3.5", "R3.6", "R3.7", "R3.8", "R3.9"].filter(
      (key) => getTemplate(key)!.durationDays < 59,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(templatesDueInPast(state, today)).toEqual(expected);
    expect(templatesDueInPast(startToday(state, today), today)).toEqual([]);
    expect(templatesDueInPast({ ...state, startDate: "" }, today)).toEqual([]);
  });

  it("starting today moves the target by the same number of days", () => {
    const state = { ...emptyWizardState(), startDate: "2026-01-01", targetDate: "2026-06-30" };
    expect(startToday(state, "2026-03-01")).toMatchObject({ startDate: "2026-03-01", targetDate: "2026-08-28" });
  });

  it("today is the calendar day of the given time zone", () => {
    const now = new Date("2026-05-31T20:30:00Z");
    expect(todayIn("Asia/Shanghai", now)).toBe("2026-06-01");
    expect(todayIn("UTC", now)).toBe("2026-05-31");
    expect(todayIn("America/Los_Angeles", now)).toBe("2026-05-31");
    expect(todayIn("Not/AZone", now)).toBe("2026-05-31");
  });
});
