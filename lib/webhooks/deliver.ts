import "server-only";
import http from "node:http";
import https from "node:https";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { feedEventSelect, feedItemOf } from "@/lib/events/feed-item";
import type { JobDefinition } from "@/lib/jobs/runner";
import { log } from "@/lib/log";
import { deliverNotices } from "@/lib/notifications/rules";
import { WEBHOOK_RETRY_WINDOW_MS } from "./queue";
import { signatureHeader } from "./signature";
import { checkedLookup, checkWebhookTarget } from "./ssrf";

type Tx = Prisma.TransactionClient;

/** How long one request may take. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * A claimed delivery is not taken by another sweep for this long: longer than a
 * request and its logging, so it is sent again only when its sweep died (an
 * instance killed, a database error).
 */
const LEASE_MS = 2 * 60_000;
/** The logging of an attempt may wait this long on a busy database before it fails. */
const LOG_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const ROLES: readonly Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];

/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min … doubling, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** The body of a delivery: the event as the changes feed lists it, and its team. */
export async function deliveryBody(teamId: string, eventId: bigint): Promise<string | null> {
  const event = await db.activityEvent.findFirst({
    where: { id: eventId, teamId },
    select: { ...feedEventSelect, team: { select: { id: true, slug: true, name: true } } },
  });
  if (!event?.team) return null;
  const { team, ...row } = event;
  return JSON.stringify({ ...feedItemOf(row), team });
}

/**
 * One attempt's result. `error` is a code the delivery log translates
 * (WEBHOOK_ERRORS) or "network: <the connection error>".
 */
export type Outcome = { statusCode: number | null; error: string | null; durationMs: number };

/**
 * One POST: 2xx is delivered; a redirect is not followed (it is a failure like any
 * other status). The connection resolves the host through checkedLookup, so it
 * reaches only an address that passed the private-network check.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  const signal = AbortSignal.timeout(WEBHOOK_TIMEOUT_MS);
  return new Promise((resolve) => {
    const request = (target.protocol === "https:" ? https : http).request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        lookup: checkedLookup({ allowPrivate }),
        signal,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        const isRedirect = status >= 300 && status < 400;
        resolve({ statusCode: status, error: isRedirect ? "redirect" : null, durationMs: elapsed() });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      const problem = signal.aborted
        ? "timeout"
        : error.code === "EPRIVATE"
          ? "private_address"
          : `network: ${error.code ?? ""} ${error.message}`.trim().slice(0, 500);
      resolve({ statusCode: null, error: problem, durationMs: elapsed() });
    });
    request.end(body);
  });
}

/** Turns an endpoint off for failing and tells the team's webhook admins, once. */
async function disableFailingEndpoint(tx: Tx, endpoint: { id: string; teamId: string; url: string }, now: Date) {
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpoint.id, teamId: endpoint.teamId, enabled: true },
    data: { enabled: false, disabledReason: "failing", disabledAt: now },
  });
  if (count === 0) return;
  const admins = await tx.membership.findMany({
    where: { teamId: endpoint.teamId, role: { in: ROLES.filter((role) => can(role, "webhooks.manage")) } },
    select: { userId: true },
  });
  await deliverNotices(
    tx,
    { teamId: endpoint.teamId, userId: null },
    admins.map((a) => ({
      userId: a.userId,
      kind: "webhook.disabled" as const,
      data: { endpointId: endpoint.id, url: endpoint.url },
      dedupeKey: `webhook.disabled:${endpoint.id}:${now.getTime()}:${a.userId}`,
    })),
  );
  log().warn({ event: "webhooks.disabled", teamId: endpoint.teamId, endpointId: endpoint.id }, "webhook disabled");
}

/**
 * Makes one attempt of a claimed delivery and logs it. A 2xx delivers it; a
 * failure plans the next attempt with backoff, the last one at the end of the
 * retry window, after which it has failed. An endpoint without a success for
 * 24 hours (or throughout a delivery's whole window) is disabled.
 */
