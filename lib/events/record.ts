import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TeamContext } from "@/lib/server/team-context";
import type { TeamEvent, UserEvent } from "@/lib/events/events";
import { notifyFromEvents } from "@/lib/notifications/rules";
import { queueWebhookDeliveries } from "@/lib/webhooks/queue";

type Tx = Prisma.TransactionClient;

/** Who acted, where: the team, the person (null for the system) and their address. */
export type EventActor = { teamId: string; userId: string | null; ip?: string };

/** The log row of a team event: its entity, its plan and task columns, and its payload. */
export function eventRow(actor: EventActor, event: TeamEvent): Prisma.ActivityEventCreateManyInput {
  const base = { teamId: actor.teamId, actorId: actor.userId, kind: event.kind, ip: actor.ip };
  const payload = {
    before: "before" in event ? (event.before as Prisma.InputJsonObject) : undefined,
    after: "after" in event ? (event.after as Prisma.InputJsonObject) : undefined,
  };
  switch (event.kind) {
    case "task.created":
    case "task.updated":
    case "task.dependency_added":
    case "task.dependency_removed":
      return {
        ...base,
        ...payload,
        planId: event.planId,
        taskId: event.taskId,
        entityType: "task",
        entityId: event.taskId,
      };
    case "task.deleted":
      // The task row is gone: the event keeps its id as the entity only.
      return { ...base, ...payload, planId: event.planId, entityType: "task", entityId: event.taskId };
    case "comment.created":
    case "comment.edited":
    case "comment.deleted":
      return { ...base, planId: event.planId, taskId: event.taskId, entityType: "comment", entityId: event.commentId };
    case "plan.created":
    case "plan.updated":
    case "plan.status_changed":
      return { ...base, ...payload, planId: event.planId, entityType: "plan", entityId: event.planId };
    case "plan.deleted":
      return { ...base, ...payload, entityType: "plan", entityId: event.planId };
    case "indicator.created":
    case "indicator.updated":
    case "indicator.deleted":
      return { ...base, ...payload, planId: event.planId, entityType: "indicator", entityId: event.indicatorId };
    case "indicator.reading_added":
    case "indicator.reading_corrected":
    case "indicator.reading_deleted":
      return { ...base, ...payload, planId: event.planId, entityType: "indicator_reading", entityId: event.readingId };
    case "invitation.created":
    case "invitation.accepted":
    case "invitation.revoked":
    case "invitation.renewed":
      return { ...base, ...payload, entityType: "invitation", entityId: event.invitationId };
    case "member.role_changed":
    case "member.removed":
    case "member.left":
      return { ...base, ...payload, entityType: "membership", entityId: event.membershipId };
    case "team.created":
    case "team.updated":
      return { ...base, ...payload, entityType: "team", entityId: actor.teamId };
    case "team.deleted":
      // The team's own log goes with it; this audit line outlives it.
      return { ...base, ...payload, teamId: null, entityType: "team", entityId: actor.teamId };
    case "api_token.created":
    case "api_token.revoked":
      return { ...base, ...payload, entityType: "api_token", entityId: event.tokenId };
    case "diagnostic.taken":
      return { ...base, ...payload, entityType: "diagnostic", entityId: event.diagnosticId };
  }
}

const recordedSelect = { id: true, teamId: true, kind: true, createdAt: true } as const;

/**
 * Writes one team event to the activity log, in the caller's transaction, with
 * the notifications it calls for (lib/notifications/rules.ts) and its webhook
 * deliveries (lib/webhooks/queue.ts): the one place where both are made, so
 * they exist exactly when the change commits.
 */
export async function recordEvent(tx: Tx, actor: EventActor, event: TeamEvent): Promise<void> {
  const row = await tx.activityEvent.create({ data: eventRow(actor, event), select: recordedSelect });
  await notifyFromEvents(tx, actor, [event]);
  await queueWebhookDeliveries(tx, [row]);
}

/** Writes many team events of one actor at once, with their notifications and webhook deliveries. */
export async function recordEvents(tx: Tx, actor: EventActor, events: readonly TeamEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = await tx.activityEvent.createManyAndReturn({
    data: events.map((e) => eventRow(actor, e)),
    select: recordedSelect,
  });
  await notifyFromEvents(tx, actor, events);
  await queueWebhookDeliveries(tx, rows);
}

/** The log row of an account event (sign-up, sign-in, password changes) of a person, outside any team. */
export function userEventRow(
  { userId, ip }: { userId: string; ip?: string },
  event: UserEvent,
): Prisma.ActivityEventCreateManyInput {
  return { actorId: userId, kind: event.kind, entityType: "user", entityId: userId, ip };
}

/** Writes an account event of a person. */
export async function recordUserEvent(tx: Tx, actor: { userId: string; ip?: string }, event: UserEvent): Promise<void> {
  await tx.activityEvent.create({ data: userEventRow(actor, event) });
}

/** The actor of a team operation. */
export function actorOf(ctx: TeamContext): EventActor {
  return { teamId: ctx.team.id, userId: ctx.userId, ip: ctx.ip };
}
