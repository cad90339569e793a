import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A local receiver needs private targets; the SSRF tests turn them off again.
vi.hoisted(() => {
  vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
});

import { addComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { deleteExpired, WEBHOOK_LOG_KEEP_MS } from "@/lib/jobs/housekeeping";
import { resetEnvCache } from "@/lib/env";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { setTaskStatus } from "@/lib/tasks/update-task";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  runAs,
} from "@/lib/testing/factories";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  pingWebhook,
  redeliverWebhook,
  rollWebhookSecret,
  setWebhookEnabled,
  updateWebhook,
} from "@/lib/webhooks/webhooks";

/** The README's verification, as a receiver would write it. */
function verifyPathwiseSignature(secret: string, rawBody: string, header: string, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2)));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  const given = Buffer.from(String(parts.v1 ?? ""), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** A receiver on 127.0.0.1: every request is kept; `answer` decides each status (200 by default). */
const received: Received[] = [];
const answers = new Map<string, (request: Received) => number>();
let server: Server;
let base: string;

function receivedAt(path: string) {
  return received.filter((r) => r.path === path);
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;

/** Sweeps an endpoint at its deliveries' planned times until none is pending (at most `max` sweeps). */
async function sweepUntilSettled(endpointId: string, max = 80) {
  for (let i = 0; i < max; i += 1) {
    const next = await db.webhookDelivery.findFirst({
      where: { endpointId, status: "PENDING" },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    });
    if (!next) return;
    await deliverDueWebhooks(new Date(Math.max(next.nextAttemptAt.getTime(), Date.now())), {
      endpointIds: [endpointId],
    });
  }
  throw new Error("deliveries still pending");
}

async function setupTeam() {
  const owner = await createTestUser();
  const team = await createTestTeam({ ownerId: owner.id });
  const plan = await createTestPlan({ teamId: team.id });
  const task = await createTestTask({ teamId: team.id, planId: plan.id });
  return { owner, team, plan, task };
}

beforeAll(async () => {
  resetEnvCache();
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = { path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString() };
      received.push(entry);
      response.statusCode = answers.get(entry.path)?.(entry) ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await cleanupTestData();
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("webhook deliveries", () => {
  it("delivers exactly the subscribed events of the team, signed, and never another team's", async () => {
    const a = await setupTeam();
    const b = await setupTeam();
    const hookA = await runAs(createWebhook, a.owner.id, a.team.slug, {
      url: `${base}/a`,
      eventTypes: ["task.updated"],
    });
    const hookB = await runAs(createWebhook, b.owner.id, b.team.slug, {
      url: `${base}/b`,
      eventTypes: ["task.updated", "comment.created"],
    });
    expect(hookA.secret).toMatch(/^whsec_/);

    await runAs(setTaskStatus, a.owner.id, a.team.slug, { taskId: a.task.id, version: 1, status: "IN_PROGRESS" });
    await runAs(addComment, a.owner.id, a.team.slug, { taskId: a.task.id, body: "Not subscribed" });
    const second = await createTestTask({ teamId: a.team.id, planId: a.plan.id });
    // Many events at once (recordEvents) get their deliveries too.
    await runAs(bulkTasks, a.owner.id, a.team.slug, {
      action: "status",
      taskIds: [a.task.id, second.id],
      status: "DONE",
    });
    await runAs(setTaskStatus, b.owner.id, b.team.slug, { taskId: b.task.id, version: 1, status: "DONE" });
    await runAs(addComment, b.owner.id, b.team.slug, { taskId: b.task.id, body: "For team B" });

    await deliverDueWebhooks(new Date(Date.now() + SECOND), { endpointIds: [hookA.id, hookB.id] });

    const events = await db.activityEvent.findMany({
      where: { teamId: a.team.id, kind: "task.updated" },
      orderBy: { id: "asc" },
    });
    expect(events).toHaveLength(3);
    const atA = receivedAt("/a");
    expect(atA.map((r) => r.headers["pathwise-event-id"]).sort()).toEqual(events.map((e) => e.id.toString()).sort());
    for (const request of atA) {
      expect(verifyPathwiseSignature(hookA.secret, request.body, String(request.headers["pathwise-signature"]))).toBe(
        true,
      );
      expect(verifyPathwiseSignature(hookB.secret, request.body, String(request.headers["pathwise-signature"]))).toBe(
        false,
      );
      expect(request.headers["user-agent"]).toBe("Pathwise-Webhooks/1");
      expect(request.headers["pathwise-event-type"]).toBe("task.updated");
      expect(request.headers["content-type"]).toBe("application/json");
      const payload = JSON.parse(request.body) as Record<string, unknown>;
      expect(payload).toMatchObject({
        id: request.headers["pathwise-event-id"],
        type: "task.updated",
        team: { id: a.team.id, slug: a.team.slug, name: a.team.name },
        entityType: "task",
        planId: a.plan.id,
      });
      expect(typeof payload.occurredAt).toBe("string");
    }
    // A body changed by one byte no longer verifies.
    const first = atA[0]!;
    expect(verifyPathwiseSignature(hookA.secret, `${first.body} `, String(first.headers["pathwise-signature"]))).toBe(
      false,
    );

    const atB = receivedAt("/b");
    expect(atB.map((r) => r.headers["pathwise-event-type"]).sort()).toEqual(["comment.created", "task.updated"]);
    for (const request of atB) expect((JSON.parse(request.body) as { team: { id: string } }).team.id).toBe(b.team.id);

    const [listed] = await runAs(listWebhooks, a.owner.id, a.team.slug, {});
    expect(listed?.deliveries).toHaveLength(3);
    expect(listed?.deliveries.every((d) => d.status === "DELIVERED" && d.lastStatusCode === 200)).toBe(true);
  });

  it("retries failed attempts with backoff and delivers each event exactly once", async () => {
    const { owner, team, task } = await setupTeam();
    const tries = new Map<string, number>();
    answers.set("/flaky", (request) => {
      const id = String(request.headers["pathwise-event-id"]);
      const n = (tries.get(id) ?? 0) + 1;
      tries.set(id, n);
      return n <= 2 ? 500 : 200;
    });
    const hook = await runAs(createWebhook, owner.id, team.slug, {
      url: `${base}/flaky`,
      eventTypes: ["task.updated"],
    });
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "IN_PROGRESS" });
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 2, status: "DONE" });

    const start = Date.now() + SECOND;
    await deliverDueWebhooks(new Date(start), { endpointIds: [hook.id] });
    const afterFirst = await db.webhookDelivery.findMany({ where: { endpointId: hook.id } });
    expect(afterFirst.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
      ["PENDING", 1, 500],
      ["PENDING", 1, 500],
    ]);
    // 30 s later the first retry; not before.
    for (const d of afterFirst) expect(d.nextAttemptAt.getTime()).toBe(start + 30 * SECOND);
    await deliverDueWebhooks(new Date(start + 29 * SECOND), { endpointIds: [hook.id] });
    expect(receivedAt("/flaky")).toHaveLength(2);
    await deliverDueWebhooks(new Date(start + 30 * SECOND), { endpointIds: [hook.id] });
    const afterSecond = await db.webhookDelivery.findMany({ where: { endpointId: hook.id } });
    for (const d of afterSecond) expect(d.nextAttemptAt.getTime()).toBe(start + 90 * SECOND);
    await deliverDueWebhooks(new Date(start + 90 * SECOND), { endpointIds: [hook.id] });
    // Nothing more is due, however late.
    await deliverDueWebhooks(new Date(start + 48 * HOUR), { endpointIds: [hook.id] });

    const deliveries = await db.webhookDelivery.findMany({
      where: { endpointId: hook.id },
      include: { attemptLog: { orderBy: { createdAt: "asc" } } },
    });
    expect(deliveries).toHaveLength(2);
    for (const d of deliveries) {
      expect(d.status).toBe("DELIVERED");
      expect(d.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    }
    const ids = receivedAt("/flaky").map((r) => String(r.headers["pathwise-event-id"]));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(2);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } });
    expect(endpoint).toMatchObject({ enabled: true, failingSince: null });
  });

  // About 30 sweeps of a day of retries: slow on a busy machine.
  it(
    "disables an endpoint that fails for 24 hours, tells the owners and admins, and redelivers on request",
    { timeout: 90_000 },
    async () => {
      const { owner, team, task } = await setupTeam();
      const admin = await createTestMember({ teamId: team.id, role: "ADMIN" });
      const member = await createTestMember({ teamId: team.id, role: "MEMBER" });
      let status = 503;
      answers.set("/down", () => status);
      const hook = await runAs(createWebhook, owner.id, team.slug, {
        url: `${base}/down`,
        eventTypes: ["task.updated"],
      });
      await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "IN_PROGRESS" });

      await sweepUntilSettled(hook.id);
      const delivery = await db.webhookDelivery.findFirstOrThrow({
        where: { endpointId: hook.id },
        include: { attemptLog: { orderBy: { createdAt: "asc" } } },
      });
      expect(delivery.status).toBe("FAILED");
      expect(delivery.attemptLog.every((a) => a.statusCode === 503)).toBe(true);
      const span = delivery.attemptLog.at(-1)!.createdAt.getTime() - delivery.attemptLog[0]!.createdAt.getTime();
      expect(span).toBeGreaterThan(23 * HOUR);
      expect(delivery.attemptLog.at(-1)!.createdAt.getTime()).toBe(delivery.retryUntil.getTime());
      const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } });
      expect(endpoint).toMatchObject({ enabled: false, disabledReason: "failing" });

      const notices = await db.notification.findMany({ where: { teamId: team.id, kind: "webhook.disabled" } });
      expect(notices.map((n) => n.userId).sort()).toEqual([owner.id, admin.userId].sort());
      expect(notices[0]?.data).toMatchObject({ endpointId: hook.id, url: `${base}/down` });
      expect(notices.some((n) => n.userId === member.userId)).toBe(false);

      // Events of a disabled endpoint are not queued; redelivering waits until it is enabled again.
      await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 2, status: "DONE" });
      expect(await db.webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(1);
      expect((await appErrorOf(runAs(redeliverWebhook, owner.id, team.slug, { deliveryId: delivery.id }))).code).toBe(
        "CONFLICT",
      );

      status = 204;
      await runAs(setWebhookEnabled, admin.userId, team.slug, { endpointId: hook.id, enabled: true });
      await runAs(redeliverWebhook, admin.userId, team.slug, { deliveryId: delivery.id });
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
        status: "PENDING",
      });
      const before = receivedAt("/down").length;
      await deliverDueWebhooks(new Date(Date.now() + SECOND), { endpointIds: [hook.id] });
      expect(receivedAt("/down")).toHaveLength(before + 1);
      const redelivered = await db.webhookDelivery.findUniqueOrThrow({
        where: { id: delivery.id },
        include: { attemptLog: true },
      });
      expect(redelivered).toMatchObject({ status: "DELIVERED", lastStatusCode: 204 });
      expect(redelivered.attemptLog).toHaveLength(delivery.attemptLog.length + 1);
      expect(redelivered.attemptLog.filter((a) => a.statusCode === 204)).toHaveLength(1);
    },
  );

  it("signs with a rolled secret from then on", async () => {
    const { owner, team, task } = await setupTeam();
    const hook = await runAs(createWebhook, owner.id, team.slug, { url: `${base}/roll`, eventTypes: ["task.updated"] });
    const rolled = await runAs(rollWebhookSecret, owner.id, team.slug, { endpointId: hook.id });
    expect(rolled.secret).not.toBe(hook.secret);
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    await deliverDueWebhooks(new Date(Date.now() + SECOND), { endpointIds: [hook.id] });
    const [request] = receivedAt("/roll");
    const header = String(request?.headers["pathwise-signature"]);
    expect(verifyPathwiseSignature(rolled.secret, request!.body, header)).toBe(true);
    expect(verifyPathwiseSignature(hook.secret, request!.body, header)).toBe(false);
  });

  it("keeps finished deliveries in the log for 30 days, and waiting ones until they finish", async () => {
    const { owner, team, task } = await setupTeam();
    const hook = await runAs(createWebhook, owner.id, team.slug, { url: `${base}/old`, eventTypes: ["task.updated"] });
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "IN_PROGRESS" });
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 2, status: "DONE" });
    const [old, waiting] = await db.webhookDelivery.findMany({
      where: { endpointId: hook.id },
      orderBy: { eventId: "asc" },
    });
    const longAgo = new Date(Date.now() - WEBHOOK_LOG_KEEP_MS - HOUR);
    await db.webhookDelivery.update({ where: { id: old!.id }, data: { status: "DELIVERED", createdAt: longAgo } });
    await db.webhookDelivery.update({ where: { id: waiting!.id }, data: { createdAt: longAgo } });
    await deleteExpired();
    expect((await db.webhookDelivery.findMany({ where: { endpointId: hook.id } })).map((d) => d.id)).toEqual([
      waiting!.id,
    ]);
  });
});

