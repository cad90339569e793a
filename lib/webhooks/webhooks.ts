import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import {
  createWebhookSchema,
  redeliverWebhookSchema,
  setWebhookEnabledSchema,
  webhookIdSchema,
} from "@/lib/validation/webhook";
import { newWebhookSecret } from "./signature";
import { checkWebhookTarget } from "./ssrf";

/** How many endpoints one team may have. */
export const MAX_WEBHOOKS_PER_TEAM = 20;
/** How many deliveries the log of an endpoint shows. */
export const DELIVERY_LOG_SIZE = 50;

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
    data: { teamId: ctx.team.id, url: input.url, eventTypes: input.eventTypes, secret },
    select: { id: true, url: true, eventTypes: true },
  });
  return { ...row, secret };
});

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
      id: true,
      url: true,
      eventTypes: true,
      enabled: true,
      disabledReason: true,
      disabledAt: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DELIVERY_LOG_SIZE,
        select: {
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
        },
      },
    },
  }),
);

export type WebhookRow = Awaited<ReturnType<typeof listWebhooks.handler>>[number];
