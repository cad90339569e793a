import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { permissions } from "@/lib/authz";

const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;

/** The README's role table: one row per permission, a ✓ per role that holds it. */
function readmeMatrix(): Record<string, string[]> {
  const readme = fs.readFileSync(path.resolve(__dirname, "..", "README.md"), "utf8");
  const rows: Record<string, string[]> = {};
  for (const line of readme.split("\n")) {
    const cells = line
      .trim()
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    const name = /^`([a-zA-Z.]+)`$/.exec(cells[0] ?? "")?.[1];
    if (!name || cells.length !== 6) continue;
    rows[name] = ROLES.filter((_, i) => cells[2 + i] === "✓");
  }
  return rows;
}

describe("the permission matrix", () => {
  it("matches the README's role table exactly, permission by permission and role by role", () => {
    const expected = Object.fromEntries(Object.entries(permissions).map(([name, roles]) => [name, [...roles]]));
    expect(readmeMatrix()).toEqual(expected);
  });

  it("grants every permission to owners, and each lower role a subset of the role above", () => {
    for (const roles of Object.values(permissions) as readonly (readonly string[])[]) {
      expect(roles).toContain("OWNER");
      const held = ROLES.map((r) => roles.includes(r));
      expect(held).toEqual([...held].sort((a, b) => Number(b) - Number(a)));
    }
  });
});