describe("webhook targets (SSRF)", () => {
  const withPrivateTargets = (allowed: boolean) => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", allowed ? "1" : "0");
    resetEnvCache();
  };

  it("refuses private, loopback and link-local addresses at registration", async () => {
    const { owner, team } = await setupTeam();
    withPrivateTargets(false);
    try {
      for (const url of [
        "http://127.0.0.1/",
        "http://10.1.2.3/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://192.168.1.1:8080/",
        "http://172.16.0.1/",
        "http://localhost/",
        `http://localhost:${new URL(base).port}/a`,
      ]) {
        const error = await appErrorOf(
          runAs(createWebhook, owner.id, team.slug, { url, eventTypes: ["task.updated"] }),
        );
        expect(error.code, url).toBe("VALIDATION");
        expect(error.fieldErrors?.url, url).toEqual(["webhookUrlPrivate"]);
      }
      for (const url of ["ftp://example.com/", "http://user:pw@example.com/", "not a url", "javascript:alert(1)"]) {
        const error = await appErrorOf(
          runAs(createWebhook, owner.id, team.slug, { url, eventTypes: ["task.updated"] }),
        );
        expect(error.fieldErrors?.url, url).toEqual(["webhookUrlInvalid"]);
      }
      expect(await db.webhookEndpoint.count({ where: { teamId: team.id } })).toBe(0);
    } finally {
      withPrivateTargets(true);
    }
  });

  it("refuses a delivery without a request when the host now resolves to a private address", async () => {
    const { owner, team, task } = await setupTeam();
    const port = new URL(base).port;
    const hook = await runAs(createWebhook, owner.id, team.slug, {
      url: `http://localhost:${port}/rebound`,
      eventTypes: ["task.updated"],
    });
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    withPrivateTargets(false);
    try {
      await deliverDueWebhooks(new Date(Date.now() + SECOND), { endpointIds: [hook.id] });
    } finally {
      withPrivateTargets(true);
    }
    expect(receivedAt("/rebound")).toHaveLength(0);
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: hook.id },
      include: { attemptLog: true },
    });
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
    expect(delivery.lastError).toBe("private_address");
    expect(delivery.attemptLog).toHaveLength(1);
  });
});

