import "server-only";
import pg from "pg";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * Live updates, server side. PostgreSQL announces every committed team event
 * (a trigger on ActivityEvent, see the live_events migration) on the
 * "pathwise_events" channel, presence changes on "pathwise_presence", and
 * notifications made by background jobs on "pathwise_notices".
 * NOTIFY is delivered only when the writing transaction commits, to every
 * listening connection: each app instance holds ONE dedicated LISTEN
 * connection (not one per browser) and fans the messages out in memory to the
 * open event streams of the matching team.
 */

export const EVENTS_CHANNEL = "pathwise_events";
export const PRESENCE_CHANNEL = "pathwise_presence";
/** New notifications that no team event announces (those of background jobs): team and recipients. */
export const NOTICES_CHANNEL = "pathwise_notices";

/** A committed team event as announced: ids and the kind, never field values. */
export const liveEventSchema = z.object({
  id: z.string().regex(/^\d+$/),
  /** The event's place in its team's commit order (migration 20261204100000_event_commit_order): streams resume by it. */
  seq: z.string().regex(/^\d+$/),
  teamId: z.string(),
  planId: z.string().nullable(),
  taskId: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  kind: z.string(),
  actorId: z.string().nullable(),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

const presenceSchema = z.object({ teamId: z.string(), scope: z.string() });
const noticesSchema = z.object({ teamId: z.string(), userIds: z.array(z.string()) });

export type LiveMessage =
  | { type: "event"; teamId: string; event: LiveEvent }
  | { type: "presence"; teamId: string; scope: string }
  | { type: "notices"; teamId: string; userIds: string[] }
  /** This instance stops: streams end, and browsers reconnect to another instance. */
  | { type: "shutdown" };

type Subscriber = (message: LiveMessage) => void;

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 15_000;

/** One LISTEN connection and the subscribers of each team. */
export class LiveListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private wasConnected = false;
  private readonly teams = new Map<string, Set<Subscriber>>();
  private readonly reconnectHandlers = new Set<() => void>();

  constructor(private readonly connectionString: string) {}

  /** Starts listening (once); resolves when the LISTEN is in place. */
  start(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: `pathwise-live:${process.pid}`,
      keepAlive: true,
    });
    client.on("notification", (message) => this.dispatch(message.channel, message.payload));
    client.on("error", (error) => {
      log().warn({ err: error }, "live: listener connection lost");
      this.dropClient(client);
    });
    client.on("end", () => this.dropClient(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}; LISTEN ${PRESENCE_CHANNEL}; LISTEN ${NOTICES_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    const isReconnect = this.wasConnected;
    this.client = client;
    this.wasConnected = true;
    this.retryMs = RETRY_MIN_MS;
    // Notifications sent while no connection listened are lost: streams replay them from the log.
    if (isReconnect) for (const handler of this.reconnectHandlers) handler();
  }

  private dropClient(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.closed || this.retryTimer || this.teams.size === 0) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start().catch((error: unknown) =>
        log().warn({ err: error, retryInMs: this.retryMs }, "live: reconnect failed"),
      );
    }, delay);
    this.retryTimer.unref();
  }

  private dispatch(channel: string, payload: string | undefined) {
    let message: LiveMessage | null = null;
    try {
      const data: unknown = JSON.parse(payload ?? "");
      if (channel === EVENTS_CHANNEL) {
        const event = liveEventSchema.parse(data);
        message = { type: "event", teamId: event.teamId, event };
      } else if (channel === PRESENCE_CHANNEL) {
        const presence = presenceSchema.parse(data);
        message = { type: "presence", teamId: presence.teamId, scope: presence.scope };
      } else if (channel === NOTICES_CHANNEL) {
        const notices = noticesSchema.parse(data);
        message = { type: "notices", teamId: notices.teamId, userIds: notices.userIds };
      }
    } catch (error) {
      log().warn({ err: error, channel }, "live: unreadable notification");
    }
    if (!message) return;
    for (const subscriber of this.teams.get(message.teamId) ?? []) {
      try {
        subscriber(message);
      } catch (error) {
        log().warn({ err: error }, "live: subscriber failed");
      }
    }
  }

  /** Receives the messages of one team until the returned function is called. */
  subscribe(teamId: string, subscriber: Subscriber): () => void {
    let set = this.teams.get(teamId);
    if (!set) this.teams.set(teamId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.teams.get(teamId) === set) this.teams.delete(teamId);
    };
  }

  /** Called after the connection was lost and is back (to replay what may have been missed). */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  /** How many streams listen here (the health of this instance's fan-out). */
  subscriberCount(): number {
    let count = 0;
    for (const set of this.teams.values()) count += set.size;
    return count;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    for (const set of this.teams.values()) for (const subscriber of set) subscriber({ type: "shutdown" });
    this.teams.clear();
    await client?.end().catch(() => undefined);
  }
}

const globals = globalThis as { pathwiseLive?: LiveListener };

/** This process's listener, created and connected on first use. */
export function liveListener(): LiveListener {
  return (globals.pathwiseLive ??= new LiveListener(getEnv().DATABASE_LISTEN_URL ?? getEnv().DATABASE_URL));
}

/** Closes this process's listener, ending every open stream (graceful shutdown). */
export async function closeLiveListener(): Promise<void> {
  await globals.pathwiseLive?.close();
}
