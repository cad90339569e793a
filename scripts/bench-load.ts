// npm run bench:load: prints figures, never passes or fails. An embedded
// PostgreSQL of its own (so it can be restarted) gets the catalog and a team of
// 20 plans (BENCH_* sizes as in `npm run bench`); `next start` serves the
// production build; autocannon drives 50 API clients (BENCH_LOAD_CLIENTS), one
// token each, through a cycle of: list tasks with a filter, read a task, update
// it with the version read, post an indicator reading, read the plan's progress,
// each client at BENCH_LOAD_RATE requests a second (1; 0 = back to back).
// Run 1 lasts BENCH_LOAD_SECONDS (60); run 2 (BENCH_LOAD_OUTAGE_SECONDS, 30)
// stops PostgreSQL for 5 s in the middle. After each run the database is checked:
// every accepted update and reading is there, every refused one got 409 or 429.
import crypto from "node:crypto";
import os from "node:os";
import pg from "pg";
import { hashToken } from "@/lib/tokens";
import { BenchHarness, autocannon, fmt, percentile, printTable, step, toDateInput } from "./lib/bench-harness";
import { benchSizesFromEnv, seedBenchTeam, type BenchTeam } from "./lib/bench-seed";
import { needsBuild } from "./lib/build";
import { migrate, run, seed } from "./lib/postgres";
import { addDays } from "@/lib/time";

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
// Requests per second of each client (an integration pauses between calls); 0 sends back to back.
const RATE = Number(process.env.BENCH_LOAD_RATE ?? 1);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const OUTAGE_RUN_SECONDS = Number(process.env.BENCH_LOAD_OUTAGE_SECONDS ?? 30);
const OUTAGE_AT_MS = 10_000;
const OUTAGE_MS = 5_000;
const HOT_TASKS_PER_PLAN = 20; // clients of one plan share these, so some updates collide (409)
const GOALS = { readP95: 100, writeP95: 150, rssMb: 400 };

const harness = new BenchHarness("bench:load");

type Kind = "list" | "get" | "update" | "reading" | "progress";
const WRITES: Kind[] = ["update", "reading"];

type Sample = { kind: Kind; status: number; ms: number; at: number };
type Accepted = { taskId: string; version: number; progress: number };

type Fixture = {
  plans: { id: string; indicatorId: string; hotTasks: string[] }[];
  tokens: string[];
  versionsBefore: Map<string, number>;
  readingsBefore: number;
};

/** One token per client for the bench owner, one indicator per plan, and the tasks' versions before the run. */
async function prepare(databaseUrl: string, team: BenchTeam): Promise<Fixture> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: planRows } = await client.query<{ id: string }>(
      `SELECT id FROM "Plan" WHERE "teamId" = $1 ORDER BY id`,
      [team.teamId],
    );
    const plans: Fixture["plans"] = [];
    for (const plan of planRows) {
      const indicatorId = `bench_ind_${crypto.randomBytes(6).toString("hex")}`;
      await client.query(
        `INSERT INTO "Indicator" (id, "teamId", "planId", "dilemmaCode", name, unit, direction, baseline, target, "updatedAt")
         VALUES ($1, $2, $3, 'D4', 'Delivery time', 'h', 'DOWN', 48, 24, now())`,
        [indicatorId, team.teamId, plan.id],
      );
      const { rows: tasks } = await client.query<{ id: string }>(
        `SELECT id FROM "Task" WHERE "planId" = $1 AND status IN ('TODO', 'IN_PROGRESS') ORDER BY md5(id) LIMIT $2`,
        [plan.id, HOT_TASKS_PER_PLAN],
      );
      plans.push({ id: plan.id, indicatorId, hotTasks: tasks.map((t) => t.id) });
    }
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const secret = `pw_${crypto.randomBytes(32).toString("base64url")}`; // as lib/api-tokens/api-tokens.ts makes them
      await client.query(
        `INSERT INTO "ApiToken" (id, "teamId", "userId", name, "tokenHash", prefix, "roleCeiling") VALUES ($1, $2, $3, $4, $5, $6, 'OWNER')`,
        [
          `bench_tok_${i}_${crypto.randomBytes(4).toString("hex")}`,
          team.teamId,
          team.userId,
          `load client ${i + 1}`,
          hashToken(secret),
          secret.slice(0, 10),
        ],
      );
      tokens.push(secret);
    }
    return { plans, tokens, ...(await databaseState(client, plans)) };
  } finally {
    await client.end();
  }
}

