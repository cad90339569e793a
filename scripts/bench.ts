// npm run bench: prints figures, never passes or fails. A throw-away database (a
// new one on DATABASE_URL's server, or an embedded PostgreSQL when it is unset)
// gets the catalog and a large team (scripts/lib/bench-seed.ts); `next start`
// serves the production build to a signed-in owner while autocannon measures the
// dashboards, the progress API, the plan list, This week and a filtered task list, first one request at a
// time, then with 10 connections. EXPLAIN (ANALYZE, BUFFERS) of the main dashboard
// queries says whether they use an index. Before the app starts, the task search
// (?q=) is timed on the database (scripts/lib/bench-search.ts); BENCH_SEARCH_ONLY=1
// stops there. After the runs it prints each endpoint against its rollup query timed
// on the database, how the plan pages grow from the smallest plan to the largest, and
// what the rollup trigger adds to a task update: through the API (PATCH, as a client
// waits for it) and to the bare UPDATE statement. Sizes: BENCH_TASKS_BIG,
// BENCH_SIZE_PLANS, BENCH_PLANS, BENCH_TASKS_PER_PLAN, BENCH_MEMBERS; BENCH_SECONDS
// per run (default 10).
import crypto from "node:crypto";
import os from "node:os";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import {
  dilemmaSumsOnSql,
  planLinksAtSql,
  planLinksSql,
  planRollupRowsSql,
  rollupsSql,
  teamCellsSql,
  teamCountsSql,
} from "@/lib/progress/queries";
import { BenchHarness, autocannon, fmt, percentile, printTable, step, toDateInput } from "./lib/bench-harness";
import { benchSearch, searchQuery } from "./lib/bench-search";
import { benchSizesFromEnv, seedBenchTeam, type BenchTeam } from "./lib/bench-seed";
import { signIn } from "./lib/bench-sign-in";
import { needsBuild } from "./lib/build";
import { migrate, run, seed } from "./lib/postgres";
import { DAY_MS } from "@/lib/time";
import { hashToken } from "@/lib/tokens";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SEQUENTIAL_MAX_REQUESTS = 200;
const SEQUENTIAL_MIN_REQUESTS = 5; // a slow page keeps going past BENCH_SECONDS until it has these
const CONCURRENT_CONNECTIONS = 10;

const harness = new BenchHarness("bench");
const SEARCH_TERMS_NOTE = "findTasks's queries, one connection, after a warm-up";

type Figures = { count: number; p50: number; p95: number; p99: number; rps: number; non2xx: number; errors: number };

