// npm run bench:reach: prints figures, never passes or fails. Two `next start`
// instances (jobs on in both, as every instance is a worker) share a throw-away
// database; 20 webhook receivers (5 per team, 4 teams) and an SMTP server run in
// this process (WEBHOOK_ALLOW_PRIVATE=1, SMTP_URL pointing at it). API tokens of
// the teams' members change task status and progress and comment on tasks (each
// task created by one member and assigned to another, so the notification rules
// fire) at BENCH_REACH_RATE writes a second (40) until BENCH_REACH_EVENTS (10,000)
// have been sent, alternating between the instances. Halfway one instance is
// killed (SIGKILL); the rest goes to the other. Then it waits (at most
// BENCH_REACH_DRAIN_SECONDS, 900) until every event is at every endpoint that
// subscribed to it, and checks: every committed event id reached every subscribed
// endpoint at least once (duplicates counted: receivers dedupe by event id), with
// a valid signature; every mail the database counts as sent reached the SMTP server.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { CATALOG_VERSION } from "@/lib/catalog/catalog";
import { hashToken } from "@/lib/tokens";
import { BenchHarness, fmt, percentile, printTable, step } from "./lib/bench-harness";
import { needsBuild } from "./lib/build";
import { migrate, run, seed } from "./lib/postgres";

const EVENTS = Number(process.env.BENCH_REACH_EVENTS ?? 10_000);
const RATE = Number(process.env.BENCH_REACH_RATE ?? 40);
const DRAIN_SECONDS = Number(process.env.BENCH_REACH_DRAIN_SECONDS ?? 900);
const TEAMS = 4;
const ENDPOINTS_PER_TEAM = 5;
const TASKS_PER_TEAM = 60;
/** Members of each team: 0 creates the tasks, 1 is assigned them, 2 and 3 write through the API. */
const MEMBERS_PER_TEAM = 4;
const KILL_AT = Math.floor(EVENTS / 2);
const SUBSCRIBED = ["task.updated", "comment.created"];

const harness = new BenchHarness("bench:reach");
const second = new BenchHarness("bench:reach (instance B)");

type Team = { id: string; slug: string; tasks: string[]; tokens: string[]; userIds: string[] };
type Endpoint = { id: string; teamId: string; secret: string; url: string; eventTypes: string[] };
type Arrival = { eventId: string; type: string; latencyMs: number; at: number };

/** An HTTP receiver per endpoint: verifies the signature, keeps the first arrival of each event id, counts repeats. */
class Receiver {
  readonly first = new Map<string, Arrival>();
  duplicates = 0;
  badSignatures = 0;
  requests = 0;
  private server?: http.Server;
  url = "";

  constructor(readonly secret: string) {}

