// npm run bench:web: Lighthouse's performance audit of the pages a user opens first —
// sign-in, the plan list, the board and the plan dashboard — as a desktop and as a mobile
// (Lighthouse's default: a mid-range phone on a throttled 4G connection, simulated), signed
// in as the demo owner. A throw-away database with the demo team (on DATABASE_URL's server,
// else an embedded PostgreSQL), the production build served by `next start`, and Chromium
// (CHROMIUM_PATH, else Debian's headless shell or chromium). Prints figures, never fails on
// them; BENCH_WEB_THROTTLING=devtools measures under real throttling instead of Lighthouse's
// simulation; BENCH_WEB_RUNS runs each page that many times and keeps the median (default 3).
// BENCH_WEB_REPORTS=<directory> also keeps every run's Lighthouse report there (JSON, to open
// in the Lighthouse viewer and see, for instance, which element was the LCP).
import fs from "node:fs";
import os from "node:os";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Result as LighthouseResult } from "lighthouse";
import pg from "pg";
import { DEMO_PLAN_TITLE, DEMO_TEAM, DEMO_USERS } from "../prisma/seed/demo";
import { BenchHarness, fmt, printTable, step } from "./lib/bench-harness";
import { signIn } from "./lib/bench-sign-in";
import { needsBuild } from "./lib/build";
import { ROOT, StartupError, migrate, run, seed } from "./lib/postgres";

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const REPORTS = process.env.BENCH_WEB_REPORTS;
// "simulate" (Lighthouse's default: one unthrottled load, times estimated for the slow phone and
// network) or "devtools" (the load itself runs throttled, times measured).
const THROTTLING = process.env.BENCH_WEB_THROTTLING === "devtools" ? "devtools" : "simulate";
const harness = new BenchHarness("bench:web");

// The goals for an idle machine, mobile.
const GOALS = { score: 90, lcpMs: 1500, tbtMs: 200 };

function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/lib/chromium/chromium-headless-shell",
    "/usr/bin/chromium",
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found)
    throw new StartupError(
      "Chromium not found: install Debian's chromium-headless-shell (npm test does) or set CHROMIUM_PATH.",
    );
  return found;
}

type Figures = { score: number; fcp: number; lcp: number; tbt: number; cls: number; scriptKb: number; totalKb: number };

// Lighthouse runs as its own command: it sends functions' source to the page, and this script's
// loader (tsx) would have added helpers to them that the page does not have.
const LIGHTHOUSE_CLI = path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js");

// Lighthouse keeps the browser's storage (--disable-storage-reset) so the session cookie set
// before the signed-in pages stays; the HTTP cache is cleared before each run instead, so every
// run is a first visit.
async function lighthouse(url: string, port: number, formFactor: "desktop" | "mobile"): Promise<LighthouseResult> {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    `--port=${port}`,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance",
    "--disable-storage-reset",
    "--quiet",
    `--throttling-method=${THROTTLING}`,
    ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as LighthouseResult;
}

