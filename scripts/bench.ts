// npm run bench: prints figures, never passes or fails. A throw-away database (a
// new one on DATABASE_URL's server, or an embedded PostgreSQL when it is unset)
// gets the catalog and a large team (scripts/lib/bench-seed.ts); `next start`
// serves the production build to a signed-in owner while autocannon measures the
// dashboards, the progress API and a filtered task list, first one request at a
// time, then with 10 connections. EXPLAIN (ANALYZE, BUFFERS) of the main dashboard
// queries says whether they use an index. Before the app starts, the task search
// (?q=) is timed on the database (scripts/lib/bench-search.ts); BENCH_SEARCH_ONLY=1
// stops there. Sizes: BENCH_TASKS_BIG, BENCH_PLANS, BENCH_TASKS_PER_PLAN,
// BENCH_MEMBERS; BENCH_SECONDS per run (default 10).
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
import { needsBuild } from "./lib/build";
import { StartupError, migrate, run, seed } from "./lib/postgres";
import { DAY_MS } from "@/lib/time";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SEQUENTIAL_MAX_REQUESTS = 200;
const SEQUENTIAL_MIN_REQUESTS = 5; // a slow page keeps going past BENCH_SECONDS until it has these
const CONCURRENT_CONNECTIONS = 10;

const harness = new BenchHarness("bench");
const SEARCH_TERMS_NOTE = "findTasks's queries, one connection, after a warm-up";

/** Cookies from Set-Cookie headers, as one Cookie header. */
class CookieJar {
  private cookies = new Map<string, string>();
  add(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Signs in through Auth.js's credentials endpoint and returns the session cookie header. */
async function signIn(base: string, team: BenchTeam): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.add(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
      "x-auth-return-redirect": "1",
    },
    body: new URLSearchParams({
      csrfToken,
      email: team.email,
      password: team.password,
      callbackUrl: `${base}/teams`,
      redirect: "false",
      json: "true",
    }),
  });
  jar.add(response);
  const session = (await fetch(`${base}/api/auth/session`, { headers: { cookie: jar.header() } }).then((r) =>
    r.json(),
  )) as { user?: { id?: string; email?: string } } | null;
  if (session?.user?.id !== team.userId) {
    throw new StartupError(
      `Sign-in failed (callback answered ${response.status}; session: ${JSON.stringify(session)}).`,
    );
  }
  console.log(`Signed in as ${session.user.email}`);
  return jar.header();
}

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

type Target = { name: string; path: string; goalP95Ms?: number };
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
    const hasGoal = target.goalP95Ms !== undefined && mode === "sequential";
    const met = hasGoal
      ? figures.p95 <= target.goalP95Ms! && figures.non2xx === 0 && figures.errors === 0
        ? "yes"
        : "NO"
      : "";
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
      hasGoal ? `p95 ≤ ${target.goalP95Ms} ms` : "",
      met,
    ];
  });
  printTable(
    [
      "Target",
      "Mode",
      "Requests",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "req/s",
      "non-2xx",
      "errors",
      "Goal (sequential)",
      "Met",
    ],
    lines,
    [0, 1, 9],
  );
  if (rows.some((r) => r.figures?.count === 0))
    console.log(
      `0 requests: no response completed within the run (requests still in flight at the end are not counted).`,
    );
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

  const env = harness.appEnv(databaseUrl);
  if (needsBuild()) {
    step("Production build");
    await run("next", ["build"], env);
  }

  step("Starting next start");
  const base = await harness.startApp(env);
  console.log(`App at ${base}`);
  const cookie = await signIn(base, team);

  const at = toDateInput(new Date(now.getTime() - 60 * DAY_MS));
  const plan = `/t/${team.slug}/plans/${team.planAId}`;
  const api = `/api/teams/${team.slug}/plans/${team.planAId}/progress`;
  const targets: Target[] = [
    { name: "Plan dashboard (plan A)", path: `${plan}/dashboard`, goalP95Ms: 150 },
    { name: "Team dashboard", path: `/t/${team.slug}/dashboard`, goalP95Ms: 300 },
    { name: "Progress JSON", path: api, goalP95Ms: 150 },
    { name: `Progress JSON ?at=${at}`, path: `${api}?at=${at}`, goalP95Ms: 150 },
    { name: "Task list D3 + IN_PROGRESS", path: `${plan}?dilemma=D3&status=IN_PROGRESS` },
    { name: "Task list ?q=安全", path: `${plan}?q=${encodeURIComponent("安全")}` },
  ];
  step(
    `Measuring (sequential: 1 connection, ≤ ${SEQUENTIAL_MAX_REQUESTS} requests or ${SECONDS} s; then ${CONCURRENT_CONNECTIONS} connections for ${SECONDS} s)`,
  );
  const rows = await benchmark(base, databaseUrl, cookie, targets);
  await harness.stopApp();

  step("Results (latency from every response; goals apply to the sequential run)");
  printResults(rows);

  step("EXPLAIN (ANALYZE, BUFFERS) of the main dashboard queries, plan A");
  const advice = await explain(databaseUrl, team, now);
  step("Index advice");
  console.log(
    advice.length
      ? advice.map((a) => `- ${a}`).join("\n")
      : "No sequential scan over Task or ActivityEvent in the queries above.",
  );
}

harness.run(main);
