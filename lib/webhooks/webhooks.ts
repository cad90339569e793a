import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import {
  createWebhookSchema,
  DELIVERY_PAGE_SIZE,
  listWebhookDeliveriesSchema,
  redeliverWebhookSchema,
  setWebhookEnabledSchema,
  updateWebhookSchema,
  webhookIdSchema,
} from "@/lib/validation/webhook";
import { postWebhook } from "./deliver";
import { newWebhookSecret, signatureHeader } from "./signature";
import { checkWebhookTarget } from "./ssrf";

/** How many endpoints one team may have. */
export const MAX_WEBHOOKS_PER_TEAM = 20;
/** How many deliveries the list of endpoints shows for each. */
export const DELIVERY_LOG_SIZE = 50;

const deliverySelect = {
  id: true,
  eventId: true,
  eventType: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastError: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  createdAt: true,
} as const;

/** Refuses an address that leads to a private network (unless allowed) or nowhere, as a field error on `url`. */
async function assertReachable(url: string): Promise<void> {
  const problem = await checkWebhookTarget(url, { allowPrivate: getEnv().WEBHOOK_ALLOW_PRIVATE });
  if (!problem) return;
  const error = msg(problem === "private" ? "webhookUrlPrivate" : "webhookUrlUnresolvable");
  throw new AppError("VALIDATION", { userMessage: error, fieldErrors: { url: [error] } });
}

async function findEndpoint(teamId: string, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, teamId },
    select: { id: true, url: true, enabled: true },
  });
  if (!endpoint) throw new AppError("NOT_FOUND");
  return endpoint;
}

/** Registers an endpoint for the team; its signing secret is returned once (and again only by rolling it). */
export const createWebhook = defineOperation("webhooks.manage", createWebhookSchema, async (ctx, input) => {
  await assertReachable(input.url);
  const count = await db.webhookEndpoint.count({ where: { teamId: ctx.team.id } });
  if (count >= MAX_WEBHOOKS_PER_TEAM)
    throw new AppError("CONFLICT", { userMessage: msg("webhookLimit", { max: MAX_WEBHOOKS_PER_TEAM }) });
  const secret = newWebhookSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      teamId: ctx.team.id,
      url: input.url,
      eventTypes: input.eventTypes,
      description: input.description,
      secret,
    },
    select: { id: true, url: true, eventTypes: true, description: true, version: true },
  });
  return { ...row, secret };
});

const endpointFields = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  version: true,
  enabled: true,
  disabledReason: true,
  disabledAt: true,
  createdAt: true,
} as const;

/**
 * Edits an endpoint's address (checked against private networks as at
 * registration), event types and description. Refused with the endpoint as it
 * is now when someone saved it since `version`. Deliveries still waiting go to
 * the new address.
 */
export const updateWebhook = defineOperation("webhooks.manage", updateWebhookSchema, async (ctx, input) => {
  await findEndpoint(ctx.team.id, input.endpointId);
  await assertReachable(input.url);
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id: input.endpointId, teamId: ctx.team.id, version: input.version },
    data: {
      url: input.url,
      eventTypes: input.eventTypes,
      description: input.description,
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    const current = await db.webhookEndpoint.findFirst({
      where: { id: input.endpointId, teamId: ctx.team.id },
      select: { url: true, eventTypes: true, description: true, version: true },
    });
    if (!current) throw new AppError("NOT_FOUND");
    throw new AppError("CONFLICT", { userMessage: msg("webhookEditConflict"), details: { current } });
  }
  return { id: input.endpointId, version: input.version + 1 };
});

/**
 * Sends a test event ("ping") to an endpoint now, signed with its secret like
 * any delivery, and returns the answer. Nothing is queued or retried; a
 * disabled endpoint can be pinged (to check it before enabling it again).
 */
export const pingWebhook = defineOperation("webhooks.manage", webhookIdSchema, async (ctx, input) => {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: input.endpointId, teamId: ctx.team.id },
    select: { id: true, url: true, secret: true },
  });
  if (!endpoint) throw new AppError("NOT_FOUND");
  const id = `ping_${randomBytes(8).toString("hex")}`;
  const body = JSON.stringify({
    id,
    type: "ping",
    occurredAt: new Date().toISOString(),
    actor: { id: ctx.userId },
    endpoint: { id: endpoint.id, url: endpoint.url },
    team: { id: ctx.team.id, slug: ctx.team.slug, name: ctx.team.name },
  });
  const allowPrivate = getEnv().WEBHOOK_ALLOW_PRIVATE;
  const problem = await checkWebhookTarget(endpoint.url, { allowPrivate });
  const outcome = problem
    ? { statusCode: null, error: problem === "private" ? "private_address" : "unresolvable", durationMs: 0 }
    : await postWebhook(
        endpoint.url,
        {
          "Content-Type": "application/json",
          "User-Agent": "Pathwise-Webhooks/1",
          "Pathwise-Event-Id": id,
          "Pathwise-Event-Type": "ping",
          "Pathwise-Signature": signatureHeader(endpoint.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        allowPrivate,
      );
  const isDelivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  return { id, ...outcome, isDelivered };
});

