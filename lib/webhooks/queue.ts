import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { WEBHOOK_EVENT_TYPES } from "@/lib/validation/webhook";

type Tx = Prisma.TransactionClient;

/** How long a delivery is retried after its event. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

const deliverable = new Set<string>(WEBHOOK_EVENT_TYPES);

/**
 * Queues a delivery of each event just recorded to every enabled endpoint of
 * its team that asked for its type, in the writer's transaction: a delivery
 * exists exactly when its event commits, and never for another team's endpoint.
 */
export async function queueWebhookDeliveries(
  tx: Tx,
  events: readonly { id: bigint; teamId: string | null; kind: string; createdAt: Date }[],
): Promise<void> {
  const wanted = events.filter((e) => e.teamId && deliverable.has(e.kind));
  if (wanted.length === 0) return;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: {
      teamId: { in: [...new Set(wanted.map((e) => e.teamId!))] },
      enabled: true,
      eventTypes: { hasSome: [...new Set(wanted.map((e) => e.kind))] },
    },
    select: { id: true, teamId: true, eventTypes: true },
  });
  if (endpoints.length === 0) return;
  const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const event of wanted)
    for (const endpoint of endpoints)
      if (endpoint.teamId === event.teamId && endpoint.eventTypes.includes(event.kind))
        rows.push({
          teamId: endpoint.teamId,
          endpointId: endpoint.id,
          eventId: event.id,
          eventType: event.kind,
          nextAttemptAt: event.createdAt,
          retryUntil: new Date(event.createdAt.getTime() + WEBHOOK_RETRY_WINDOW_MS),
        });
  if (rows.length > 0) await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
}
