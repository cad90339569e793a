// npm run bench:live: prints figures, never passes or fails. Two `next start`
// instances of the production build on one throw-away database (DATABASE_URL's
// server, else an embedded PostgreSQL); 20 teams (BENCH_LIVE_TEAMS) of 10
// members (BENCH_LIVE_CLIENTS / teams), each member signed in through Auth.js
// and holding one Server-Sent Events stream of their team, half on each
// instance. The teams' integrations (one API token per team) then write 20
// times a second (BENCH_LIVE_WRITES_PER_SECOND) for 60 s (BENCH_LIVE_SECONDS)
// through the REST API, alternating instances: a PATCH of a task's progress.
// Latency is from the event row's createdAt (stamped in the write's transaction,
// just before it commits) to the moment the bench process reads the event from
// a stream. After the run every client's events are checked against the
// activity log: missed (a team event after the client's start it never got)
// and foreign (another team's event).
import crypto from "node:crypto";
import os from "node:os";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { hashToken } from "@/lib/tokens";
import { BenchHarness, fmt, percentile, printTable, step } from "./lib/bench-harness";
import { needsBuild } from "./lib/build";
import { StartupError, migrate, run, seed } from "./lib/postgres";

const TEAMS = Number(process.env.BENCH_LIVE_TEAMS ?? 20);
const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 200);
const WRITES_PER_SECOND = Number(process.env.BENCH_LIVE_WRITES_PER_SECOND ?? 20);
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 60);
/** After the last write, how long the streams may take to deliver the last events before they are counted missed. */
const DRAIN_MS = 5000;
const GOALS = { p95: 250 };
const PASSWORD = "pathwise-bench-live";

const harness = new BenchHarness("bench:live");

type TeamFixture = {
  id: string;
  slug: string;
  token: string;
  members: { id: string; email: string }[];
  tasks: { id: string; version: number }[];
};

/** Teams, members (one password hash for all) and one owner's API token per team, straight in the database. */
async function seedTeams(databaseUrl: string): Promise<TeamFixture[]> {
  const perTeam = Math.max(1, Math.ceil(CLIENTS / TEAMS));
  const passwordHash = await hash(PASSWORD); // argon2id, as lib/auth/password.ts
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const teams: TeamFixture[] = [];
    await client.query("BEGIN");
    for (let t = 0; t < TEAMS; t++) {
      const id = `live_team_${t}`;
      const slug = `live-team-${t}`;
      await client.query(`INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [
        id,
        `Live team ${t + 1}`,
        slug,
      ]);
      const members: TeamFixture["members"] = [];
      for (let m = 0; m < perTeam; m++) {
        const userId = `live_user_${t}_${m}`;
        const email = `live-${t}-${m}@pathwise.local`;
        await client.query(
          `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
          [userId, email, `Live ${t + 1}.${m + 1}`, passwordHash],
        );
        await client.query(
          `INSERT INTO "Membership" (id, "teamId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`,
          [`live_membership_${t}_${m}`, id, userId, m === 0 ? "OWNER" : "MEMBER"],
        );
        members.push({ id: userId, email });
      }
      const token = `pw_${crypto.randomBytes(32).toString("base64url")}`; // as lib/api-tokens/api-tokens.ts makes them
      await client.query(
        `INSERT INTO "ApiToken" (id, "teamId", "userId", name, "tokenHash", prefix, "roleCeiling") VALUES ($1, $2, $3, 'Live bench', $4, $5, 'OWNER')`,
        [`live_token_${t}`, id, members[0]!.id, hashToken(token), token.slice(0, 10)],
      );
      teams.push({ id, slug, token, members, tasks: [] });
    }
    await client.query("COMMIT");
    return teams;
  } finally {
    await client.end();
  }
}

