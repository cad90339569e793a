"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import type { CreateWebhookInput, UpdateWebhookInput } from "@/lib/validation/webhook";
import {
  createWebhook,
  deleteWebhook,
  pingWebhook,
  redeliverWebhook,
  rollWebhookSecret,
  setWebhookEnabled,
  updateWebhook,
} from "@/lib/webhooks/webhooks";

const page = (teamSlug: string) => `/t/${teamSlug}/settings/webhooks`;

const runCreate = teamAction(createWebhook);
/** Registers an endpoint; its signing secret is in the result, once. */
export async function createWebhookAction(teamSlug: string, input: CreateWebhookInput) {
  const result = await runCreate(teamSlug, input);
  if (result.ok) revalidatePath(page(teamSlug));
  return result;
}

const runUpdate = teamAction(updateWebhook);
/** Saves an endpoint's address, event types and description; refused when someone saved it since. */
export async function updateWebhookAction(teamSlug: string, input: UpdateWebhookInput) {
  const result = await runUpdate(teamSlug, input);
  if (result.ok) {
    revalidatePath(page(teamSlug));
    revalidatePath(`${page(teamSlug)}/${input.endpointId}`);
  }
  return result;
}

const runPing = teamAction(pingWebhook);
/** Sends a signed test event to an endpoint now and returns its answer. */
export async function pingWebhookAction(teamSlug: string, endpointId: string) {
  return runPing(teamSlug, { endpointId });
}

const runRoll = teamAction(rollWebhookSecret);
/** Replaces an endpoint's secret; the new one is in the result, once. */
export async function rollWebhookSecretAction(teamSlug: string, endpointId: string) {
  return runRoll(teamSlug, { endpointId });
}

const runSetEnabled = teamAction(setWebhookEnabled);
/** Turns an endpoint on or off. */
export async function setWebhookEnabledAction(teamSlug: string, endpointId: string, enabled: boolean) {
  const result = await runSetEnabled(teamSlug, { endpointId, enabled });
  if (result.ok) {
    revalidatePath(page(teamSlug));
    revalidatePath(`${page(teamSlug)}/${endpointId}`);
  }
  return result;
}

const runDelete = teamAction(deleteWebhook);
/** Deletes an endpoint and its log. */
export async function deleteWebhookAction(teamSlug: string, endpointId: string) {
  const result = await runDelete(teamSlug, { endpointId });
  if (result.ok) revalidatePath(page(teamSlug));
  return result;
}

const runRedeliver = teamAction(redeliverWebhook);
/** Queues one more attempt of a delivery. */
export async function redeliverWebhookAction(teamSlug: string, deliveryId: string) {
  const result = await runRedeliver(teamSlug, { deliveryId });
  if (result.ok) revalidatePath(page(teamSlug));
  return result;
}