describe("webhook permissions", () => {
  it("lets only owners and admins manage webhooks, and only their team's", async () => {
    const { owner, team, task } = await setupTeam();
    const other = await setupTeam();
    const hook = await runAs(createWebhook, owner.id, team.slug, { url: `${base}/perm`, eventTypes: ["task.updated"] });
    const otherHook = await runAs(createWebhook, other.owner.id, other.team.slug, {
      url: `${base}/perm-other`,
      eventTypes: ["task.updated"],
    });
    await runAs(setTaskStatus, other.owner.id, other.team.slug, {
      taskId: other.task.id,
      version: 1,
      status: "DONE",
    });
    const otherDelivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: otherHook.id } });

    for (const role of ["MEMBER", "VIEWER"] as const) {
      const { userId } = await createTestMember({ teamId: team.id, role });
      const attempts = [
        () => runAs(createWebhook, userId, team.slug, { url: `${base}/x`, eventTypes: ["task.updated"] }),
        () => runAs(listWebhooks, userId, team.slug, {}),
        () => runAs(rollWebhookSecret, userId, team.slug, { endpointId: hook.id }),
        () => runAs(setWebhookEnabled, userId, team.slug, { endpointId: hook.id, enabled: false }),
        () => runAs(deleteWebhook, userId, team.slug, { endpointId: hook.id }),
        () => runAs(redeliverWebhook, userId, team.slug, { deliveryId: otherDelivery.id }),
        () =>
          runAs(updateWebhook, userId, team.slug, {
            endpointId: hook.id,
            version: 1,
            url: `${base}/x`,
            eventTypes: ["task.updated"],
            description: "",
          }),
        () => runAs(pingWebhook, userId, team.slug, { endpointId: hook.id }),
        () => runAs(getWebhook, userId, team.slug, { endpointId: hook.id }),
        () => runAs(listWebhookDeliveries, userId, team.slug, { endpointId: hook.id }),
      ];
      for (const attempt of attempts) expect((await appErrorOf(attempt())).code, role).toBe("FORBIDDEN");
    }

    const admin = await createTestMember({ teamId: team.id, role: "ADMIN" });
    for (const attempt of [
      () => runAs(rollWebhookSecret, admin.userId, team.slug, { endpointId: otherHook.id }),
      () => runAs(setWebhookEnabled, admin.userId, team.slug, { endpointId: otherHook.id, enabled: false }),
      () => runAs(deleteWebhook, admin.userId, team.slug, { endpointId: otherHook.id }),
      () => runAs(redeliverWebhook, admin.userId, team.slug, { deliveryId: otherDelivery.id }),
      () =>
        runAs(updateWebhook, admin.userId, team.slug, {
          endpointId: otherHook.id,
          version: 1,
          url: `${base}/stolen`,
          eventTypes: ["task.updated", "comment.created"],
          description: "taken over",
        }),
      () => runAs(pingWebhook, admin.userId, team.slug, { endpointId: otherHook.id }),
      () => runAs(getWebhook, admin.userId, team.slug, { endpointId: otherHook.id }),
      () => runAs(listWebhookDeliveries, admin.userId, team.slug, { endpointId: otherHook.id }),
    ])
      expect((await appErrorOf(attempt())).code).toBe("NOT_FOUND");
    expect(receivedAt("/perm-other")).toHaveLength(0);
    const listed = await runAs(listWebhooks, admin.userId, team.slug, {});
    expect(listed.map((w) => w.id)).toEqual([hook.id]);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: otherHook.id } })).toMatchObject({
      enabled: true,
      url: `${base}/perm-other`,
      description: "",
      version: 1,
    });

    await runAs(setWebhookEnabled, admin.userId, team.slug, { endpointId: hook.id, enabled: false });
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(0);
    await runAs(deleteWebhook, admin.userId, team.slug, { endpointId: hook.id });
    expect(await db.webhookEndpoint.count({ where: { teamId: team.id } })).toBe(0);
  });
});

