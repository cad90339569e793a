import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Client-side validation messages are message keys until useLocalizedResolver
// translates them; a form whose zodResolver skips it shows raw keys.
function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

describe("forms", () => {
  it("every zodResolver goes through useLocalizedResolver", () => {
    const bare = ["components", "app"]
      .flatMap((root) => tsxFiles(path.join(process.cwd(), root)))
      .flatMap((file) =>
        fs
          .readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => ({ line, at: `${path.relative(process.cwd(), file)}:${i + 1}` }))
          .filter(
            ({ line }) =>
              /zodResolver\(/.test(line) &&
              !/useLocalizedResolver\(\s*zodResolver\(/.test(line) &&
              !/^import /.test(line.trim()),
          ),
      )
      .map(({ at }) => at);
    expect(bare).toEqual([]);
  });
});