async function attemptDelivery(deliveryId: string, now: Date): Promise<boolean> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      teamId: true,
      eventId: true,
      eventType: true,
      attempts: true,
      retryUntil: true,
      endpoint: { select: { id: true, teamId: true, url: true, secret: true, failingSince: true } },
    },
  });
  if (!delivery) return false;
  const { endpoint } = delivery;
  const body = await deliveryBody(delivery.teamId, delivery.eventId);
  let outcome: Outcome;
  if (body === null) outcome = { statusCode: null, error: "event_gone", durationMs: 0 };
  else {
    const problem = await checkWebhookTarget(endpoint.url, { allowPrivate: getEnv().WEBHOOK_ALLOW_PRIVATE });
    if (problem === "private") outcome = { statusCode: null, error: "private_address", durationMs: 0 };
    else if (problem === "unresolvable") outcome = { statusCode: null, error: "unresolvable", durationMs: 0 };
    else
      outcome = await postWebhook(
        endpoint.url,
        {
          "Content-Type": "application/json",
          "User-Agent": "Pathwise-Webhooks/1",
          "Pathwise-Event-Id": delivery.eventId.toString(),
          "Pathwise-Event-Type": delivery.eventType,
          "Pathwise-Delivery-Id": delivery.id,
          // The signing time is the sending time, whatever `now` the sweep plans with.
          "Pathwise-Signature": signatureHeader(endpoint.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        getEnv().WEBHOOK_ALLOW_PRIVATE,
      );
  }
  const isDelivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  await db.$transaction(
    async (tx) => {
      await tx.webhookAttempt.create({
        data: { teamId: delivery.teamId, deliveryId: delivery.id, ...outcome, createdAt: now },
      });
      const attempts = delivery.attempts + 1;
      const last = { attempts, lastStatusCode: outcome.statusCode, lastError: outcome.error, lastAttemptAt: now };
      if (isDelivered) {
        await tx.webhookDelivery.update({
          where: { id: delivery.id },
          data: { ...last, status: "DELIVERED", deliveredAt: now },
        });
        await tx.webhookEndpoint.updateMany({
          where: { id: endpoint.id, teamId: endpoint.teamId },
          data: { failingSince: null },
        });
        return;
      }
      const isFinal = now >= delivery.retryUntil;
      const next = Math.min(now.getTime() + backoffMs(attempts), delivery.retryUntil.getTime());
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: { ...last, status: isFinal ? "FAILED" : "PENDING", nextAttemptAt: new Date(next) },
      });
      await tx.webhookEndpoint.updateMany({
        where: { id: endpoint.id, teamId: endpoint.teamId, failingSince: null },
        data: { failingSince: now },
      });
      const failingSince = endpoint.failingSince ?? now;
      const firstAttempt = await tx.webhookAttempt.findFirst({
        where: { deliveryId: delivery.id, teamId: delivery.teamId },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      });
      const hasFailedAllDay = now.getTime() - failingSince.getTime() >= WEBHOOK_RETRY_WINDOW_MS;
      const hasFailedThroughout = isFinal && failingSince <= (firstAttempt?.createdAt ?? now);
      if (hasFailedAllDay || hasFailedThroughout) await disableFailingEndpoint(tx, endpoint, now);
    },
    { maxWait: LOG_TIMEOUT_MS, timeout: LOG_TIMEOUT_MS },
  );
  return isDelivered;
}

/**
 * The delivery sweep: claims due deliveries of enabled endpoints (FOR UPDATE
 * SKIP LOCKED, then a lease, so two sweeps never take the same one and no
 * transaction stays open during a request) and attempts them, a few at a time.
 * `now` plans the attempts (tests move it); `endpointIds` limits a run (tests).
 */
export async function deliverDueWebhooks(
  now = new Date(),
  { endpointIds, limit = 50 }: { endpointIds?: string[]; limit?: number } = {},
): Promise<{ attempted: number; delivered: number }> {
  const only = endpointIds ? Prisma.sql`AND d."endpointId" = ANY(${endpointIds}::text[])` : Prisma.empty;
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (
      SELECT d.id FROM "WebhookDelivery" d
      JOIN "WebhookEndpoint" e ON e.id = d."endpointId" AND e."teamId" = d."teamId"
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= ${now} AND e.enabled ${only}
      ORDER BY d."nextAttemptAt", d.id
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    RETURNING id`;
  let delivered = 0;
  const queue = claimed.map((c) => c.id);
  // One delivery's error (a database timeout) leaves only that one to its lease; the others go on.
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        if (await attemptDelivery(id, now)) delivered += 1;
      } catch (error) {
        log().error({ err: error, deliveryId: id }, "webhook attempt could not be logged; retried after the lease");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
  return { attempted: claimed.length, delivered };
}

/** How long one run of the delivery job keeps sweeping: a minute, until the next run takes over. */
const SWEEP_RUN_MS = 60_000;
/** The pause between sweeps that found nothing more to do. */
const SWEEP_IDLE_MS = 1_000;

/**
 * Started every minute on one instance: sweeps for a minute, again at once after
 * a full batch and a second after a smaller one, so a delivery goes out about a
 * second after its event commits. Stops early when the instance shuts down.
 */
export const webhookDeliveryJob: JobDefinition = {
  name: "webhooks.deliver",
  schedule: { cron: "* * * * *" },
  retryLimit: 0,
  expireInSeconds: 5 * 60,
  handler: async () => {
    // Imported here: lib/ops/shutdown stops the job runner, which lists this job.
    const { isShuttingDown } = await import("@/lib/ops/shutdown");
    const until = Date.now() + SWEEP_RUN_MS;
    let total = 0;
    while (Date.now() < until && !isShuttingDown()) {
      const { attempted } = await deliverDueWebhooks();
      total += attempted;
      if (attempted < 50) await new Promise((resolve) => setTimeout(resolve, SWEEP_IDLE_MS));
    }
    if (total > 0) log().info({ event: "webhooks.swept", attempted: total }, "webhook deliveries attempted");
  },
};