describe("webhook management", () => {
  const withPrivateTargets = (allowed: boolean) => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", allowed ? "1" : "0");
    resetEnvCache();
  };

  it("edits the address, event types and description, refusing a private address and a stale version", async () => {
    const { owner, team, task } = await setupTeam();
    const admin = await createTestMember({ teamId: team.id, role: "ADMIN" });
    const hook = await runAs(createWebhook, owner.id, team.slug, {
      url: `${base}/before`,
      eventTypes: ["comment.created"],
      description: "CI",
    });
    expect(hook).toMatchObject({ description: "CI", version: 1 });

    const edited = await runAs(updateWebhook, admin.userId, team.slug, {
      endpointId: hook.id,
      version: 1,
      url: `  ${base}/after `,
      eventTypes: ["task.updated", "task.updated"],
      description: "  Data warehouse  ",
    });
    expect(edited).toEqual({ id: hook.id, version: 2 });
    expect(await runAs(getWebhook, owner.id, team.slug, { endpointId: hook.id })).toMatchObject({
      url: `${base}/after`,
      eventTypes: ["task.updated"],
      description: "Data warehouse",
      version: 2,
    });

    // The owner edits from version 1, which the admin's save replaced: refused with the saved endpoint, nothing lost.
    const stale = await appErrorOf(
      runAs(updateWebhook, owner.id, team.slug, {
        endpointId: hook.id,
        version: 1,
        url: `${base}/owner`,
        eventTypes: ["comment.created"],
        description: "",
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.userMessage).toBe("webhookEditConflict");
    expect(stale.details).toMatchObject({
      current: { url: `${base}/after`, eventTypes: ["task.updated"], description: "Data warehouse", version: 2 },
    });

    withPrivateTargets(false);
    try {
      for (const url of ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/"]) {
        const error = await appErrorOf(
          runAs(updateWebhook, owner.id, team.slug, {
            endpointId: hook.id,
            version: 2,
            url,
            eventTypes: ["task.updated"],
            description: "",
          }),
        );
        expect(error.code, url).toBe("VALIDATION");
        expect(error.fieldErrors?.url, url).toEqual(["webhookUrlPrivate"]);
      }
      const invalid = await appErrorOf(
        runAs(updateWebhook, owner.id, team.slug, {
          endpointId: hook.id,
          version: 2,
          url: "https://example.com/",
          eventTypes: [],
          description: "x".repeat(201),
        }),
      );
      expect(invalid.fieldErrors?.eventTypes).toEqual(["webhookEventTypesRequired"]);
      expect(invalid.fieldErrors?.description).toBeDefined();
    } finally {
      withPrivateTargets(true);
    }
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({
      url: `${base}/after`,
      eventTypes: ["task.updated"],
      description: "Data warehouse",
      version: 2,
    });

    // Deliveries follow the edit: the new address, the new event types.
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    await runAs(addComment, owner.id, team.slug, { taskId: task.id, body: "Not wanted any more" });
    await deliverDueWebhooks(new Date(Date.now() + SECOND), { endpointIds: [hook.id] });
    expect(receivedAt("/before")).toHaveLength(0);
    expect(receivedAt("/after").map((r) => r.headers["pathwise-event-type"])).toEqual(["task.updated"]);
  });

  it("pings an endpoint now, signed with its current secret, without queueing anything", async () => {
    const { owner, team } = await setupTeam();
    const hook = await runAs(createWebhook, owner.id, team.slug, { url: `${base}/ping`, eventTypes: ["task.updated"] });
    const rolled = await runAs(rollWebhookSecret, owner.id, team.slug, { endpointId: hook.id });

    const answer = await runAs(pingWebhook, owner.id, team.slug, { endpointId: hook.id });
    expect(answer).toMatchObject({ statusCode: 200, error: null, isDelivered: true });
    const [request] = receivedAt("/ping");
    expect(request).toBeDefined();
    const header = String(request!.headers["pathwise-signature"]);
    expect(verifyPathwiseSignature(rolled.secret, request!.body, header)).toBe(true);
    expect(verifyPathwiseSignature(hook.secret, request!.body, header)).toBe(false);
    expect(request!.headers["pathwise-event-type"]).toBe("ping");
    expect(request!.headers["pathwise-event-id"]).toBe(answer.id);
    expect(JSON.parse(request!.body)).toMatchObject({
      id: answer.id,
      type: "ping",
      endpoint: { id: hook.id, url: `${base}/ping` },
      team: { id: team.id, slug: team.slug },
    });

    // A failing receiver's answer is shown as it is; a disabled endpoint can be pinged to check it.
    answers.set("/ping-down", () => 503);
    const down = await runAs(createWebhook, owner.id, team.slug, {
      url: `${base}/ping-down`,
      eventTypes: ["task.updated"],
    });
    await runAs(setWebhookEnabled, owner.id, team.slug, { endpointId: down.id, enabled: false });
    expect(await runAs(pingWebhook, owner.id, team.slug, { endpointId: down.id })).toMatchObject({
      statusCode: 503,
      isDelivered: false,
    });
    expect(receivedAt("/ping-down")).toHaveLength(1);
    expect(await db.webhookDelivery.count({ where: { teamId: team.id } })).toBe(0);

    // A target that became private is refused without a request.
    withPrivateTargets(false);
    try {
      expect(await runAs(pingWebhook, owner.id, team.slug, { endpointId: hook.id })).toMatchObject({
        statusCode: null,
        error: "private_address",
        isDelivered: false,
      });
    } finally {
      withPrivateTargets(true);
    }
    expect(receivedAt("/ping")).toHaveLength(1);
  });

  it("lists the delivery log by status, 50 a page, newest first", async () => {
    const { owner, team, task } = await setupTeam();
    const hook = await runAs(createWebhook, owner.id, team.slug, { url: `${base}/log`, eventTypes: ["task.updated"] });
    const start = Date.now() - HOUR;
    await db.activityEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        teamId: team.id,
        kind: "task.updated",
        entityType: "task",
        entityId: task.id,
        taskId: task.id,
        createdAt: new Date(start + i * SECOND),
      })),
    });
    const events = await db.activityEvent.findMany({
      where: { teamId: team.id, kind: "task.updated" },
      orderBy: { id: "asc" },
      select: { id: true, createdAt: true },
    });
    await db.webhookDelivery.createMany({
      data: events.map((e, i) => ({
        teamId: team.id,
        endpointId: hook.id,
        eventId: e.id,
        eventType: "task.updated",
        status: i % 3 === 0 ? ("FAILED" as const) : ("DELIVERED" as const),
        retryUntil: e.createdAt,
        createdAt: e.createdAt,
      })),
    });

    const first = await runAs(listWebhookDeliveries, owner.id, team.slug, { endpointId: hook.id });
    expect(first).toMatchObject({ total: 120, page: 1, pageCount: 3 });
    expect(first.deliveries).toHaveLength(50);
    expect(first.deliveries[0]!.eventId).toBe(events.at(-1)!.id);
    const third = await runAs(listWebhookDeliveries, owner.id, team.slug, { endpointId: hook.id, page: 3 });
    expect(third.deliveries).toHaveLength(20);
    expect(third.deliveries.at(-1)!.eventId).toBe(events[0]!.id);
    const seen = new Set(
      [first, await runAs(listWebhookDeliveries, owner.id, team.slug, { endpointId: hook.id, page: 2 }), third].flatMap(
        (p) => p.deliveries.map((d) => d.id),
      ),
    );
    expect(seen.size).toBe(120);

    const failed = await runAs(listWebhookDeliveries, owner.id, team.slug, { endpointId: hook.id, status: "FAILED" });
    expect(failed).toMatchObject({ total: 40, pageCount: 1 });
    expect(failed.deliveries.every((d) => d.status === "FAILED")).toBe(true);
    const pending = await runAs(listWebhookDeliveries, owner.id, team.slug, { endpointId: hook.id, status: "PENDING" });
    expect(pending).toMatchObject({ total: 0, pageCount: 1, deliveries: [] });
    const beyond = await runAs(listWebhookDeliveries, owner.id, team.slug, { endpointId: hook.id, page: 9 });
    expect(beyond.deliveries).toHaveLength(0);
    for (const input of [{ page: 0 }, { status: "LOST" }, { page: 1.5 }])
      expect(
        (
          await appErrorOf(
            runAs(listWebhookDeliveries, owner.id, team.slug, { endpointId: hook.id, ...input } as never),
          )
        ).code,
      ).toBe("VALIDATION");
  });

  it("deletes an endpoint with its log; nothing more reaches it", async () => {
    const { owner, team, task } = await setupTeam();
    const hook = await runAs(createWebhook, owner.id, team.slug, { url: `${base}/gone`, eventTypes: ["task.updated"] });
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "IN_PROGRESS" });
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(1);
    await runAs(deleteWebhook, owner.id, team.slug, { endpointId: hook.id });
    expect(await db.webhookEndpoint.count({ where: { id: hook.id } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(0);
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 2, status: "DONE" });
    await deliverDueWebhooks(new Date(Date.now() + SECOND), { endpointIds: [hook.id] });
    expect(receivedAt("/gone")).toHaveLength(0);
    expect((await appErrorOf(runAs(getWebhook, owner.id, team.slug, { endpointId: hook.id }))).code).toBe("NOT_FOUND");
  });
});