/** One autocannon run; latencies are taken from every response (autocannon's own histogram has no p95). */
async function measure(url: string, cookie: string, connections: number, maxRequests?: number): Promise<Figures> {
  const latencies: number[] = [];
  let non2xx = 0;
  let lastAt = 0;
  const startedAt = performance.now();
  const instance = autocannon({
    url,
    connections,
    duration: SECONDS,
    amount: maxRequests,
    timeout: 60,
    headers: { cookie },
  });
  // With `amount`, autocannon ignores `duration`: stop after BENCH_SECONDS once there are enough samples.
  const isDone = () =>
    maxRequests !== undefined &&
    latencies.length >= SEQUENTIAL_MIN_REQUESTS &&
    performance.now() - startedAt >= SECONDS * 1000;
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) non2xx++;
    lastAt = performance.now();
    if (isDone()) instance.stop();
  });
  const timer = maxRequests ? setTimeout(() => isDone() && instance.stop(), SECONDS * 1000) : undefined;
  const result = await instance;
  clearTimeout(timer);
  latencies.sort((a, b) => a - b);
  const seconds = Math.max(0.001, ((lastAt || performance.now()) - startedAt) / 1000);
  return {
    count: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
    non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Waits until the app runs no query: requests autocannon abandoned at the end of a run keep
 * running on the server and hold the database pool, which would fail the next target.
 */
async function settle(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    while (Date.now() - started < 180_000) {
      const { rows } = await client.query<{ busy: number }>(
        `SELECT COUNT(*)::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND state <> 'idle' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]?.busy === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
  const waited = (Date.now() - started) / 1000;
  if (waited > 1) process.stdout.write(` (waited ${fmt(waited)} s for the app's queries to finish)`);
}

type Target = {
  name: string;
  path: string;
  goalP95Ms?: number;
  /** Requests a second at ten connections. */
  goalRps?: number;
  /** The rollup query the endpoint reads, timed straight on the database to compare. */
  rawSql?: Prisma.Sql;
  /** Which growth series (1,000 → 20,000 tasks) the target belongs to. */
  series?: { name: string; tasks: number };
};
type Row = { target: Target; mode: string; figures?: Figures; note?: string };

async function benchmark(base: string, databaseUrl: string, cookie: string, targets: Target[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const target of targets) {
    const url = `${base}${target.path}`;
    process.stdout.write(`  ${target.name}:`);
    await settle(databaseUrl);
    const probe = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await probe.arrayBuffer();
    if (probe.status !== 200) {
      const note =
        probe.status === 404
          ? "not available (404)"
          : `answered ${probe.status}${probe.headers.get("location") ? ` → ${probe.headers.get("location")}` : ""}`;
      console.log(` ${note}`);
      if (probe.status >= 500)
        console.log(
          harness.appLog
            .slice(-6)
            .map((line) => `    [next] ${line}`)
            .join("\n"),
        );
      rows.push({ target, mode: "—", note });
      continue;
    }
    for (let i = 0; i < 3; i++) await fetch(url, { headers: { cookie } }).then((r) => r.arrayBuffer()); // warm-up, not counted
    process.stdout.write(` sequential…`);
    const sequential = await measure(url, cookie, 1, SEQUENTIAL_MAX_REQUESTS);
    process.stdout.write(` ${sequential.count} requests; ${CONCURRENT_CONNECTIONS} connections…`);
    const concurrent = await measure(url, cookie, CONCURRENT_CONNECTIONS);
    process.stdout.write(` ${concurrent.count} requests`);
    await settle(databaseUrl);
    console.log("");
    rows.push(
      { target, mode: "sequential", figures: sequential },
      { target, mode: `${CONCURRENT_CONNECTIONS} conn.`, figures: concurrent },
    );
  }
  return rows;
}

function printResults(rows: Row[]) {
  const lines = rows.map(({ target, mode, figures, note }) => {
    if (!figures)
      return [
        target.name,
        mode,
        note ?? "",
        "",
        "",
        "",
        "",
        "",
        "",
        target.goalP95Ms ? `p95 ≤ ${target.goalP95Ms} ms` : "—",
        "—",
      ];
    const sequential = mode === "sequential";
    const goal = sequential ? target.goalP95Ms : target.goalRps;
    const ok = figures.non2xx === 0 && figures.errors === 0;
    const met = goal === undefined ? "" : ok && (sequential ? figures.p95 <= goal : figures.rps >= goal) ? "yes" : "NO";
    return [
      target.name,
      mode,
      fmt(figures.count),
      fmt(figures.p50, 1),
      fmt(figures.p95, 1),
      fmt(figures.p99, 1),
      fmt(figures.rps, 1),
      fmt(figures.non2xx),
      fmt(figures.errors),
      goal === undefined ? "" : sequential ? `p95 ≤ ${goal} ms` : `≥ ${goal} req/s`,
      met,
    ];
  });
  printTable(
    ["Target", "Mode", "Requests", "p50 ms", "p95 ms", "p99 ms", "req/s", "non-2xx", "errors", "Goal", "Met"],
    lines,
    [0, 1, 9],
  );
  if (rows.some((r) => r.figures?.count === 0))
    console.log(
      `0 requests: no response completed within the run (requests still in flight at the end are not counted).`,
    );
}

// ── Growth, cost against the raw SQL, and the cost of keeping rollups ─────

/** p50 and p95 of one query run `times` times on one connection (JIT off, as the app's pool), after a warm-up. */
async function timeSql(databaseUrl: string, sql: Prisma.Sql, times = 60): Promise<{ p50: number; p95: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET jit = off");
    for (let i = 0; i < 5; i++) await client.query(sql.text, sql.values);
    const ms: number[] = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      await client.query(sql.text, sql.values);
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
  } finally {
    await client.end();
  }
}

/** Each endpoint's latency next to its rollup query's, and how each series grows from the smallest plan to the largest. */
async function printGrowthAndRatios(databaseUrl: string, rows: Row[]) {
  const sequential = rows.filter((r) => r.mode === "sequential" && r.figures);
  const ratioLines: string[][] = [];
  for (const { target, figures } of sequential) {
    if (!target.rawSql || !figures) continue;
    const sql = await timeSql(databaseUrl, target.rawSql);
    ratioLines.push([
      target.name,
      fmt(figures.p50, 1),
      fmt(sql.p50, 2),
      fmt(sql.p95, 2),
      `${fmt(figures.p50 / Math.max(sql.p50, 0.001), 0)}×`,
    ]);
  }
  if (ratioLines.length) {
    step("Endpoint against its raw rollup SQL (p50; the SQL timed on one connection, same run)");
    printTable(["Target", "endpoint p50 ms", "SQL p50 ms", "SQL p95 ms", "ratio"], ratioLines, [0]);
  }
  const series = new Map<string, Row[]>();
  for (const row of sequential)
    if (row.target.series) series.set(row.target.series.name, [...(series.get(row.target.series.name) ?? []), row]);
  const growthLines: string[][] = [];
  for (const [name, list] of series) {
    const sorted = [...list].sort((a, b) => a.target.series!.tasks - b.target.series!.tasks);
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    if (first === last) continue;
    const ratio = last.figures!.p95 / Math.max(first.figures!.p95, 0.001);
    growthLines.push([
      name,
      sorted.map((r) => `${fmt(r.target.series!.tasks)}: ${fmt(r.figures!.p95, 1)}`).join(" · "),
      `${fmt(ratio, 2)}×`,
      ratio <= 1.3 ? "yes" : "NO",
    ]);
  }
  if (growthLines.length) {
    step("Growth with the plan's size (sequential p95 ms; goal ≤ 1.3× from the smallest to the largest plan)");
    printTable(["Series", "tasks: p95 ms", "largest ÷ smallest", "Met"], growthLines, [0, 1]);
  }
}

/**
 * A task update (progress ±5 on an open task of plan A, one statement per commit, as the app's
 * task-write path ends) with the rollup trigger and without it, in alternating rounds on one
 * connection. Runs last: the rounds without the trigger leave the bench's rollups stale.
 */
/**
 * A task update as an integration makes it: PATCH /api/v1/tasks/:id with a new
 * progress and the version read last, one request at a time, in alternating rounds
 * with the rollup trigger on and off (the whole write: authentication, the task's
 * transaction, its event, the response). Leaves the trigger on; the rounds without
 * it leave plan A's rollups behind its tasks (`npm run db:rollups -- --rebuild`
 * would put them right), which no later step reads.
 */
async function apiUpdateCost(base: string, databaseUrl: string, team: BenchTeam) {
  const ROUNDS = 4;
  const PER_ROUND = 60;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const token = `pw_${crypto.randomBytes(32).toString("base64url")}`; // as lib/api-tokens/api-tokens.ts makes them
    await client.query(
      `INSERT INTO "ApiToken" (id, "teamId", "userId", name, "tokenHash", prefix, "roleCeiling")
       VALUES ('bench_token', $1, $2, 'Bench', $3, $4, 'OWNER')`,
      [team.teamId, team.userId, hashToken(token), token.slice(0, 10)],
    );
    const { rows: tasks } = await client.query<{ id: string; version: number; progress: number }>(
      `SELECT id, version, progress FROM "Task" WHERE "planId" = $1 AND status = 'IN_PROGRESS' ORDER BY id DESC LIMIT $2`,
      [team.planAId, PER_ROUND],
    );
    const patch = async (task: (typeof tasks)[number]) => {
      const progress = task.progress >= 50 ? task.progress - 5 : task.progress + 5;
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/tasks/${task.id}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ version: task.version, progress }),
      });
      const body = (await response.json()) as { version?: number };
      const ms = performance.now() - started;
      if (response.status !== 200 || body.version === undefined)
        throw new Error(`PATCH /api/v1/tasks/${task.id} answered ${response.status}`);
      Object.assign(task, { version: body.version, progress });
      return ms;
    };
    for (const task of tasks.slice(0, 20)) await patch(task); // warm-up, not measured
    const times: Record<"with" | "without", number[]> = { with: [], without: [] };
    for (let round = 0; round < ROUNDS * 2; round++) {
      const mode = round % 2 === 0 ? "with" : "without";
      await client.query(`ALTER TABLE "Task" ${mode === "with" ? "ENABLE" : "DISABLE"} TRIGGER "Task_update_rollups"`);
      for (const task of tasks) times[mode].push(await patch(task));
    }
    await client.query(`ALTER TABLE "Task" ENABLE TRIGGER "Task_update_rollups"`);
    for (const list of Object.values(times)) list.sort((a, b) => a - b);
    printTable(
      ["PATCH /api/v1/tasks/:id (plan A)", "updates", "p50 ms", "p95 ms"],
      (["with", "without"] as const).map((mode) => [
        `${mode} the rollup trigger`,
        fmt(times[mode].length),
        fmt(percentile(times[mode], 50), 2),
        fmt(percentile(times[mode], 95), 2),
      ]),
      [0],
    );
    const ratio = percentile(times.with, 50) / Math.max(percentile(times.without, 50), 0.001);
    console.log(
      `A task update through the API with the rollups: ${fmt(ratio, 2)}× one without at p50 (goal ≤ 1.5×: ${ratio <= 1.5 ? "yes" : "NO"}).`,
    );
  } finally {
    await client.end();
  }
}

