import pg from "pg";
import { expect, test } from "@playwright/test";
import { DEMO_OWNER, signIn } from "../fixtures/users";
import { freePort, getFresh, startNext, waitReady, type Spawned } from "./next-server";
import { startTcpProxy } from "./tcp-proxy";

// One `next start` of the build, reaching PostgreSQL through a relay the test can
// cut: request ids and JSON logs, a database outage answered fast with 503 and
// recovered from without a restart, then a graceful SIGTERM.
test.describe.configure({ mode: "serial" });

const databaseUrl = new URL(process.env.DATABASE_URL ?? "");
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let server: Spawned;
let baseUrl: string;

test.beforeAll(async () => {
  proxy = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
  const viaProxy = new URL(databaseUrl);
  viaProxy.port = String(proxy.port);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // Without the job runner, whose polling would be the first query through a held relay.
  server = startNext(port, {
    DATABASE_URL: viaProxy.toString(),
    DATABASE_CONNECT_TIMEOUT_MS: "2000",
    JOBS: "off",
  });
  await waitReady(baseUrl);
});

test.afterAll(async () => {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await proxy.close();
});

async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

test("[OPS]: every request gets an id, echoed in X-Request-Id and logged as one JSON line", async () => {
  const own = await getFresh(`${baseUrl}/api/health`, { "X-Request-Id": "ops-check-0001" });
  expect(own.status).toBe(200);
  expect(own.headers["x-request-id"]).toBe("ops-check-0001");
  expect(JSON.parse(own.body)).toMatchObject({ status: "ok", database: "up", migrations: "applied" });

  const odd = await getFresh(`${baseUrl}/sign-in`, { "X-Request-Id": "bad id with spaces" });
  const generated = String(odd.headers["x-request-id"]);
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);

  await expect(async () => {
    const requests = server.logs().filter((l) => l.msg === "request");
    expect(requests).toContainEqual(
      expect.objectContaining({
        reqId: "ops-check-0001",
        method: "GET",
        path: "/api/health",
        status: 200,
        level: "info",
      }),
    );
    expect(requests).toContainEqual(expect.objectContaining({ reqId: generated, path: "/sign-in", status: 200 }));
  }).toPass({ timeout: 5_000 });
});

test("[OPS]: while the database is down requests fail fast with 503, and the app recovers by itself", async ({
  page,
}) => {
  test.slow();
  const { id: planId, title: planTitle } = await withDb(async (client) => {
    const { rows } = await client.query<{ id: string; title: string }>(
      `SELECT p.id, p.title FROM "Plan" p JOIN "Team" t ON t.id = p."teamId" WHERE t.slug = 'demo-commerce' ORDER BY p."createdAt" LIMIT 1`,
    );
    return rows[0] ?? { id: "", title: "" };
  });
  await page.goto(`${baseUrl}/sign-in`);
  await signIn(page, DEMO_OWNER);
  await expect(page).toHaveURL(/\/teams|\/t\//);
  const progressUrl = `${baseUrl}/api/teams/demo-commerce/plans/${planId}/progress`;
  expect((await page.request.get(progressUrl)).status()).toBe(200);

  proxy.cut();
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    const response = await page.request.get(progressUrl, { headers: { "X-Request-Id": `ops-outage-${i}-000` } });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(response.status()).toBe(503);
    expect(response.headers()["retry-after"]).toBe("5");
    expect(await response.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
    const health = await page.request.get(`${baseUrl}/api/health`);
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable", database: "down" });
  }
  expect(server.logs()).toContainEqual(
    expect.objectContaining({ msg: "database unavailable", reqId: "ops-outage-0-000", level: "warn" }),
  );

  // A page during the outage says so in the reader's language, and comes back by itself.
  await page.goto(`${baseUrl}/t/demo-commerce/plans/${planId}`);
  const outage = page.getByRole("heading", { name: "The database is unavailable" });
  await expect(outage).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/tries again every few seconds/)).toBeVisible();

  proxy.restore();
  await expect(outage).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: planTitle, level: 1 })).toBeVisible();
  const back = Date.now();
  await expect(async () => expect((await page.request.get(progressUrl)).status()).toBe(200)).toPass({
    timeout: 10_000,
  });
  expect(Date.now() - back).toBeLessThan(10_000);
  expect((await page.request.get(`${baseUrl}/api/health`)).status()).toBe(200);
});

test("[OPS]: SIGTERM lets an in-flight request finish, closes the database pool and exits 0", async () => {
  // The database's answers are held back, so the request is in flight when the signal comes.
  // First the queries of the page the outage test left (its live stream closing) must be over:
  // one of them taken for the request's would send the signal before the request arrived.
  await proxy.quiet(1000);
  const querySent = proxy.hold();
  let settled: string | undefined;
  const inFlight = getFresh(`${baseUrl}/api/health`, { "X-Request-Id": "ops-inflight-0001" });
  inFlight.then(
    () => (settled = "answered while the database was held"),
    (error: unknown) => (settled = `failed: ${String(error)}`),
  );
  await expect(querySent).resolves.toBeUndefined();

  server.child.kill("SIGTERM");
  await expect(async () => {
    expect(server.logs()).toContainEqual(
      expect.objectContaining({ msg: "shutdown: finishing in-flight requests", signal: "SIGTERM" }),
    );
  }).toPass({ timeout: 5_000 });
  // No new connections once draining has begun.
  await expect(getFresh(`${baseUrl}/api/health`)).rejects.toThrow(/ECONNREFUSED/);
  expect(settled).toBeUndefined();

  proxy.release();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(JSON.parse(response.body)).toMatchObject({ status: "ok" });

  // Its answer needed the database after the release: the pool was still open while it was served.
  expect(await server.exited).toEqual({ code: 0, signal: null });
  const messages = server.logs().map((l) => (l.msg === "request" ? `request ${String(l.reqId)}` : String(l.msg)));
  expect(messages).toContain("request ops-inflight-0001");
  // The pool closes once the drain is over (the request's own log line may be written just after it).
  const draining = messages.indexOf("shutdown: finishing in-flight requests");
  const closed = messages.indexOf("shutdown: database pool closed, exiting");
  expect(draining).toBeGreaterThanOrEqual(0);
  expect(closed).toBeGreaterThan(draining);
});
