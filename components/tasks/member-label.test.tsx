import { describe, expect, it } from "vitest";
import { colourOf, initialsOf, memberLabels } from "@/components/tasks/member-label";

describe("memberLabels", () => {
  it("adds the email only where two people share a name", () => {
    const labels = memberLabels([
      { id: "a", name: "Li Wei", email: "li.wei@a.test" },
      { id: "b", name: "li wei ", email: "wei.li@b.test" },
      { id: "c", name: "Zhang San", email: "zs@c.test" },
    ]);
    expect(labels.get("a")).toBe("Li Wei (li.wei@a.test)");
    expect(labels.get("b")).toBe("li wei  (wei.li@b.test)");
    expect(labels.get("c")).toBe("Zhang San");
  });
});

describe("avatars", () => {
  it("takes initials of the first and last word, or one character", () => {
    expect(initialsOf("Li Wei")).toBe("LW");
    expect(initialsOf("ada m. lovelace")).toBe("AL");
    expect(initialsOf("李伟")).toBe("李");
    expect(initialsOf("  ")).toBe("?");
  });

  it("gives a person the same colour every time", () => {
    expect(colourOf("user-1")).toBe(colourOf("user-1"));
    expect(new Set(["u1", "u2", "u3", "u4", "u5", "u6"].map(colourOf)).size).toBeGreaterThan(1);
  });
});
