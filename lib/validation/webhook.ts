import { z } from "zod";
import { FEED_EVENT_TYPES, type TeamEventKind } from "@/lib/events/events";
import { msg } from "@/lib/i18n/error-text";
import { idSchema, textSchema, versionSchema } from "@/lib/validation/common";

/** The event types an endpoint may ask for: the changes feed's. */
export const WEBHOOK_EVENT_TYPES = FEED_EVENT_TYPES;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event types grouped by what they are about ("task", "plan" …), for the form's checkboxes. */
export const WEBHOOK_EVENT_GROUPS = Object.entries(
  WEBHOOK_EVENT_TYPES.reduce<Record<string, TeamEventKind[]>>((groups, type) => {
    const area = type.split(".")[0]!;
    (groups[area] ??= []).push(type);
    return groups;
  }, {}),
);

/** An http(s) address without credentials (fetch refuses them; the signature authenticates instead). */
function isWebhookUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password && !!url.hostname;
}

export const webhookUrlSchema = textSchema
  .trim()
  .min(1, msg("webhookUrlRequired"))
  .max(2000, msg("tooLong", { max: 2000 }))
  .refine(isWebhookUrl, msg("webhookUrlInvalid"));

/** The event types an endpoint wants: at least one, each once. */
export const webhookEventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, msg("webhookEventTypesRequired"))
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

/** What the admins call an endpoint: up to 200 characters, may be empty. */
export const webhookDescriptionSchema = textSchema.trim().max(200, msg("tooLong", { max: 200 }));

/** A new endpoint: its address, the event types it wants (at least one) and an optional description. */
export const createWebhookSchema = z.object({
  url: webhookUrlSchema,
  eventTypes: webhookEventTypesSchema,
  description: webhookDescriptionSchema.optional().default(""),
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

/** An edit of an endpoint, made from `version` (refused when someone saved since). */
export const updateWebhookSchema = z.object({
  endpointId: idSchema,
  version: versionSchema,
  url: webhookUrlSchema,
  eventTypes: webhookEventTypesSchema,
  description: webhookDescriptionSchema,
});
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
/** How many deliveries one page of an endpoint's log shows. */
export const DELIVERY_PAGE_SIZE = 50;

/** One page of an endpoint's delivery log, newest first, optionally of one status only. */
export const listWebhookDeliveriesSchema = z.object({
  endpointId: idSchema,
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const webhookIdSchema = z.object({ endpointId: idSchema });

export const setWebhookEnabledSchema = z.object({ endpointId: idSchema, enabled: z.boolean() });

export const redeliverWebhookSchema = z.object({ deliveryId: idSchema });

/** The codes of an attempt's error that the delivery log shows in words (others are the connection's own error). */
export const WEBHOOK_ERRORS = ["private_address", "unresolvable", "timeout", "redirect", "event_gone"] as const;
