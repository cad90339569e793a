import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { DEFAULT_CHANNEL, NOTICE_KINDS, type NoticeKind } from "./kinds";

export const CHANNELS = ["EMAIL", "IN_APP", "OFF"] as const;
export type Channel = (typeof CHANNELS)[number];

export const preferencesSchema = z.object(
  Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, z.enum(CHANNELS)])) as Record<
    NoticeKind,
    z.ZodEnum<{ [K in Channel]: K }>
  >,
);

/** A person's channel for every kind (EMAIL where they never chose). */
export async function getPreferences(userId: string): Promise<Record<NoticeKind, Channel>> {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  const chosen = new Map(rows.map((r) => [r.kind, r.channel]));
  return Object.fromEntries(NOTICE_KINDS.map((k) => [k, chosen.get(k) ?? DEFAULT_CHANNEL])) as Record<
    NoticeKind,
    Channel
  >;
}

/** Saves a person's channels; a kind turned away from EMAIL drops its mails not yet sent. */
export async function savePreferences(userId: string, input: unknown) {
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) return false;
  await db.$transaction([
    ...NOTICE_KINDS.map((kind) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, channel: parsed.data[kind] },
        update: { channel: parsed.data[kind] },
      }),
    ),
    db.notification.updateMany({
      where: { userId, mailPending: true, kind: { in: NOTICE_KINDS.filter((k) => parsed.data[k] !== "EMAIL") } },
      data: { mailPending: false },
    }),
  ]);
  return true;
}
