// npm test: formatting, typecheck, lint, unit and integration tests (Vitest) and end-to-end
// tests (Playwright, Debian Chromium) against a throw-away database: a new
// database on DATABASE_URL's server, or an embedded PostgreSQL when it is unset.
// `--only e2e` or `--only vitest` runs one part alone; with --only, further
// arguments go to that runner (`npm test -- --only vitest lib/tasks`).
import { execSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { needsBuild } from "./lib/build";
import {
  ROOT,
  StartupError,
  adminUrlOf,
  assertLocalDatabase,
  dropDatabase,
  ensureDatabase,
  freePort,
  migrate,
  parseDatabaseUrl,
  run,
  seed,
  startEmbedded,
  type EmbeddedServer,
} from "./lib/postgres";

const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const runnerArgs = onlyAt >= 0 ? process.argv.slice(onlyAt + 2) : [];
const RESULTS = path.join(ROOT, "test-results");

function step(name: string) {
  console.log(`\n▶ ${name}`);
}

// Debian's headless shell: Chromium without the desktop browser around it, which runs the
// tests in about half the CPU of the full browser on a two-core machine.
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) {
    if (fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new StartupError(`Chromium not found at ${process.env.CHROMIUM_PATH} (CHROMIUM_PATH).`);
  }
  if (fs.existsSync(HEADLESS_SHELL)) return HEADLESS_SHELL;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    step("Installing Debian's Chromium headless shell for the browser tests");
    execSync(
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null",
      { stdio: "inherit" },
    );
    if (fs.existsSync(HEADLESS_SHELL)) return HEADLESS_SHELL;
  }
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new StartupError(
    "Chromium not found. Install Debian's chromium-headless-shell (or chromium) package, or set CHROMIUM_PATH.",
  );
}

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

async function main() {
  const started = Date.now();
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: Counts) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  };
  fs.mkdirSync(RESULTS, { recursive: true });

  if (!only) {
    step("Formatting");
    await run("prettier", ["--check", "."]);
    step("Typecheck and lint (side by side)");
    await Promise.all([run("tsc", ["--noEmit"]), run("eslint", [".", "--max-warnings=0"])]);
  }

  step("Throw-away database");
  let embedded: EmbeddedServer | undefined;
  let adminUrl: string;
  let databaseUrl: string;
  const name = `pathwise_test_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  if (process.env.DATABASE_URL) {
    parseDatabaseUrl(process.env.DATABASE_URL);
    assertLocalDatabase(process.env.DATABASE_URL, "Tests");
    adminUrl = adminUrlOf(process.env.DATABASE_URL);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pathwise-test-pg-"));
    fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data directory
    embedded = await startEmbedded({ dir: path.join(dir, "data"), port: await freePort(), persistent: false });
    adminUrl = embedded.url("postgres");
    databaseUrl = embedded.url(name);
  }
  await ensureDatabase(adminUrl, name);
  console.log(`Database ${name} on ${new URL(databaseUrl).host}${embedded ? " (embedded)" : ""}`);

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // Tests that start servers of their own (not DATABASE_URL's) run once, in the pass on the service.
    TEST_DATABASE_KIND: embedded ? "embedded" : "service",
  };

  try {
    await migrate(databaseUrl);
    await seed(databaseUrl);

    // The production build for the e2e tests runs beside Vitest, which mostly waits on PostgreSQL.
    let build: Promise<void> = Promise.resolve();
    if ((!only || only === "e2e") && needsBuild()) {
      step("Production build");
      build = run("next", ["build"], { ...env, NODE_ENV: "production" });
      build.catch(() => undefined); // awaited before the e2e tests, which report it
    }

    if (!only || only === "vitest") {
      step("Unit and integration tests (Vitest)");
      const report = path.join(RESULTS, "vitest.json");
      try {
        await run(
          "vitest",
          ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...runnerArgs],
          env,
        );
      } finally {
        if (fs.existsSync(report)) add(vitestCounts(report));
      }
    }

    if (!only || only === "e2e") {
      const chromium = chromiumPath();
      await build;
      step("End-to-end tests (Playwright, Chromium)");
      const report = path.join(RESULTS, "e2e.json");
      try {
        await run("playwright", ["test", ...runnerArgs], {
          ...env,
          CHROMIUM_PATH: chromium,
          E2E_PORT: String(await freePort()),
          E2E_SMTP_PORT: String(await freePort()),
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
        });
      } finally {
        if (fs.existsSync(report)) add(playwrightCounts(report));
      }
    }
  } finally {
    await dropDatabase(adminUrl, name).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`\nAll checks ran in ${seconds} s.`);
    console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
