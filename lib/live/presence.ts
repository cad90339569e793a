import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { PRESENCE_CHANNEL } from "@/lib/live/listener";

/** A page sends a heartbeat this often; a row not refreshed within PRESENCE_WINDOW_MS is stale. */
export const PRESENCE_HEARTBEAT_MS = 15_000;
export const PRESENCE_WINDOW_MS = 40_000;

/** What is being viewed: "plan:<id>" or "task:<id>" of the caller's team. */
export const presenceScopeSchema = z.string().regex(/^(plan|task):[A-Za-z0-9_-]{1,64}$/);

export const presenceSchema = z.object({
  scope: presenceScopeSchema,
  editing: z.boolean().default(false),
  /** The page is closing: the row goes, and the others are told at once. */
  leave: z.boolean().default(false),
});

export type PresentMember = { userId: string; name: string; editing: boolean };

/**
 * Records that the member views (or edits, or left) a plan or task of their
 * team, and returns who else views it now. Arrivals, departures and a change of
 * "editing" are announced on the presence channel, so the other viewers' pages
 * ask again at once; plain heartbeats are not announced. Rows live in the
 * database, so every app instance sees the same viewers.
 */
export const heartbeatPresence = defineOperation(
  "team.read",
  presenceSchema,
  async (ctx, { scope, editing, leave }): Promise<PresentMember[]> => {
    const teamId = ctx.team.id;
    const key = { userId: ctx.userId, teamId, scope };
    const cutoff = new Date(Date.now() - PRESENCE_WINDOW_MS);
    let changed: boolean;
    if (leave) {
      changed = (await db.presence.deleteMany({ where: key })).count > 0;
    } else {
      await db.presence.deleteMany({ where: { teamId, scope, seenAt: { lt: cutoff } } });
      const before = await db.presence.findUnique({
        where: { userId_teamId_scope: key },
        select: { editing: true, seenAt: true },
      });
      await db.presence.upsert({
        where: { userId_teamId_scope: key },
        create: { ...key, editing },
        update: { editing, seenAt: new Date() },
      });
      changed = !before || before.editing !== editing || before.seenAt < cutoff;
    }
    if (changed) await db.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify({ teamId, scope })})`;
    if (leave) return [];
    const rows = await db.presence.findMany({
      where: { teamId, scope, seenAt: { gte: cutoff }, userId: { not: ctx.userId } },
      orderBy: { seenAt: "asc" },
      select: { userId: true, editing: true, user: { select: { name: true } } },
      take: 20,
    });
    return rows.map((row) => ({ userId: row.userId, name: row.user.name, editing: row.editing }));
  },
);