async function updateCost(databaseUrl: string, team: BenchTeam) {
  const ROUNDS = 4;
  const PER_ROUND = 150;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Task" WHERE "planId" = $1 AND status = 'IN_PROGRESS' ORDER BY id LIMIT $2`,
      [team.planAId, PER_ROUND],
    );
    const update = `UPDATE "Task" SET progress = CASE WHEN progress >= 50 THEN progress - 5 ELSE progress + 5 END,
                           version = version + 1, "updatedAt" = now() WHERE id = $1`;
    const times: Record<"with" | "without", number[]> = { with: [], without: [] };
    for (let round = 0; round < ROUNDS * 2; round++) {
      const mode = round % 2 === 0 ? "with" : "without";
      await client.query(`ALTER TABLE "Task" ${mode === "with" ? "ENABLE" : "DISABLE"} TRIGGER "Task_update_rollups"`);
      for (const { id } of rows) {
        const started = performance.now();
        await client.query(update, [id]);
        times[mode].push(performance.now() - started);
      }
    }
    await client.query(`ALTER TABLE "Task" ENABLE TRIGGER "Task_update_rollups"`);
    for (const list of Object.values(times)) list.sort((a, b) => a - b);
    const p50 = (mode: "with" | "without") => percentile(times[mode], 50);
    const p95 = (mode: "with" | "without") => percentile(times[mode], 95);
    printTable(
      ["Task update (plan A)", "updates", "p50 ms", "p95 ms"],
      (["with", "without"] as const).map((mode) => [
        `${mode} the rollup trigger`,
        fmt(times[mode].length),
        fmt(p50(mode), 2),
        fmt(p95(mode), 2),
      ]),
      [0],
    );
    const ratio = p50("with") / Math.max(p50("without"), 0.001);
    console.log(
      `One UPDATE statement with the rollup trigger: ${fmt(ratio, 2)}× one without at p50 (goal ≤ 1.5×: ${ratio <= 1.5 ? "yes" : "NO"}).`,
    );
  } finally {
    await client.end();
  }
}