async function api(base: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/** Each team's plan (area R1's templates) made through the API, and its tasks with their versions. */
async function createPlans(base: string, teams: TeamFixture[]) {
  // Two at a time: each makes a plan's tasks in one transaction, and the bench does not measure them.
  await eachLimited(teams, 2, async (team) => {
    const created = await api(base, team.token, "POST", "/api/v1/plans", {
      title: "Live plan",
      startDate: "2026-01-01",
      targetDate: "2027-12-31",
      areas: ["R1"],
    });
    if (created.status !== 201) throw new StartupError(`Plan creation answered ${created.status}.`);
    const planId = (created.json as { id: string }).id;
    const listed = await api(base, team.token, "GET", `/api/v1/plans/${planId}/tasks?limit=100`);
    team.tasks = (listed.json as { data: { id: string; version: number }[] }).data.map((t) => ({
      id: t.id,
      version: t.version,
    }));
    if (team.tasks.length === 0) throw new StartupError("The plan has no tasks.");
  });
}

/** Cookies from Set-Cookie headers, as one Cookie header. */
function cookieHeader(responses: Response[]): string {
  const cookies = new Map<string, string>();
  for (const response of responses) {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  return [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in through Auth.js's credentials endpoint; returns the session cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.clone().json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader([csrf]),
      "x-auth-return-redirect": "1",
    },
    body: new URLSearchParams({
      csrfToken,
      email,
      password: PASSWORD,
      callbackUrl: `${base}/teams`,
      redirect: "false",
      json: "true",
    }),
  });
  await response.arrayBuffer();
  const cookie = cookieHeader([csrf, response]);
  const session = (await fetch(`${base}/api/auth/session`, { headers: { cookie } }).then((r) => r.json())) as {
    user?: { email?: string };
  } | null;
  if (session?.user?.email !== email) throw new StartupError(`Sign-in of ${email} failed (${response.status}).`);
  return cookie;
}

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

type Received = { id: bigint; seq: bigint; teamId: string; at: number };

/**
 * One member's stream: every `change` event with the wall-clock time it was read.
 * Like EventSource, a stream that ends or fails is opened again after 2 s with
 * Last-Event-ID set to the last id received, so the server replays what it missed.
 */
class StreamClient {
  readyId: bigint | null = null;
  received: Received[] = [];
  /** Times the stream ended or failed and was opened again. */
  reconnects = 0;
  private lastId: string | null = null;
  private abort = new AbortController();

  constructor(
    readonly team: TeamFixture,
    readonly base: string,
    readonly cookie: string,
  ) {}

  open(): Promise<void> {
    return new Promise<void>((isReady, failed) => {
      const connect = async () => {
        const response = await fetch(`${this.base}/api/teams/${this.team.slug}/events`, {
          headers: {
            cookie: this.cookie,
            accept: "text/event-stream",
            ...(this.lastId ? { "last-event-id": this.lastId } : {}),
          },
          signal: this.abort.signal,
        });
        if (response.status !== 200 || !response.body) throw new StartupError(`Stream answered ${response.status}.`);
        const decoder = new TextDecoder();
        let buffer = "";
        const reader = response.body.getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const at = performance.timeOrigin + performance.now();
          buffer += decoder.decode(value, { stream: true });
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields: Record<string, string> = {};
            for (const line of block.split("\n")) {
              const colon = line.indexOf(":");
              if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
            }
            if (fields.id) this.lastId = fields.id;
            if (fields.event === "ready" && fields.id && this.readyId === null) {
              this.readyId = BigInt(fields.id);
              isReady();
            } else if (fields.event === "change" && fields.data) {
              const event = JSON.parse(fields.data) as { id: string; seq: string; teamId: string };
              this.received.push({ id: BigInt(event.id), seq: BigInt(event.seq), teamId: event.teamId, at });
            }
          }
        }
      };
      const run = async () => {
        for (;;) {
          try {
            await connect();
          } catch (error) {
            if (this.abort.signal.aborted) return;
            if (this.readyId === null) return failed(error instanceof Error ? error : new Error(String(error)));
          }
          if (this.abort.signal.aborted) return;
          this.reconnects += 1;
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      };
      void run();
    });
  }

  close() {
    this.abort.abort();
  }
}

type Write = { status: number; ms: number };

/** WRITES_PER_SECOND PATCHes of a task's progress, round robin over teams and tasks, alternating instances. */
async function drive(bases: string[], teams: TeamFixture[], seconds: number): Promise<Write[]> {
  const writes: Write[] = [];
  const pending: Promise<void>[] = [];
  const total = Math.round(seconds * WRITES_PER_SECOND);
  const startedAt = performance.now();
  const cursor = new Map<string, number>();
  for (let n = 0; n < total; n++) {
    const due = startedAt + (n * 1000) / WRITES_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const team = teams[n % teams.length]!;
    const index = cursor.get(team.id) ?? 0;
    cursor.set(team.id, index + 1);
    const task = team.tasks[index % team.tasks.length]!;
    const base = bases[n % bases.length]!;
    const sentAt = performance.now();
    pending.push(
      api(base, team.token, "PATCH", `/api/v1/tasks/${task.id}`, {
        version: task.version,
        progress: 1 + Math.floor(Math.random() * 99),
      })
        .then(({ status, json }) => {
          if (status === 200) task.version = (json as { version: number }).version;
          writes.push({ status, ms: performance.now() - sentAt });
        })
        .catch(() => void writes.push({ status: 0, ms: performance.now() - sentAt })),
    );
  }
  await Promise.all(pending);
  return writes;
}