async function databaseState(client: pg.Client, plans: Fixture["plans"]) {
  const ids = plans.flatMap((p) => p.hotTasks);
  const { rows } = await client.query<{ id: string; version: number; progress: number }>(
    `SELECT id, version, progress FROM "Task" WHERE id = ANY($1)`,
    [ids],
  );
  const { rows: readings } = await client.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM "IndicatorReading" WHERE "indicatorId" = ANY($1)`,
    [plans.map((p) => p.indicatorId)],
  );
  return {
    versionsBefore: new Map(rows.map((r) => [r.id, r.version])),
    progress: new Map(rows.map((r) => [r.id, r.progress])),
    readingsBefore: readings[0]?.n ?? 0,
  };
}

type Context = { task?: { id: string; version: number }; sentAt?: number };
type Request = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest: (req: Request, context: Context) => Request;
  onResponse: (status: number, body: string, context: Context) => void;
};

/** Runs every client for `seconds`; `during` runs alongside (the outage). */
async function drive(base: string, fixture: Fixture, seconds: number, during?: (startedAt: number) => Promise<void>) {
  const samples: Sample[] = [];
  const accepted: Accepted[] = [];
  let acceptedReadings = 0;
  const refusedStatuses = new Map<number, number>();
  let errors = 0;
  let maxRssMb = 0;
  const rssTimer = setInterval(() => (maxRssMb = Math.max(maxRssMb, harness.appRssMb())), 1000);
  const startedAt = performance.now();

  const instances = fixture.tokens.map(async (token, i) => {
    // Clients start spread over a second, so paced clients do not all call at the same instant.
    await new Promise((resolve) => setTimeout(resolve, (i * 1000) / fixture.tokens.length));
    const plan = fixture.plans[i % fixture.plans.length]!;
    const pick = () => plan.hotTasks[Math.floor(Math.random() * plan.hotTasks.length)]!;
    const record = (kind: Kind, status: number, context: Context) =>
      samples.push({
        kind,
        status,
        ms: performance.now() - (context.sentAt ?? performance.now()),
        at: performance.now() - startedAt,
      });
    // A request's own headers replace the instance's, so writes carry the token themselves.
    const json = { "content-type": "application/json", authorization: `Bearer ${token}` };
    const requests: Request[] = [
      {
        method: "GET",
        path: `/api/v1/plans/${plan.id}/tasks?status=TODO,IN_PROGRESS&limit=50`,
        setupRequest: (req, context) => ((context.sentAt = performance.now()), req),
        onResponse: (status, _body, context) => record("list", status, context),
      },
      {
        method: "GET",
        path: "/api/v1/tasks/x",
        setupRequest: (req, context) => (
          (context.sentAt = performance.now()),
          { ...req, path: `/api/v1/tasks/${pick()}` }
        ),
        onResponse: (status, body, context) => {
          record("get", status, context);
          if (status === 200) {
            const task = JSON.parse(body) as { id: string; version: number };
            context.task = { id: task.id, version: task.version };
          }
        },
      },
      {
        method: "PATCH",
        path: "/api/v1/tasks/x",
        setupRequest: (req, context) => {
          context.sentAt = performance.now();
          // Without a successful read the update goes out with version 1, as a stale client would send it.
          const task = context.task ?? { id: pick(), version: 1 };
          const progress = 1 + Math.floor(Math.random() * 99);
          return {
            ...req,
            path: `/api/v1/tasks/${task.id}`,
            headers: json,
            body: JSON.stringify({ version: task.version, progress }),
          };
        },
        onResponse: (status, body, context) => {
          record("update", status, context);
          if (status === 200) {
            const task = JSON.parse(body) as { id: string; version: number; progress: number };
            accepted.push({ taskId: task.id, version: task.version, progress: task.progress });
          } else refusedStatuses.set(status, (refusedStatuses.get(status) ?? 0) + 1);
        },
      },
      {
        method: "POST",
        path: `/api/v1/indicators/${plan.indicatorId}/readings`,
        setupRequest: (req, context) => {
          context.sentAt = performance.now();
          const recordedOn = toDateInput(addDays(new Date(), -Math.floor(Math.random() * 60)));
          return {
            ...req,
            headers: json,
            body: JSON.stringify({ recordedOn, value: 20 + Math.round(Math.random() * 300) / 10 }),
          };
        },
        onResponse: (status, _body, context) => {
          record("reading", status, context);
          if (status === 201 || status === 200) acceptedReadings++;
        },
      },
      {
        method: "GET",
        path: `/api/v1/plans/${plan.id}/progress`,
        setupRequest: (req, context) => ((context.sentAt = performance.now()), req),
        onResponse: (status, _body, context) => record("progress", status, context),
      },
    ];
    return autocannon({
      url: base,
      connections: 1,
      duration: seconds,
      timeout: 10,
      ...(RATE > 0 ? { connectionRate: RATE } : {}),
      headers: { authorization: `Bearer ${token}` },
      requests,
    } as Parameters<typeof autocannon>[0]);
  });
  const side = during?.(startedAt);
  const results = await Promise.all(instances);
  await side;
  clearInterval(rssTimer);
  for (const r of results) errors += r.errors + r.timeouts;
  return {
    samples,
    accepted,
    acceptedReadings,
    refusedStatuses,
    errors,
    maxRssMb,
    seconds: (performance.now() - startedAt) / 1000,
  };
}

type RunResult = Awaited<ReturnType<typeof drive>>;

/** What the database holds after a run, against what the clients were told. */
async function verify(databaseUrl: string, fixture: Fixture, result: RunResult) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const after = await databaseState(client, fixture.plans);
    const acceptedPerTask = new Map<string, Accepted[]>();
    for (const a of result.accepted) acceptedPerTask.set(a.taskId, [...(acceptedPerTask.get(a.taskId) ?? []), a]);
    let lost = 0;
    let appliedUnacknowledged = 0;
    let wrongFinal = 0;
    for (const [taskId, before] of fixture.versionsBefore) {
      const list = acceptedPerTask.get(taskId) ?? [];
      const delta = (after.versionsBefore.get(taskId) ?? before) - before;
      if (delta < list.length) lost += list.length - delta;
      else appliedUnacknowledged += delta - list.length;
      const last = list.sort((a, b) => b.version - a.version)[0];
      if (last && last.version === after.versionsBefore.get(taskId) && last.progress !== after.progress.get(taskId))
        wrongFinal++;
    }
    const readingsAdded = after.readingsBefore - fixture.readingsBefore;
    return {
      lost,
      appliedUnacknowledged,
      wrongFinal,
      readingsLost: Math.max(0, result.acceptedReadings - readingsAdded),
      readingsUnacknowledged: Math.max(0, readingsAdded - result.acceptedReadings),
      next: { ...fixture, versionsBefore: after.versionsBefore, readingsBefore: after.readingsBefore },
    };
  } finally {
    await client.end();
  }
}

function report(
  name: string,
  result: RunResult,
  check: Awaited<ReturnType<typeof verify>>,
  window?: { from: number; to: number },
) {
  const inWindow = (s: Sample) => !window || s.at < window.from || s.at > window.to;
  const rows: string[][] = [];
  const line = (label: string, kinds: Kind[], goal?: number) => {
    const list = result.samples.filter((s) => kinds.includes(s.kind) && inWindow(s));
    const ok = list.filter((s) => s.status < 500);
    const ms = ok.map((s) => s.ms).sort((a, b) => a - b);
    const p95 = percentile(ms, 95);
    rows.push([
      label,
      fmt(list.length),
      fmt(list.length / result.seconds, 1),
      fmt(percentile(ms, 50), 1),
      fmt(p95, 1),
      fmt(percentile(ms, 99), 1),
      fmt(list.filter((s) => s.status >= 500).length),
      fmt(list.filter((s) => s.status === 409).length),
      fmt(list.filter((s) => s.status === 429).length),
      goal ? `p95 ≤ ${goal} ms: ${p95 <= goal ? "yes" : "NO"}` : "",
    ]);
  };
  const kinds: Kind[] = ["list", "get", "update", "reading", "progress"];
  for (const kind of kinds) line(kind, [kind]);
  line(
    "reads",
    kinds.filter((k) => !WRITES.includes(k)),
    window ? undefined : GOALS.readP95,
  );
  line("writes", WRITES, window ? undefined : GOALS.writeP95);
  line("all", kinds);
  step(
    `${name}: ${fmt(result.samples.length)} responses in ${fmt(result.seconds, 1)} s (${fmt(result.samples.length / result.seconds, 1)} req/s)${window ? ", outside the outage" : ""}`,
  );
  printTable(["Requests", "Count", "req/s", "p50 ms", "p95 ms", "p99 ms", "5xx", "409", "429", "Goal"], rows, [0, 9]);
  const refused = [...result.refusedStatuses].map(([s, n]) => `${s}×${fmt(n)}`).join(", ") || "none";
  const unexpected = [...result.refusedStatuses].filter(([s]) => s !== 409 && s !== 429 && !(window && s === 503));
  console.log(
    `Updates: ${fmt(result.accepted.length)} accepted, refused: ${refused}${unexpected.length ? "  ⚠ refused with another status" : ""}`,
  );
  console.log(
    `Lost updates: ${check.lost} (accepted but not in the database); final values differing from the last accepted update: ${check.wrongFinal}; applied without an answer: ${check.appliedUnacknowledged}`,
  );
  console.log(
    `Readings: ${fmt(result.acceptedReadings)} accepted, lost: ${check.readingsLost}, stored without an answer: ${check.readingsUnacknowledged}`,
  );
  console.log(`Client errors (connection resets, timeouts): ${fmt(result.errors)}`);
  console.log(
    `App RSS (all processes of next start), highest: ${fmt(result.maxRssMb)} MB (goal ≤ ${GOALS.rssMb} MB: ${result.maxRssMb <= GOALS.rssMb ? "yes" : "NO"})`,
  );
}

async function main() {
  const sizes = benchSizesFromEnv({
    BENCH_TASKS_BIG: "1000",
    BENCH_PLANS: "19",
    BENCH_TASKS_PER_PLAN: "500",
    BENCH_SIZE_PLANS: "",
    ...process.env,
  });
  const [load1] = os.loadavg();
  const pace =
    RATE > 0
      ? `each ${RATE} request${RATE === 1 ? "" : "s"} a second (${fmt(CLIENTS * RATE)} req/s offered)`
      : "each sending back to back";
  console.log(
    `Pathwise load benchmark: ${os.cpus().length} CPUs, load ${fmt(load1 ?? 0, 2)}; ${CLIENTS} API clients, ${pace}; ${SECONDS} s, then ${OUTAGE_RUN_SECONDS} s with a database restart.`,
  );

  step("Embedded PostgreSQL and a throw-away database");
  const databaseUrl = await harness.createDatabase({ embedded: true });
  await migrate(databaseUrl);
  await seed(databaseUrl, { SEED_DEMO: "0" });
  step(`Seeding the team (${sizes.plans + 1} plans, ${fmt(sizes.bigTasks + sizes.plans * sizes.tasksPerPlan)} tasks)`);
  const { team, ms } = await seedBenchTeam(databaseUrl, sizes);
  const fixture = await prepare(databaseUrl, team);
  console.log(
    `Seeded in ${fmt(ms / 1000, 1)} s; ${fixture.tokens.length} API tokens, ${fixture.plans.length} indicators, ${fmt(fixture.versionsBefore.size)} contended tasks.`,
  );

  const env = harness.appEnv(databaseUrl, {
    // Every client is on 127.0.0.1: the per-IP limit would otherwise throttle them all as one.
    API_RATE_LIMIT_PER_IP: process.env.API_RATE_LIMIT_PER_IP ?? "1000000",
    API_RATE_LIMIT_PER_TOKEN: process.env.API_RATE_LIMIT_PER_TOKEN ?? "1000000",
  });
  if (needsBuild()) {
    step("Production build");
    await run("next", ["build"], env);
  }
  step("Starting next start");
  const base = await harness.startApp(env);
  console.log(
    `App at ${base}; rate limits per token ${env.API_RATE_LIMIT_PER_TOKEN}, per IP ${env.API_RATE_LIMIT_PER_IP} a minute (still counted in PostgreSQL on every request).`,
  );

  // Unmeasured warm-up: the first requests of each route load and optimise its code.
  const warm = await drive(base, fixture, 5);
  const warmed = (await verify(databaseUrl, fixture, warm)).next;

  const steady = await drive(base, warmed, SECONDS);
  const steadyCheck = await verify(databaseUrl, warmed, steady);
  report("Run 1, steady load", steady, steadyCheck);

  let outage: { from: number; to: number } | undefined;
  const withOutage = await drive(base, steadyCheck.next, OUTAGE_RUN_SECONDS, async (startedAt) => {
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_AT_MS));
    const { stoppedAt, startedAt: upAt } = await harness.restartEmbedded(OUTAGE_MS);
    outage = { from: stoppedAt - startedAt, to: upAt - startedAt };
  });
  const outageCheck = await verify(databaseUrl, steadyCheck.next, withOutage);
  report("Run 2, PostgreSQL stopped for 5 s", withOutage, outageCheck, outage);
  if (outage) {
    const during = withOutage.samples.filter((s) => s.at >= outage!.from && s.at <= outage!.to);
    const statuses = new Map<number, number>();
    for (const s of during) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    const ms = during.map((s) => s.ms).sort((a, b) => a - b);
    const firstOk = withOutage.samples
      .filter((s) => s.at > outage!.to && s.status < 500)
      .sort((a, b) => a.at - b.at)[0];
    console.log(
      `During the outage (${fmt((outage.to - outage.from) / 1000, 1)} s): ${fmt(during.length)} answers, ${[...statuses].map(([s, n]) => `${s}×${fmt(n)}`).join(", ") || "none"}; p50 ${fmt(percentile(ms, 50), 1)} ms, p95 ${fmt(percentile(ms, 95), 1)} ms.`,
    );
    console.log(
      `Recovered: first success ${firstOk ? `${fmt((firstOk.at - outage.to) / 1000, 2)} s after PostgreSQL was back` : "never"}; 5xx after that: ${fmt(withOutage.samples.filter((s) => s.at > (firstOk?.at ?? Infinity) && s.status >= 500).length)}.`,
    );
  }
  await harness.stopApp();
}

harness.run(main);
