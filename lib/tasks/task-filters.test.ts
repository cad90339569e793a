import { describe, expect, it } from "vitest";
import { filtersToParams, hasFilters, parseTaskFilters } from "@/lib/tasks/task-filters";

describe("task filters in the URL", () => {
  it("reads lists, single values and flags, ignoring unknown codes", () => {
    const f = parseTaskFilters({
      area: "R3,R9",
      dilemma: ["D3", "D1"],
      status: "DONE,bogus",
      assignee: "me",
      overdue: "1",
      q: "  firewall ",
    });
    expect(f).toEqual({
      areas: ["R3"],
      dilemmas: ["D3", "D1"],
      paths: [],
      statuses: ["DONE"],
      priorities: [],
      assignee: "me",
      isOverdue: true,
      q: "firewall",
    });
  });

  it("ignores text that cannot be stored (NUL, lone surrogates) instead of searching for it", () => {
    const f = parseTaskFilters({ q: "fire\u0000wall", assignee: "\ud800", status: "DONE\u0000" });
    expect(f).toMatchObject({ q: "", assignee: undefined, statuses: [] });
    expect(parseTaskFilters({ q: "防火墙 🔥 جدار" }).q).toBe("防火墙 🔥 جدار");
  });

  it("round-trips through URL params", () => {
    const f = parseTaskFilters({ area: "R1,R2", priority: "HIGH", assignee: "unassigned" });
    expect(parseTaskFilters(Object.fromEntries(filtersToParams(f)))).toEqual(f);
  });

  it("knows when nothing is filtered", () => {
    expect(hasFilters(parseTaskFilters({}))).toBe(false);
    expect(hasFilters(parseTaskFilters({ q: "x" }))).toBe(true);
  });
});