  async start(path: string) {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const at = Date.now();
        const body = Buffer.concat(chunks).toString();
        this.requests++;
        if (!this.verify(body, String(request.headers["pathwise-signature"] ?? ""))) this.badSignatures++;
        const payload = JSON.parse(body) as { id: string; type: string; occurredAt: string };
        if (this.first.has(payload.id)) this.duplicates++;
        else
          this.first.set(payload.id, {
            eventId: payload.id,
            type: payload.type,
            latencyMs: at - Date.parse(payload.occurredAt),
            at,
          });
        response.statusCode = 200;
        response.end();
      });
    });
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** The README's check: HMAC-SHA256 over "<t>.<raw body>", within 5 minutes. */
  private verify(body: string, header: string) {
    const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2))) as Record<
      string,
      string | undefined
    >;
    const timestamp = Number(parts.t);
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
    const expected = crypto.createHmac("sha256", this.secret).update(`${timestamp}.${body}`).digest();
    const given = Buffer.from(String(parts.v1 ?? ""), "hex");
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }

  close() {
    return new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

/** An SMTP server that counts what it is given, by recipient. */
async function startMailSink() {
  const mails: { to: string[]; at: number }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), at: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Teams, members (half of them reading Chinese), tasks created by member 0 and assigned to member 1, tokens and endpoints. */
async function seedReach(
  databaseUrl: string,
  receivers: Receiver[],
): Promise<{ teams: Team[]; endpoints: Endpoint[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows: templates } = await client.query<{ areaCode: string; pathCode: string }>(
      `SELECT "areaCode", "pathCode" FROM "TaskTemplate" ORDER BY key LIMIT 1`,
    );
    const { areaCode, pathCode } = templates[0]!;
    const catalogVersion = CATALOG_VERSION;
    const teams: Team[] = [];
    const endpoints: Endpoint[] = [];
    for (let t = 0; t < TEAMS; t++) {
      const teamId = `reach_team_${t}`;
      const slug = `reach-team-${t}`;
      await client.query(`INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [
        teamId,
        `Reach team ${t}`,
        slug,
      ]);
      const userIds: string[] = [];
      for (let m = 0; m < MEMBERS_PER_TEAM; m++) {
        const userId = `reach_user_${t}_${m}`;
        userIds.push(userId);
        await client.query(
          `INSERT INTO "User" (id, email, name, "passwordHash", locale, "updatedAt") VALUES ($1, $2, $3, 'x', $4, now())`,
          [userId, `reach-${t}-${m}@pathwise.local`, `Reach ${t}.${m}`, m % 2 === 0 ? "en" : "zh-CN"],
        );
        await client.query(
          `INSERT INTO "Membership" (id, "teamId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`,
          [`reach_membership_${t}_${m}`, teamId, userId, m === 0 ? "OWNER" : "MEMBER"],
        );
      }
      const planId = `reach_plan_${t}`;
      await client.query(
        `INSERT INTO "Plan" (id, "teamId", title, status, "startDate", "targetDate", "catalogVersion", "createdById", "updatedAt")
         VALUES ($1, $2, 'Reach plan', 'ACTIVE', current_date - 30, current_date + 300, $3, $4, now())`,
        [planId, teamId, catalogVersion, userIds[0]],
      );
      const tasks: string[] = [];
      for (let k = 0; k < TASKS_PER_TEAM; k++) {
        const taskId = `reach_task_${t}_${k}`;
        tasks.push(taskId);
        await client.query(
          `INSERT INTO "Task" (id, "teamId", "planId", "areaCode", "pathCode", title, status, "assigneeId", "createdById", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, 'TODO', $7, $8, now())`,
          [taskId, teamId, planId, areaCode, pathCode, `Reach task ${k}`, userIds[1], userIds[0]],
        );
        await client.query(
          `INSERT INTO "TaskDilemma" ("taskId", "teamId", "dilemmaCode", weight) VALUES ($1, $2, 'D1', 2)`,
          [taskId, teamId],
        );
      }
      const tokens: string[] = [];
      for (const m of [2, 3]) {
        const secret = `pw_${crypto.randomBytes(32).toString("base64url")}`; // as lib/api-tokens makes them
        await client.query(
          `INSERT INTO "ApiToken" (id, "teamId", "userId", name, "tokenHash", prefix, "roleCeiling") VALUES ($1, $2, $3, 'reach', $4, $5, 'MEMBER')`,
          [`reach_token_${t}_${m}`, teamId, userIds[m], hashToken(secret), secret.slice(0, 10)],
        );
        tokens.push(secret);
      }
      for (let e = 0; e < ENDPOINTS_PER_TEAM; e++) {
        const receiver = receivers[t * ENDPOINTS_PER_TEAM + e]!;
        // Endpoints 0–2 take both kinds, 3 only task updates, 4 only comments.
        const eventTypes = e < 3 ? SUBSCRIBED : e === 3 ? ["task.updated"] : ["comment.created"];
        const id = `reach_hook_${t}_${e}`;
        await client.query(
          `INSERT INTO "WebhookEndpoint" (id, "teamId", url, secret, "eventTypes") VALUES ($1, $2, $3, $4, $5)`,
          [id, teamId, receiver.url, receiver.secret, eventTypes],
        );
        endpoints.push({ id, teamId, secret: receiver.secret, url: receiver.url, eventTypes });
      }
      teams.push({ id: teamId, slug, tasks, tokens, userIds });
    }
    await client.query("COMMIT");
    return { teams, endpoints };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

type Write = { kind: "status" | "progress" | "comment"; status: number; ms: number; instance: "A" | "B" };

/** Sends EVENTS writes at RATE a second, one at a time per task (so versions never collide), killing B at KILL_AT. */
async function produce(teams: Team[], bases: { A: string; B: string }, onKill: () => void) {
  const writes: Write[] = [];
  let networkErrors = 0;
  const versions = new Map<string, number>();
  const statuses = new Map<string, string>();
  const busy = new Set<string>();
  const slots = teams.flatMap((team) => team.tasks.map((taskId) => ({ team, taskId })));
  let cursor = 0;
  let killed = false;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();

  const refresh = async (base: string, token: string, taskId: string) => {
    const response = await fetch(`${base}/api/v1/tasks/${taskId}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) {
      const task = (await response.json()) as { version: number; status: string };
      versions.set(taskId, task.version);
      statuses.set(taskId, task.status);
    }
  };

  const send = async (i: number, slot: (typeof slots)[number]) => {
    const instance: "A" | "B" = !killed && i % 2 === 1 ? "B" : "A";
    const base = bases[instance];
    const token = slot.team.tokens[i % slot.team.tokens.length]!;
    const kind: Write["kind"] = i % 3 === 0 ? "comment" : i % 3 === 1 ? "status" : "progress";
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
    const sentAt = performance.now();
    try {
      let response: Response;
      if (kind === "comment") {
        response = await fetch(`${base}/api/v1/tasks/${slot.taskId}/comments`, {
          method: "POST",
          headers,
          body: JSON.stringify({ body: `Update ${i}: on track` }),
        });
      } else {
        const version = versions.get(slot.taskId) ?? 1;
        const change =
          kind === "status"
            ? { status: (statuses.get(slot.taskId) ?? "TODO") === "IN_PROGRESS" ? "BLOCKED" : "IN_PROGRESS" }
            : { progress: 1 + (i % 99) };
        response = await fetch(`${base}/api/v1/tasks/${slot.taskId}`, {
          method: "PATCH",
          headers,
          body: JSON.stringify({ version, ...change }),
        });
      }
      const text = await response.text();
      writes.push({ kind, status: response.status, ms: performance.now() - sentAt, instance });
      if (kind !== "comment" && response.ok) {
        const task = JSON.parse(text) as { version: number; status: string };
        versions.set(slot.taskId, task.version);
        statuses.set(slot.taskId, task.status);
      } else if (!response.ok) await refresh(bases.A, token, slot.taskId);
    } catch {
      // The instance died with the request (it may or may not have committed): read the task again from A.
      networkErrors++;
      writes.push({ kind, status: 0, ms: performance.now() - sentAt, instance });
      await refresh(bases.A, token, slot.taskId).catch(() => undefined);
    } finally {
      busy.delete(slot.taskId);
    }
  };

  for (let i = 0; i < EVENTS; i++) {
    if (i === KILL_AT) {
      killed = true;
      onKill();
    }
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    let slot = slots[cursor++ % slots.length]!;
    for (let tries = 0; busy.has(slot.taskId) && tries < slots.length; tries++) slot = slots[cursor++ % slots.length]!;
    while (busy.has(slot.taskId)) await Promise.race(inFlight);
    busy.add(slot.taskId);
    const promise = send(i, slot).finally(() => inFlight.delete(promise));
    inFlight.add(promise);
  }
  await Promise.all(inFlight);
  return { writes, networkErrors, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const [load1] = os.loadavg();
  console.log(
    `Pathwise reach benchmark: ${os.cpus().length} CPUs, load ${fmt(load1 ?? 0, 2)}; ${fmt(EVENTS)} API writes at ${RATE}/s over 2 instances, ${TEAMS * ENDPOINTS_PER_TEAM} webhook endpoints, SMTP; instance B killed after ${fmt(KILL_AT)} writes.`,
  );
  step("Throw-away database");
  const databaseUrl = await harness.createDatabase();
  await migrate(databaseUrl);
  await seed(databaseUrl, { SEED_DEMO: "0" });

  step("Receivers, SMTP server and fixture");
  const receivers = Array.from(
    { length: TEAMS * ENDPOINTS_PER_TEAM },
    () => new Receiver(`whsec_${crypto.randomBytes(32).toString("base64url")}`),
  );
  for (const [i, receiver] of receivers.entries()) await receiver.start(`/hook/${i}`);
  const mailSink = await startMailSink();
  const { teams, endpoints } = await seedReach(databaseUrl, receivers);
  console.log(
    `${TEAMS} teams × ${MEMBERS_PER_TEAM} members, ${fmt(TEAMS * TASKS_PER_TEAM)} tasks, ${endpoints.length} endpoints (3 per team take task.updated and comment.created, 1 each only one of them).`,
  );

  const env = harness.appEnv(databaseUrl, {
    API_RATE_LIMIT_PER_IP: "1000000",
    API_RATE_LIMIT_PER_TOKEN: "1000000",
    WEBHOOK_ALLOW_PRIVATE: "1",
    SMTP_URL: mailSink.url,
    JOBS: "on",
  });
  if (needsBuild()) {
    step("Production build");
    await run("next", ["build"], env);
  }
  step("Starting two instances of next start");
  const baseA = await harness.startApp(env);
  // harness.run cleans up A and the database; B must not outlive this process either.
  process.on("exit", () => second.killApp());
  const baseB = await second.startApp(env);
  console.log(`A at ${baseA}, B at ${baseB}`);
  harness.app?.on("exit", (code, signal) =>
    console.error(`Instance A ended (${signal ?? code}); its last lines:\n${harness.appLog.join("\n")}`),
  );
  for (const base of [baseA, baseB])
    for (const team of teams)
      await fetch(`${base}/api/v1/tasks/${team.tasks[0]}`, { headers: { authorization: `Bearer ${team.tokens[0]}` } });

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const { rows: lastBefore } = await pool.query<{ id: string | null }>(
    `SELECT MAX(id)::text AS id FROM "ActivityEvent"`,
  );
  const firstEventId = BigInt(lastBefore[0]?.id ?? "0");

  // The delivery job starts on the minute: begin once one is sweeping, as on a running server.
  const sweepWaitUntil = Date.now() + 90_000;
  for (;;) {
    const { rows } = await pool.query(`SELECT 1 FROM pgboss.job WHERE name = 'webhooks.deliver' AND state = 'active'`);
    if (rows.length > 0 || Date.now() > sweepWaitUntil) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  step(`Producing ${fmt(EVENTS)} writes at ${RATE}/s`);
  const runStartedAt = Date.now();
  let killedAt = 0;
  const produced = await produce(teams, { A: baseA, B: baseB }, () => {
    killedAt = Date.now();
    second.killApp();
    console.log(`Killed instance B (SIGKILL) after ${fmt(KILL_AT)} writes.`);
  });
  const producedAt = Date.now();
  console.log(`Sent in ${fmt(produced.seconds, 1)} s (${fmt(produced.writes.length / produced.seconds, 1)} writes/s).`);

  // What the database committed: every event of the teams since the start, of the kinds endpoints take.
  const { rows: events } = await pool.query<{ id: string; teamId: string; kind: string }>(
    `SELECT id::text, "teamId", kind FROM "ActivityEvent" WHERE id > $1 AND "teamId" = ANY($2) AND kind = ANY($3)`,
    [firstEventId.toString(), teams.map((t) => t.id), SUBSCRIBED],
  );
  const expected = endpoints.map((endpoint, i) => ({
    endpoint,
    receiver: receivers[i]!,
    ids: events.filter((e) => e.teamId === endpoint.teamId && endpoint.eventTypes.includes(e.kind)).map((e) => e.id),
  }));
  const totalExpected = expected.reduce((sum, e) => sum + e.ids.length, 0);
  const missing = () => expected.reduce((sum, e) => sum + e.ids.filter((id) => !e.receiver.first.has(id)).length, 0);

  step(`Waiting for ${fmt(totalExpected)} deliveries of ${fmt(events.length)} events (at most ${DRAIN_SECONDS} s)`);
  const drainUntil = Date.now() + DRAIN_SECONDS * 1000;
  let lastReport = 0;
  while (missing() > 0 && Date.now() < drainUntil) {
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      console.log(`  ${fmt(totalExpected - missing())} of ${fmt(totalExpected)} delivered`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const drainedAt = Date.now();
  // The mail job runs once a minute: give it one run after the last notice.
  const mailWait = Math.max(0, producedAt + 75_000 - Date.now());
  if (mailWait > 0) {
    console.log(`Waiting ${fmt(mailWait / 1000)} s more for the mail job's next run.`);
    await new Promise((resolve) => setTimeout(resolve, mailWait));
  }

  step("Results");
  const accepted = produced.writes.filter((w) => w.status >= 200 && w.status < 300);
  const byStatus = new Map<number, number>();
  for (const w of produced.writes) byStatus.set(w.status, (byStatus.get(w.status) ?? 0) + 1);
  const writeMs = accepted.map((w) => w.ms).sort((a, b) => a - b);
  console.log(
    `API writes: ${fmt(produced.writes.length)} sent, ${fmt(accepted.length)} accepted (${[...byStatus].map(([s, n]) => `${s === 0 ? "no answer" : s}×${fmt(n)}`).join(", ")}); p50 ${fmt(percentile(writeMs, 50), 1)} ms, p95 ${fmt(percentile(writeMs, 95), 1)} ms.`,
  );
  console.log(
    `Events committed: ${fmt(events.length)} (${fmt(events.filter((e) => e.kind === "task.updated").length)} task.updated, ${fmt(events.filter((e) => e.kind === "comment.created").length)} comment.created); accepted writes without an event: ${fmt(Math.max(0, accepted.length - events.length))}.`,
  );

  const arrivals = receivers.flatMap((r) => [...r.first.values()]);
  const latency = arrivals.map((a) => a.latencyMs).sort((a, b) => a - b);
  const afterKill = arrivals.filter((a) => a.at >= killedAt && a.at <= killedAt + 60_000).map((a) => a.latencyMs);
  afterKill.sort((a, b) => a - b);
  const firstArrival = Math.min(...arrivals.map((a) => a.at));
  const lastArrival = Math.max(...arrivals.map((a) => a.at));
  const requests = receivers.reduce((sum, r) => sum + r.requests, 0);
  const duplicates = receivers.reduce((sum, r) => sum + r.duplicates, 0);
  const badSignatures = receivers.reduce((sum, r) => sum + r.badSignatures, 0);
  const lost = missing();
  const { rows: attemptRows } = await pool.query<{ n: number; failed: number }>(
    `SELECT COUNT(*)::int AS n, COUNT(*) FILTER (WHERE "statusCode" IS NULL OR "statusCode" >= 300)::int AS failed FROM "WebhookAttempt" WHERE "teamId" = ANY($1)`,
    [teams.map((t) => t.id)],
  );
  const { rows: pendingRows } = await pool.query<{ status: string; n: number }>(
    `SELECT status::text, COUNT(*)::int AS n FROM "WebhookDelivery" WHERE "teamId" = ANY($1) GROUP BY status`,
    [teams.map((t) => t.id)],
  );
  const spanSeconds = (lastArrival - firstArrival) / 1000;
  printTable(
    ["Webhooks", "Value"],
    [
      ["deliveries expected (event × subscribed endpoint)", fmt(totalExpected)],
      ["delivered (distinct event ids at their endpoints)", fmt(totalExpected - lost)],
      ["lost (never arrived)", fmt(lost)],
      ["duplicates (same event id again at an endpoint)", fmt(duplicates)],
      ["requests with a bad signature", fmt(badSignatures)],
      ["requests received", fmt(requests)],
      ["attempts logged (of them failed)", `${fmt(attemptRows[0]?.n ?? 0)} (${fmt(attemptRows[0]?.failed ?? 0)})`],
      ["delivery rows by status", pendingRows.map((r) => `${r.status} ${fmt(r.n)}`).join(", ")],
      ["deliveries a second (first to last arrival)", fmt((totalExpected - lost) / spanSeconds, 1)],
      [
        "event commit → delivered p50 / p95 / p99 (ms)",
        latency.length
          ? `${fmt(percentile(latency, 50))} / ${fmt(percentile(latency, 95))} / ${fmt(percentile(latency, 99))}`
          : "—",
      ],
      [
        "  arrivals in the minute after the kill p50 / p95 / max (ms)",
        afterKill.length
          ? `${fmt(percentile(afterKill, 50))} / ${fmt(percentile(afterKill, 95))} / ${fmt(afterKill.at(-1) ?? 0)}`
          : "—",
      ],
      ["last arrival after the last write (s)", fmt((lastArrival - producedAt) / 1000, 1)],
      [
        "drained",
        lost === 0
          ? `yes, ${fmt((drainedAt - producedAt) / 1000, 1)} s after the last write`
          : `NO, ${fmt(lost)} missing after ${DRAIN_SECONDS} s`,
      ],
    ],
    [0],
  );

  const teamIds = teams.map((t) => t.id);
  const { rows: notices } = await pool.query<{ kind: string; n: number }>(
    `SELECT kind, COUNT(*)::int AS n FROM "Notification" WHERE "teamId" = ANY($1) GROUP BY kind ORDER BY kind`,
    [teamIds],
  );
  const { rows: mailRows } = await pool.query<{ groups: number; mailed: number; pending: number }>(
    `SELECT COUNT(DISTINCT ("userId", COALESCE("taskId", "teamId"), "mailedAt")) FILTER (WHERE "mailedAt" IS NOT NULL)::int AS groups,
            COUNT(*) FILTER (WHERE "mailedAt" IS NOT NULL)::int AS mailed,
            COUNT(*) FILTER (WHERE "mailPending")::int AS pending
       FROM "Notification" WHERE "teamId" = ANY($1)`,
    [teamIds],
  );
  const { rows: jobRows } = await pool.query<{ name: string; state: string; n: number }>(
    `SELECT name, state::text, COUNT(*)::int AS n FROM pgboss.job WHERE created_on >= to_timestamp($1 / 1000.0) GROUP BY name, state ORDER BY name, state`,
    [runStartedAt],
  );
  const mailGroups = mailRows[0]?.groups ?? 0;
  const received = mailSink.mails.length;
  printTable(
    ["Notifications and mail", "Value"],
    [
      ["notices created", notices.map((n) => `${n.kind} ${fmt(n.n)}`).join(", ") || "none"],
      [
        "notices mailed (in mails the database counts as sent)",
        `${fmt(mailRows[0]?.mailed ?? 0)} (${fmt(mailGroups)})`,
      ],
      ["mails received by the SMTP server", fmt(received)],
      ["mails counted as sent but not received", fmt(Math.max(0, mailGroups - received))],
      ["mails received more than counted", fmt(Math.max(0, received - mailGroups))],
      ["notices still waiting (one mail per task per 10 min)", fmt(mailRows[0]?.pending ?? 0)],
    ],
    [0],
  );
  console.log(
    `Background jobs since the run began (pg-boss): ${jobRows.map((r) => `${r.name} ${r.state} ${fmt(r.n)}`).join(", ") || "none"}.`,
  );
  console.log(
    `Jobs a second: ${fmt((attemptRows[0]?.n ?? 0) / spanSeconds, 1)} webhook attempts/s while delivering, plus ${fmt(received)} mails.`,
  );

  await pool.end();
  for (const receiver of receivers) await receiver.close();
  await mailSink.close();
  await second.stopApp();
  await harness.stopApp();
}

harness.run(main);
