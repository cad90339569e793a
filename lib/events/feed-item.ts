import type { Prisma } from "@/generated/prisma/client";
import type { TeamEventKind } from "@/lib/events/events";

/** The columns of an activity event that integrators see (the changes feed and webhook deliveries). */
export const feedEventSelect = {
  id: true,
  kind: true,
  createdAt: true,
  planId: true,
  taskId: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.ActivityEventSelect;

export type FeedEventRow = Prisma.ActivityEventGetPayload<{ select: typeof feedEventSelect }>;

const asObject = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** An event as integrators see it: the item of GET /api/v1/events and the body of a webhook delivery. */
export function feedItemOf(row: FeedEventRow) {
  return {
    id: row.id.toString(),
    type: row.kind as TeamEventKind,
    occurredAt: row.createdAt.toISOString(),
    actor: row.actor,
    planId: row.planId,
    taskId: row.taskId,
    entityType: row.entityType,
    entityId: row.entityId,
    before: asObject(row.before),
    after: asObject(row.after),
  };
}

export type FeedItem = ReturnType<typeof feedItemOf>;