// ── EXPLAIN ────────────────────────────────────────────────────────────────

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Actual Total Time"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};
type ExplainOutput = [{ Plan: PlanNode; "Planning Time": number; "Execution Time": number }];

type ExplainCase = {
  name: string;
  source: string;
  sql: string;
  params: unknown[];
  /** Task and ActivityEvent should be reached through an index for one plan: what would help if they are not. */
  expect: Partial<Record<"Task" | "ActivityEvent", string>>;
};

// The dashboards' SQL comes from the app's own builders (lib/progress/queries.ts);
// the task list's is the first query Prisma sends for lib/tasks/find-tasks.ts
// findTasks with ?dilemma=D3&status=IN_PROGRESS (taken from the Prisma query log;
// assignee and dilemmas follow as two `IN (…)` lookups by primary key).
function explainCases(team: BenchTeam, now: Date, planIds: string[]): ExplainCase[] {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day60 = new Date(today.getTime() - 60 * DAY_MS);
  const { teamId, planAId: planId } = team;
  const fromSql = (sql: Prisma.Sql) => ({ sql: sql.text, params: sql.values });
  // The plan dashboard's days: the trend (plan A started 120 days ago, one point a day) and the 7- and 30-day changes.
  const days = Array.from({ length: 121 }, (_, i) => toDateInput(new Date(today.getTime() - i * DAY_MS)));
  return [
    {
      name: "Maintained rollups and status counts (plan A, now): what the plan dashboard and progress JSON read",
      source: "lib/progress/queries.ts planRollupRowsSql",
      ...fromSql(planRollupRowsSql({ teamId, planIds: [planId] })),
      expect: {},
    },
    {
      name: `Maintained rollups, open and overdue counts (${planIds.length} active plans): what the team dashboard reads`,
      source: "lib/progress/queries.ts planRollupRowsSql (dueBefore)",
      ...fromSql(planRollupRowsSql({ teamId, planIds, dueBefore: toDateInput(today) })),
      expect: {},
    },
    {
      name: "Rollups recomputed from the tasks (plan A, now): the query the rollups replace, and the ?at= replay's",
      source: "lib/progress/queries.ts rollupsSql(planLinksSql)",
      ...fromSql(rollupsSql(planLinksSql({ teamId, planId }))),
      expect: {
        Task: `Task(planId, status) exists but was not used; @@index([planId, status, progress]) on Task would allow an index-only scan for the rollup`,
      },
    },
    {
      name: "Replay at 60 days ago (plan A)",
      source: "lib/progress/queries.ts rollupsSql(planLinksAtSql)",
      ...fromSql(rollupsSql(planLinksAtSql({ teamId, planId, before: new Date(day60.getTime() + DAY_MS) }))),
      expect: {
        ActivityEvent: `ActivityEvent(planId, createdAt) exists but was not used; @@index([planId, taskId, id]) on ActivityEvent would serve the DISTINCT ON`,
      },
    },
    {
      name: "Trend and 7/30-day changes, 121 days, first view of the day (plan A)",
      source: "lib/progress/queries.ts dilemmaSumsOnSql",
      ...fromSql(dilemmaSumsOnSql({ teamId, planId, days })),
      expect: {
        ActivityEvent: `ActivityEvent(planId, createdAt) exists but was not used; the log of one plan should be read through it`,
      },
    },
    {
      name: "Trend and changes, today from yesterday's kept sums (plan A)",
      source: "lib/progress/queries.ts dilemmaSumsOnSql (changedAfter)",
      ...fromSql(dilemmaSumsOnSql({ teamId, planId, days: days.slice(0, 2), changedAfter: days[1]! })),
      expect: {
        ActivityEvent: `ActivityEvent(planId, createdAt) exists but was not used; the day's events of one plan should be read through it`,
      },
    },
    {
      name: `Team heat map recomputed from the tasks (${planIds.length} active plans), replaced by the rollups`,
      source: "lib/progress/queries.ts teamCellsSql",
      ...fromSql(teamCellsSql({ teamId, planIds })),
      expect: {},
    },
    {
      name: `Team open and overdue counts recomputed from the tasks (${planIds.length} active plans), replaced by the rollups`,
      source: "lib/progress/queries.ts teamCountsSql",
      ...fromSql(teamCountsSql({ teamId, planIds, day: toDateInput(today) })),
      expect: {},
    },
    {
      name: "Task list ?dilemma=D3&status=IN_PROGRESS",
      source: "lib/tasks/find-tasks.ts findTasks (Prisma)",
      sql: `SELECT "public"."Task"."id", "public"."Task"."planId", "public"."Task"."version", "public"."Task"."title", "public"."Task"."templateKey", "public"."Task"."templateTextZh", "public"."Task"."templateTextEn", "public"."Task"."areaCode", "public"."Task"."pathCode", "public"."Task"."status"::text, "public"."Task"."priority"::text, "public"."Task"."progress", "public"."Task"."dueDate", "public"."Task"."assigneeId", "public"."Task"."teamId" FROM "public"."Task" WHERE ("public"."Task"."teamId" = $1 AND "public"."Task"."planId" = $2 AND "public"."Task"."status" IN (CAST($3::text AS "public"."TaskStatus")) AND EXISTS(SELECT "t0"."taskId", "t0"."teamId" FROM "public"."TaskDilemma" AS "t0" WHERE ("t0"."dilemmaCode" IN ($4) AND ("public"."Task"."id","public"."Task"."teamId") = ("t0"."taskId","t0"."teamId") AND "t0"."taskId" IS NOT NULL AND "t0"."teamId" IS NOT NULL))) ORDER BY "public"."Task"."areaCode" ASC, "public"."Task"."sortOrder" ASC, "public"."Task"."createdAt" ASC LIMIT $5 OFFSET $6`,
      params: [teamId, planId, "IN_PROGRESS", "D3", 2000, 0],
      expect: {
        Task: `Task(planId, status) exists but was not used; @@index([teamId, planId, status]) on Task`,
      },
    },
    ...["安全", "数据安全"].map((term) => ({
      name: `Task search ?q=${term}`,
      source: "lib/tasks/find-tasks.ts findTaskPage (Prisma), scripts/lib/bench-search.ts",
      ...searchQuery(teamId, planId, term),
      expect: {
        Task: `no index was used (Task(planId, …), Task_searchBigrams_idx or Task_searchText_trgm_idx); one plan's tasks should be read through one`,
      },
    })),
  ];
}