/** One endpoint of the team (its settings page). */
export const getWebhook = defineOperation("webhooks.manage", webhookIdSchema, async (ctx, input) => {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: input.endpointId, teamId: ctx.team.id },
    select: endpointFields,
  });
  if (!endpoint) throw new AppError("NOT_FOUND");
  return endpoint;
});

/** One page of an endpoint's delivery log, newest first, optionally of one status only, with the total. */
export const listWebhookDeliveries = defineOperation(
  "webhooks.manage",
  listWebhookDeliveriesSchema,
  async (ctx, input) => {
    const endpoint = await findEndpoint(ctx.team.id, input.endpointId);
    const where = { endpointId: endpoint.id, teamId: ctx.team.id, ...(input.status ? { status: input.status } : {}) };
    const [total, deliveries] = await Promise.all([
      db.webhookDelivery.count({ where }),
      db.webhookDelivery.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (input.page - 1) * DELIVERY_PAGE_SIZE,
        take: DELIVERY_PAGE_SIZE,
        select: deliverySelect,
      }),
    ]);
    return { total, page: input.page, pageCount: Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE)), deliveries };
  },
);

/** Replaces an endpoint's signing secret at once and returns the new one, once. */
export const rollWebhookSecret = defineOperation("webhooks.manage", webhookIdSchema, async (ctx, input) => {
  const endpoint = await findEndpoint(ctx.team.id, input.endpointId);
  const secret = newWebhookSecret();
  await db.webhookEndpoint.updateMany({ where: { id: endpoint.id, teamId: ctx.team.id }, data: { secret } });
  return { id: endpoint.id, url: endpoint.url, secret };
});

/**
 * Turns an endpoint on or off. Turning it on starts afresh: its failure
 * streak is forgotten and deliveries still waiting go out again.
 */
export const setWebhookEnabled = defineOperation("webhooks.manage", setWebhookEnabledSchema, async (ctx, input) => {
  const endpoint = await findEndpoint(ctx.team.id, input.endpointId);
  await db.webhookEndpoint.updateMany({
    where: { id: endpoint.id, teamId: ctx.team.id },
    data: input.enabled
      ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null }
      : { enabled: false, disabledReason: "manual", disabledAt: new Date() },
  });
  return { id: endpoint.id, enabled: input.enabled };
});

/** Deletes an endpoint with its delivery log. */
export const deleteWebhook = defineOperation("webhooks.manage", webhookIdSchema, async (ctx, input) => {
  const endpoint = await findEndpoint(ctx.team.id, input.endpointId);
  await db.webhookEndpoint.deleteMany({ where: { id: endpoint.id, teamId: ctx.team.id } });
  return { id: endpoint.id };
});

/** Sends a delivery once more, at the next sweep (within a minute), whatever became of it. */
export const redeliverWebhook = defineOperation("webhooks.manage", redeliverWebhookSchema, async (ctx, input) => {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: input.deliveryId, teamId: ctx.team.id },
    select: { id: true, endpoint: { select: { enabled: true } } },
  });
  if (!delivery) throw new AppError("NOT_FOUND");
  if (!delivery.endpoint.enabled) throw new AppError("CONFLICT", { userMessage: msg("webhookDisabled") });
  const now = new Date();
  // One attempt: the retry window ends now, so a failure is final.
  await db.webhookDelivery.updateMany({
    where: { id: delivery.id, teamId: ctx.team.id },
    data: { status: "PENDING", nextAttemptAt: now, retryUntil: now },
  });
  return { id: delivery.id };
});

/** The team's endpoints with their latest delivery, oldest first (the page of admins). */
export const listWebhooks = defineOperation("webhooks.manage", z.object({}), async (ctx) =>
  db.webhookEndpoint.findMany({
    where: { teamId: ctx.team.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      ...endpointFields,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DELIVERY_LOG_SIZE,
        select: deliverySelect,
      },
    },
  }),
);

export type WebhookRow = Awaited<ReturnType<typeof listWebhooks.handler>>[number];
