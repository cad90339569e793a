import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { liveListener, type LiveEvent, type LiveListener, type LiveMessage } from "@/lib/live/listener";
import { log } from "@/lib/log";
import { findMembership } from "@/lib/server/team-context";

/** At most this many missed events are replayed after a reconnect; beyond that the browser reloads its data. */
export const REPLAY_LIMIT = 500;
const HEARTBEAT_MS = 15_000;
/** Every this many heartbeats the membership is read again (a safety net beside the member.* events). */
const RECHECK_EVERY = 4;
/** How long EventSource waits before it reconnects after a drop. */
const RETRY_MS = 2000;

/** Kinds a team member's stream never carries (another member's API tokens). */
const HIDDEN_KINDS = /^api_token\./;

export const STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: no proxy or compression middleware may buffer or rewrite the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // nginx: do not buffer this response.
  "X-Accel-Buffering": "no",
};

function frame(fields: { id?: string; event?: string; data?: unknown; comment?: string; retry?: number }): string {
  if (fields.comment !== undefined) return `: ${fields.comment}\n\n`;
  let text = "";
  if (fields.retry !== undefined) text += `retry: ${fields.retry}\n`;
  if (fields.id !== undefined) text += `id: ${fields.id}\n`;
  if (fields.event !== undefined) text += `event: ${fields.event}\n`;
  if (fields.data !== undefined) text += `data: ${JSON.stringify(fields.data)}\n`;
  return `${text}\n`;
}

/** A position in a team's event log as sent by the browser (Last-Event-ID or ?since=). */
export function parseEventId(value: string | null | undefined): bigint | null {
  return value && /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

/** The team's events after position `after` in commit order, oldest first, at most `limit`. */
async function eventsAfter(teamId: string, after: bigint, limit: number): Promise<LiveEvent[]> {
  const rows = await db.activityEvent.findMany({
    where: { teamId, seq: { gt: after }, NOT: { kind: { startsWith: "api_token." } } },
    orderBy: { seq: "asc" },
    take: limit,
    select: {
      id: true,
      seq: true,
      teamId: true,
      planId: true,
      taskId: true,
      entityType: true,
      entityId: true,
      kind: true,
      actorId: true,
    },
  });
  return rows.map((row) => ({ ...row, id: row.id.toString(), seq: (row.seq ?? 0n).toString(), teamId }));
}

/**
 * The position of a team's newest committed event in commit order (0 for none):
 * where a page's live stream starts. Events are numbered as their transactions
 * commit, so every event before this position is already visible.
 */
export async function latestEventId(teamId: string): Promise<bigint> {
  const row = await db.activityEvent.findFirst({
    where: { teamId, seq: { not: null } },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  return row?.seq ?? 0n;
}

export type TeamStreamInput = {
  userId: string;
  teamSlug: string;
  /** Where the browser's view stands: the Last-Event-ID header of a reconnect, else ?since= of the page. */
  lastEventId: bigint | null;
  signal: AbortSignal;
  listener?: LiveListener;
  heartbeatMs?: number;
};

/**
 * The Server-Sent Events stream of a team for one member: every committed event
 * of the team (ids and kind only), presence changes, and a comment line as
 * heartbeat. Opening it needs membership (another team's slug is a 404 like an
 * unknown one). Events after `lastEventId` are replayed from the activity log
 * first, so a reconnect misses nothing. Membership is read again on every
 * member.* event of the team: a member who was removed or left gets a
 * `revoked` event and the stream ends at once.
 */
export async function openTeamStream({
  userId,
  teamSlug,
  lastEventId,
  signal,
  listener = liveListener(),
  heartbeatMs = HEARTBEAT_MS,
}: TeamStreamInput): Promise<Response> {
  const membership = await findMembership(userId, { slug: teamSlug });
  if (!membership) throw new AppError("NOT_FOUND");
  const teamId = membership.team.id;
  await listener.start();

  const encoder = new TextEncoder();
  let cleanup = () => {};
  let isOpen = true;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let lastSent = lastEventId ?? 0n;
      // Until the replay is sent, live messages wait here so the order stays that of the log.
      let pending: LiveMessage[] | null = [];
      let queue = Promise.resolve();
      let beats = 0;

      const write = (text: string) => {
        if (isOpen) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (!isOpen) return;
        isOpen = false;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const stillMember = async () => {
        if (await findMembership(userId, { id: teamId })) return true;
        write(frame({ event: "revoked", data: {} }));
        close();
        return false;
      };
      // Positions follow commit order (not insert order): one at or below lastSent was sent already.
      const sendEvent = (event: LiveEvent) => {
        const seq = BigInt(event.seq);
        if (seq <= lastSent) return;
        lastSent = seq;
        if (!HIDDEN_KINDS.test(event.kind)) write(frame({ id: event.seq, event: "change", data: event }));
      };
      const handle = async (message: LiveMessage) => {
        if (!isOpen) return;
        if (message.type === "shutdown") return close();
        if (message.type === "presence") return write(frame({ event: "presence", data: { scope: message.scope } }));
        if (message.type === "notices") {
          if (message.userIds.includes(userId)) write(frame({ event: "notice", data: {} }));
          return;
        }
        if (message.event.kind.startsWith("member.") && !(await stillMember())) return;
        sendEvent(message.event);
      };
      const enqueue = (work: () => Promise<void> | void) => {
        queue = queue.then(work).catch((error: unknown) => {
          log().warn({ err: error }, "live: stream failed");
          close();
        });
      };
      /** Sends what the log holds after lastSent (a reconnect, or this instance's listener was down). */
      const replay = async () => {
        const events = await eventsAfter(teamId, lastSent, REPLAY_LIMIT + 1);
        if (events.length > REPLAY_LIMIT) {
          // Too far behind: the browser reloads its data instead of applying each event.
          const latest = await latestEventId(teamId);
          lastSent = latest;
          write(frame({ id: latest.toString(), event: "reset", data: {} }));
          return;
        }
        for (const event of events) sendEvent(event);
      };

      const unsubscribe = listener.subscribe(teamId, (message) => {
        if (pending) pending.push(message);
        else enqueue(() => handle(message));
      });
      const offReconnect = listener.onReconnect(() => enqueue(replay));
      const heartbeat = setInterval(() => {
        beats += 1;
        write(frame({ comment: "ping" }));
        if (beats % RECHECK_EVERY === 0) enqueue(async () => void (await stillMember()));
      }, heartbeatMs);
      const onAbort = () => close();
      signal.addEventListener("abort", onAbort);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        offReconnect();
        signal.removeEventListener("abort", onAbort);
      };
      if (signal.aborted) return close();

      write(frame({ retry: RETRY_MS }));
      enqueue(async () => {
        if (lastEventId === null) {
          // A first connection without a position starts at the log's end; its id becomes the reconnect position.
          lastSent = await latestEventId(teamId);
          write(frame({ id: lastSent.toString(), event: "ready", data: {} }));
        } else {
          await replay();
          write(frame({ id: lastSent.toString(), event: "ready", data: {} }));
        }
        const waiting = pending ?? [];
        pending = null;
        for (const message of waiting) await handle(message);
      });
    },
    cancel() {
      isOpen = false;
      cleanup();
    },
  });

  return new Response(body, { headers: STREAM_HEADERS });
}