function flatten(node: PlanNode, depth = 0, out: { node: PlanNode; depth: number }[] = []) {
  out.push({ node, depth });
  for (const child of node.Plans ?? []) flatten(child, depth + 1, out);
  return out;
}

async function explain(databaseUrl: string, team: BenchTeam, now: Date): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const advice: string[] = [];
  try {
    await client.query("SET jit = off"); // as the app's connections (lib/db.ts)
    const { rows: indexRows } = await client.query<{ indexname: string; tablename: string }>(
      `SELECT indexname, tablename FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const tableOf = new Map(indexRows.map((r) => [r.indexname, r.tablename]));
    const { rows: planRows } = await client.query<{ id: string }>(
      `SELECT id FROM "Plan" WHERE "teamId" = $1 AND status = 'ACTIVE'`,
      [team.teamId],
    );
    for (const c of explainCases(
      team,
      now,
      planRows.map((p) => p.id),
    )) {
      const { rows } = await client.query<{ "QUERY PLAN": ExplainOutput }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${c.sql}`,
        c.params,
      );
      const output = rows[0]!["QUERY PLAN"][0];
      const nodes = flatten(output.Plan);
      console.log(`\n${c.name}  [${c.source}]`);
      console.log(`  execution ${fmt(output["Execution Time"], 1)} ms, planning ${fmt(output["Planning Time"], 1)} ms`);
      for (const { node, depth } of nodes) {
        const table = node["Relation Name"] ?? (node["Index Name"] ? tableOf.get(node["Index Name"]) : undefined);
        const target = [node["Index Name"] ? `using ${node["Index Name"]}` : "", table ? `on ${table}` : ""]
          .filter(Boolean)
          .join(" ");
        const blocks = (node["Shared Hit Blocks"] ?? 0) + (node["Shared Read Blocks"] ?? 0);
        console.log(
          `  ${"  ".repeat(depth)}${node["Node Type"]}${target ? ` ${target}` : ""}  (rows ${fmt(node["Actual Rows"] ?? 0)} × ${fmt(node["Actual Loops"] ?? 0)}, ${fmt(node["Actual Total Time"] ?? 0, 1)} ms, ${fmt(blocks)} blocks)`,
        );
      }
      const tables = [
        ...new Set(
          nodes
            .map(({ node }) => node["Relation Name"] ?? tableOf.get(node["Index Name"] ?? ""))
            .filter((t): t is string => Boolean(t)),
        ),
      ];
      for (const table of tables) {
        const hint = c.expect[table as keyof ExplainCase["expect"]];
        const scans = nodes
          .map((n) => n.node)
          .filter((n) => (n["Relation Name"] ?? tableOf.get(n["Index Name"] ?? "")) === table);
        const indexes = [
          ...new Set(
            scans.filter((n) => /Index/.test(n["Node Type"])).map((n) => `${n["Node Type"]} using ${n["Index Name"]}`),
          ),
        ];
        const seq = scans.filter((n) => n["Node Type"] === "Seq Scan");
        const verdict = seq.length
          ? `NO index: sequential scan over ${table} (${fmt(seq.reduce((s, n) => s + (n["Actual Rows"] ?? 0) * (n["Actual Loops"] ?? 1), 0))} rows kept)`
          : indexes.length
            ? `index used: ${indexes.join(", ")}`
            : "not scanned";
        console.log(`  → ${table}: ${verdict}${hint && seq.length ? "  ⚠" : ""}`);
        if (hint && seq.length) advice.push(`${c.name}: sequential scan over ${table}. ${hint}.`);
      }
    }
  } finally {
    await client.end();
  }
  return advice;
}

