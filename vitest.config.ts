import os from "node:os";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/**
 * The hostile-input files (minutes each, lib/testing/hostile-input-suite.ts) start
 * first, side by side, and the rest fill the workers around them; otherwise Vitest
 * runs larger or slower files first, from its cache when it has one.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (f: TestSpecification) => /hostile-input/.test(f.moduleId);
    return [...sorted.filter(long), ...sorted.filter((f) => !long(f))];
  }
}

// Unit tests sit beside the code (*.test.ts); integration tests (*.int.test.ts)
// need DATABASE_URL, which scripts/test.ts provides with a throw-away database.
export default defineConfig({
  resolve: {
    alias: [
      { find: "@", replacement: path.resolve(__dirname) },
      // Data modules guard against client bundles; under Node they are plain modules.
      { find: "server-only", replacement: path.resolve(__dirname, "node_modules/server-only/empty.js") },
      // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses.
      { find: /^next\/(server|headers|navigation|cache)$/, replacement: "next/$1.js" },
    ],
  },
  test: {
    environment: "node",
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.ts",
      "components/**/*.test.tsx",
      "prisma/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    exclude: ["node_modules", ".next", "e2e"],
    // Inlined so the alias above applies to its imports.
    server: { deps: { inline: ["next-auth"] } },
    // Integration tests spend most of their time waiting on PostgreSQL, so even a
    // 2-core machine runs three test files at once (Vitest's default there is one).
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