async function main() {
  const [load1] = os.loadavg();
  console.log(
    `Pathwise live-updates benchmark: ${os.cpus().length} CPUs, load ${fmt(load1 ?? 0, 2)}; 2 instances, ${CLIENTS} stream clients over ${TEAMS} teams, ${WRITES_PER_SECOND} API writes a second for ${SECONDS} s.`,
  );

  step("A throw-away database");
  const databaseUrl = await harness.createDatabase();
  await migrate(databaseUrl);
  await seed(databaseUrl, { SEED_DEMO: "0" });
  const teams = await seedTeams(databaseUrl);
  const clientsOf = teams.flatMap((team) => team.members.map((member) => ({ team, member })));
  const clientSpecs = clientsOf.slice(0, CLIENTS);
  console.log(`${teams.length} teams, ${clientSpecs.length} members with a stream, one API token per team.`);

  const env = harness.appEnv(databaseUrl, {
    // Every client is on 127.0.0.1: the per-IP limits would otherwise throttle them all as one.
    API_RATE_LIMIT_PER_IP: "1000000",
    API_RATE_LIMIT_PER_TOKEN: "1000000",
    ACCOUNT_RATE_LIMIT_PER_IP: "1000000",
  });
  if (needsBuild()) {
    step("Production build");
    await run("next", ["build"], env);
  }
  step("Starting two instances of next start on the database");
  const bases = [await harness.startApp(env), await harness.startApp(env)];
  const [appA, appB] = harness.apps;
  const instances = [
    { name: "A", base: bases[0]!, app: appA },
    { name: "B", base: bases[1]!, app: appB },
  ];
  console.log(`Instances at ${bases.join(" and ")} (one AUTH_SECRET: a session works on both).`);

  step("Plans through the API, members signing in");
  await createPlans(bases[0]!, teams);
  // Warm-up, not measured: each instance serves a write and a stream once.
  for (const [i, team] of teams.slice(0, 2).entries()) {
    const task = team.tasks[0]!;
    const { status, json } = await api(bases[i]!, team.token, "PATCH", `/api/v1/tasks/${task.id}`, {
      version: task.version,
      progress: 1,
    });
    if (status === 200) task.version = (json as { version: number }).version;
  }
  const signInStarted = performance.now();
  const cookies: string[] = [];
  await eachLimited(clientSpecs, 4, async ({ member }, i) => {
    cookies[i] = await signIn(bases[i % 2]!, member.email);
  });
  console.log(`${cookies.length} members signed in (${fmt((performance.now() - signInStarted) / 1000, 1)} s).`);

  step(`Opening ${clientSpecs.length} streams, half on each instance`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const rssBefore = instances.map((i) => harness.appRssMb(i.app));
  const clients = clientSpecs.map(({ team }, i) => new StreamClient(team, bases[i % 2]!, cookies[i]!));
  const openStarted = performance.now();
  await eachLimited(clients, 20, (client) => client.open());
  console.log(`All streams ready in ${fmt((performance.now() - openStarted) / 1000, 1)} s.`);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const rssOpen = instances.map((i) => harness.appRssMb(i.app));

  step(`Writing for ${SECONDS} s`);
  const cpuBefore = instances.map((i) => harness.appCpuSeconds(i.app));
  let rssMax = [...rssOpen];
  const rssTimer = setInterval(
    () => (rssMax = instances.map((inst, k) => Math.max(rssMax[k]!, harness.appRssMb(inst.app)))),
    1000,
  );
  const runStarted = performance.now();
  const writes = await drive(bases, teams, SECONDS);
  const runSeconds = (performance.now() - runStarted) / 1000;
  const cpuAfter = instances.map((i) => harness.appCpuSeconds(i.app));
  clearInterval(rssTimer);
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  for (const client of clients) client.close();

  // What each client should have received: its team's events after its start (api_token.* are never sent).
  const check = new pg.Client({ connectionString: databaseUrl });
  await check.connect();
  const from = clients.reduce((min, c) => (c.readyId! < min ? c.readyId! : min), clients[0]!.readyId!);
  // readyId is a position in commit order (seq), as the streams send it.
  const { rows } = await check.query<{ id: string; seq: string; teamId: string; createdAt: Date }>(
    `SELECT id::text AS id, seq::text AS seq, "teamId", "createdAt" FROM "ActivityEvent" WHERE seq > $1 AND kind NOT LIKE 'api_token.%' ORDER BY seq`,
    [from.toString()],
  );
  await check.end();
  const events = new Map(rows.map((r) => [BigInt(r.id), r]));
  const latencies: number[] = [];
  const missed: number[] = [];
  const foreign: number[] = [];
  let duplicates = 0;
  for (const client of clients) {
    const got = new Set<bigint>();
    let foreignHere = 0;
    for (const r of client.received) {
      const event = events.get(r.id);
      if (r.teamId !== client.team.id || (event && event.teamId !== client.team.id)) foreignHere++;
      if (got.has(r.id)) duplicates++;
      got.add(r.id);
      if (event) latencies.push(r.at - event.createdAt.getTime());
    }
    let missedHere = 0;
    for (const [id, event] of events)
      if (event.teamId === client.team.id && BigInt(event.seq) > client.readyId! && !got.has(id)) missedHere++;
    missed.push(missedHere);
    foreign.push(foreignHere);
  }
  latencies.sort((a, b) => a - b);
  const writeMs = writes
    .filter((w) => w.status === 200)
    .map((w) => w.ms)
    .sort((a, b) => a - b);
  const statuses = new Map<number, number>();
  for (const w of writes) statuses.set(w.status, (statuses.get(w.status) ?? 0) + 1);
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const [load1After] = os.loadavg();

  step(`Results (${fmt(runSeconds, 1)} s of writes; load average ${fmt(load1After ?? 0, 2)} at the end)`);
  console.log(
    `Writes: ${fmt(writes.length)} (${fmt(writes.length / runSeconds, 1)}/s), ${[...statuses].map(([s, n]) => `${s}×${fmt(n)}`).join(", ")}; round trip p50 ${fmt(percentile(writeMs, 50), 1)} ms, p95 ${fmt(percentile(writeMs, 95), 1)} ms.`,
  );
  console.log(
    `Team events in the log: ${fmt(rows.length)}; deliveries expected ${fmt(clients.reduce((n, c) => n + rows.filter((r) => r.teamId === c.team.id && BigInt(r.seq) > c.readyId!).length, 0))}, received ${fmt(sum(clients.map((c) => c.received.length)))}.`,
  );
  const p95 = percentile(latencies, 95);
  printTable(
    ["Commit → client receipt", "Deliveries", "p50 ms", "p95 ms", "p99 ms", "max ms", "Goal"],
    [
      [
        "event createdAt → read from the stream",
        fmt(latencies.length),
        fmt(percentile(latencies, 50), 1),
        fmt(p95, 1),
        fmt(percentile(latencies, 99), 1),
        fmt(latencies.at(-1) ?? Number.NaN, 1),
        `p95 ≤ ${GOALS.p95} ms: ${p95 <= GOALS.p95 ? "yes" : "NO"}`,
      ],
    ],
    [0, 6],
  );
  console.log(
    `Missed events per client: max ${fmt(Math.max(...missed))}, total ${fmt(sum(missed))} (goal 0); foreign events per client: max ${fmt(Math.max(...foreign))}, total ${fmt(sum(foreign))} (goal 0); duplicates ${fmt(duplicates)}; reconnects (a stream that ended or failed, opened again with Last-Event-ID) ${fmt(sum(clients.map((c) => c.reconnects)))}.`,
  );
  printTable(
    ["Instance", "Streams", "RSS before MB", "RSS open MB", "KB per stream", "RSS max MB", "CPU s", "CPU %"],
    instances.map((inst, k) => {
      const streams = clients.filter((c) => c.base === inst.base).length;
      const cpu = cpuAfter[k]! - cpuBefore[k]!;
      return [
        inst.name,
        fmt(streams),
        fmt(rssBefore[k]!),
        fmt(rssOpen[k]!),
        fmt(((rssOpen[k]! - rssBefore[k]!) * 1024) / Math.max(1, streams), 1),
        fmt(rssMax[k]!),
        fmt(cpu, 1),
        fmt((100 * cpu) / runSeconds, 0),
      ];
    }),
    [0],
  );
  console.log("CPU % is of one core over the write phase (200 % = both cores of a 2-core machine).");
  await harness.stopApp();
}

harness.run(main);