// ── main ───────────────────────────────────────────────────────────────────

async function main() {
  const now = new Date();
  const sizes = benchSizesFromEnv();
  const [load1] = os.loadavg();
  console.log(`Pathwise benchmark: ${os.cpus().length} CPUs, load ${fmt(load1 ?? 0, 2)}; ${SECONDS} s per run.`);

  step("Throw-away database");
  const databaseUrl = await harness.createDatabase();
  await migrate(databaseUrl);
  await seed(databaseUrl, { SEED_DEMO: "0" });

  step(
    `Seeding the bench team (plan A: ${fmt(sizes.bigTasks)} tasks, ${sizes.plans} plans × ${fmt(sizes.tasksPerPlan)} tasks, ${sizes.members} members)`,
  );
  const { team, counts, ms } = await seedBenchTeam(databaseUrl, sizes, now);
  console.log(
    `Seeded in ${fmt(ms / 1000, 1)} s: ${Object.entries(counts)
      .map(([table, n]) => `${table} ${fmt(n)}`)
      .join(", ")}`,
  );

  step(`Task search on plan A, timed on the database (${SEARCH_TERMS_NOTE})`);
  await benchSearch(databaseUrl, team);
  if (process.env.BENCH_SEARCH_ONLY === "1") return;

  // The API's per-token limit would refuse the task updates timed below (several hundred a minute).
  const env = harness.appEnv(databaseUrl, { API_RATE_LIMIT_PER_TOKEN: "100000", API_RATE_LIMIT_PER_IP: "100000" });
  if (needsBuild()) {
    step("Production build");
    await run("next", ["build"], env);
  }

  step("Starting next start");
  const base = await harness.startApp(env);
  console.log(`App at ${base}`);
  const cookie = await signIn(base, team);
  console.log(`Signed in as ${team.email}`);

  const at = toDateInput(new Date(now.getTime() - 60 * DAY_MS));
  const plan = `/t/${team.slug}/plans/${team.planAId}`;
  const api = (planId: string) => `/api/teams/${team.slug}/plans/${planId}/progress`;
  const activePlanIds = await activePlans(databaseUrl, team);
  const sized = (tasks: number) => `${fmt(tasks)} tasks${tasks === sizes.bigTasks ? ", plan A" : ""}`;
  const targets: Target[] = [
    ...team.sizedPlans.map((p): Target => ({
      name: `Plan dashboard (${sized(p.tasks)})`,
      path: `/t/${team.slug}/plans/${p.id}/dashboard`,
      goalP95Ms: 60,
      goalRps: 60,
      rawSql: planRollupRowsSql({ teamId: team.teamId, planIds: [p.id], dueBefore: toDateInput(now) }),
      series: { name: "Plan dashboard", tasks: p.tasks },
    })),
    {
      name: `Team dashboard (${fmt(activePlanIds.length)} plans)`,
      path: `/t/${team.slug}/dashboard`,
      goalP95Ms: 80,
      goalRps: 40,
      rawSql: planRollupRowsSql({ teamId: team.teamId, planIds: activePlanIds, dueBefore: toDateInput(now) }),
    },
    ...team.sizedPlans.map((p): Target => ({
      name: `Progress JSON (${sized(p.tasks)})`,
      path: api(p.id),
      goalP95Ms: 25,
      rawSql: planRollupRowsSql({ teamId: team.teamId, planIds: [p.id] }),
      series: { name: "Progress JSON", tasks: p.tasks },
    })),
    { name: `Progress JSON ?at=${at} (plan A)`, path: `${api(team.planAId)}?at=${at}` },
    { name: `Plan list (${fmt(activePlanIds.length)} plans, first page)`, path: `/t/${team.slug}` },
    { name: `This week (${fmt(activePlanIds.length)} active plans)`, path: `/t/${team.slug}/week` },
    { name: "Task list D3 + IN_PROGRESS (plan A)", path: `${plan}?dilemma=D3&status=IN_PROGRESS` },
    { name: "Task list ?q=安全 (plan A)", path: `${plan}?q=${encodeURIComponent("安全")}` },
  ];
  step(
    `Measuring (sequential: 1 connection, ≤ ${SEQUENTIAL_MAX_REQUESTS} requests or ${SECONDS} s; then ${CONCURRENT_CONNECTIONS} connections for ${SECONDS} s)`,
  );
  const rows = await benchmark(base, databaseUrl, cookie, targets);
  step("What a task update costs a client with and without the rollup trigger (PATCH through the API, one at a time)");
  await apiUpdateCost(base, databaseUrl, team);
  await harness.stopApp();

  step("Results (latency from every response; p95 goals apply to the sequential run, req/s goals to ten connections)");
  printResults(rows);
  await printGrowthAndRatios(databaseUrl, rows);

  step("EXPLAIN (ANALYZE, BUFFERS) of the main dashboard queries, plan A");
  const advice = await explain(databaseUrl, team, now);
  step("Index advice");
  console.log(
    advice.length
      ? advice.map((a) => `- ${a}`).join("\n")
      : "No sequential scan over Task or ActivityEvent in the queries above.",
  );

  step("What the rollup trigger adds to one UPDATE of a task's progress (alternating rounds, one connection)");
  await updateCost(databaseUrl, team);
}

async function activePlans(databaseUrl: string, team: BenchTeam): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Plan" WHERE "teamId" = $1 AND status = 'ACTIVE'`,
      [team.teamId],
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

harness.run(main);
