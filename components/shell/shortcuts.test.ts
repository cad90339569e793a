import { describe, expect, it } from "vitest";
import { planOfPath, shortcutFor, teamOfPath, type KeyLike } from "@/components/shell/shortcuts";

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: null,
  ...extra,
});
const field = (tagName: string) => ({ tagName, isContentEditable: false }) as unknown as EventTarget;

describe("shortcutFor", () => {
  it("opens the palette with Ctrl+K or Cmd+K, even while typing", () => {
    expect(shortcutFor(key("k", { ctrlKey: true }))).toBe("palette");
    expect(shortcutFor(key("K", { metaKey: true }))).toBe("palette");
    expect(shortcutFor(key("k", { ctrlKey: true, target: field("INPUT") }))).toBe("palette");
  });

  it("maps single keys outside text fields", () => {
    expect(shortcutFor(key("/"))).toBe("search");
    expect(shortcutFor(key("c"))).toBe("new");
    expect(shortcutFor(key("?"))).toBe("help");
    expect(shortcutFor(key("j"))).toBe("next");
    expect(shortcutFor(key("k"))).toBe("previous");
    expect(shortcutFor(key("e"))).toBe("edit");
    expect(shortcutFor(key("x"))).toBeNull();
  });

  it("leaves single keys to text fields and to other modifiers", () => {
    for (const tag of ["INPUT", "TEXTAREA", "SELECT"]) expect(shortcutFor(key("c", { target: field(tag) }))).toBeNull();
    expect(
      shortcutFor(key("c", { target: { tagName: "DIV", isContentEditable: true } as unknown as EventTarget })),
    ).toBeNull();
    expect(shortcutFor(key("c", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key("/", { altKey: true }))).toBeNull();
  });
});

describe("paths", () => {
  it("reads the team and plan of a path", () => {
    expect(teamOfPath("/t/acme/plans/p1/tasks/t1")).toBe("acme");
    expect(teamOfPath("/teams")).toBeNull();
    expect(planOfPath("/t/acme/plans/p1/tasks/t1")).toBe("p1");
    expect(planOfPath("/t/acme/plans/new")).toBeNull();
    expect(planOfPath("/t/acme/members")).toBeNull();
  });
});
