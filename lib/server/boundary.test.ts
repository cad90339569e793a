import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(process.cwd(), file);

describe("the server boundary", () => {
  it("pages, layouts and route handlers never query the database themselves", () => {
    const direct = sourceFiles(path.join(process.cwd(), "app"))
      .filter((file) => /from "@\/lib\/db"/.test(fs.readFileSync(file, "utf8")))
      .map(relative);
    expect(direct).toEqual([]);
  });

  it("the acting member's membership is read by lib/server/team-context.ts only", () => {
    const readers = ["app", "lib", "components"]
      .flatMap((root) => sourceFiles(path.join(process.cwd(), root)))
      .filter((file) =>
        /membership\.find\w*\(\{\s*where: \{ userId[^}]*team: \{ slug/.test(fs.readFileSync(file, "utf8")),
      )
      .map(relative);
    expect(readers).toEqual([]);
    expect(fs.readFileSync(path.join(process.cwd(), "lib/server/team-context.ts"), "utf8")).toMatch(
      /db\.membership\.findFirst/,
    );
  });
});