function figuresOf(lhr: LighthouseResult): Figures {
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const summary = (
    lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] }
  )?.items;
  const size = (type: string) => (summary?.find((i) => i.resourceType === type)?.transferSize ?? 0) / 1024;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    scriptKb: size("script"),
    totalKb: size("total"),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function demoPlanId(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT p.id FROM "Plan" p JOIN "Team" t ON t.id = p."teamId" WHERE t.slug = $1 AND p.title = $2`,
      [DEMO_TEAM.slug, DEMO_PLAN_TITLE],
    );
    if (!rows[0]) throw new StartupError("The demo plan was not seeded.");
    return rows[0].id;
  } finally {
    await client.end();
  }
}

async function main() {
  const [load1] = os.loadavg();
  console.log(
    `Pathwise web bench: ${os.cpus().length} CPUs, load ${fmt(load1 ?? 0, 2)}; median of ${RUNS} Lighthouse run${RUNS === 1 ? "" : "s"} per page, throttling: ${THROTTLING}.`,
  );
  step("Throw-away database with the demo team");
  const databaseUrl = await harness.createDatabase();
  await migrate(databaseUrl);
  await seed(databaseUrl);
  const planId = await demoPlanId(databaseUrl);

  const env = harness.appEnv(databaseUrl, { JOBS: "off" });
  if (needsBuild()) {
    step("Production build");
    await run("next", ["build"], env);
  }
  step("Starting next start");
  const base = await harness.startApp(env);
  const cookie = await signIn(base, DEMO_USERS.owner);
  console.log(`App at ${base}, signed in as ${DEMO_USERS.owner.email}`);

  const plan = `${base}/t/${DEMO_TEAM.slug}/plans/${planId}`;
  const pages = [
    { name: "Sign-in (signed out)", url: `${base}/sign-in`, signedIn: false },
    { name: "Plan list", url: `${base}/t/${DEMO_TEAM.slug}`, signedIn: true },
    { name: "Board", url: `${plan}?view=board`, signedIn: true },
    { name: "Plan dashboard", url: `${plan}/dashboard`, signedIn: true },
  ];
  const chromePath = chromiumPath();
  step(`Lighthouse ${"12.2.3"} with ${chromePath}`);
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Playwright drives the same browser over CDP to set the session cookie and clear the cache.
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const cdp = await context.newCDPSession(await context.newPage());
  const results = new Map<string, string[]>();
  let hasSession = false;
  try {
    // Signed-out pages first, then the session cookie, then the signed-in pages.
    for (const page of [...pages].sort((a, b) => Number(a.signedIn) - Number(b.signedIn))) {
      if (page.signedIn && !hasSession) {
        hasSession = true;
        await context.addCookies(
          cookie.split("; ").map((pair) => {
            const eq = pair.indexOf("=");
            return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: base };
          }),
        );
      }
      for (const formFactor of ["desktop", "mobile"] as const) {
        const runs: Figures[] = [];
        for (let i = 0; i < RUNS; i++) {
          await cdp.send("Network.clearBrowserCache");
          const lhr = await lighthouse(page.url, chrome.port, formFactor);
          if (lhr.runtimeError) throw new StartupError(`${page.name}: ${lhr.runtimeError.message}`);
          if (page.signedIn && lhr.finalDisplayedUrl.includes("/sign-in"))
            throw new StartupError(`${page.name}: redirected to sign-in; the session cookie was not sent.`);
          if (REPORTS) {
            fs.mkdirSync(REPORTS, { recursive: true });
            const slug = page.name
              .toLowerCase()
              .replace(/[^a-z]+/g, "-")
              .replace(/-$/, "");
            const name = `${slug}-${formFactor}-${i + 1}.json`;
            fs.writeFileSync(path.join(REPORTS, name), JSON.stringify(lhr));
          }
          runs.push(figuresOf(lhr));
          process.stdout.write(".");
        }
        const m = (key: keyof Figures) => median(runs.map((r) => r[key]));
        const metGoal =
          formFactor === "mobile" && m("score") >= GOALS.score && m("lcp") <= GOALS.lcpMs && m("tbt") <= GOALS.tbtMs;
        results.set(`${formFactor} ${page.name}`, [
          page.name,
          formFactor,
          fmt(m("score")),
          fmt(m("fcp")),
          fmt(m("lcp")),
          fmt(m("tbt")),
          fmt(m("cls"), 3),
          fmt(m("scriptKb")),
          fmt(m("totalKb")),
          formFactor === "mobile" ? (metGoal ? "yes" : "NO") : "",
        ]);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    chrome.kill();
    await harness.stopApp();
  }
  console.log("");
  step(
    `Results (median; goal on mobile: score ≥ ${GOALS.score}, LCP ≤ ${fmt(GOALS.lcpMs)} ms, TBT ≤ ${GOALS.tbtMs} ms, on an idle machine)`,
  );
  printTable(
    ["Page", "Form factor", "Score", "FCP ms", "LCP ms", "TBT ms", "CLS", "JS KB", "Total KB", "Mobile goal met"],
    (["desktop", "mobile"] as const).flatMap((formFactor) =>
      pages.map((page) => results.get(`${formFactor} ${page.name}`)!).filter(Boolean),
    ),
    [0, 1],
  );
  const [after] = os.loadavg();
  console.log(`Load average at the end: ${fmt(after ?? 0, 2)} on ${os.cpus().length} CPUs.`);
}

harness.run(main);
