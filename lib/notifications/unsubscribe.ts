import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { appLink } from "@/lib/app-url";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isNoticeKind, type NoticeKind } from "./kinds";

function secret(): string {
  const { AUTH_SECRET, DATABASE_URL } = getEnv();
  // AUTH_SECRET is set wherever the app runs (next start needs it); the fallback only serves scripts.
  return AUTH_SECRET ?? `pathwise-unsubscribe:${DATABASE_URL}`;
}

const sign = (userId: string, kinds: string) =>
  createHmac("sha256", secret()).update(`unsubscribe:${userId}:${kinds}`).digest("base64url");

/**
 * The unsubscribe links of a mail: `oneClick` for the List-Unsubscribe header
 * (RFC 8058: a POST stops the mails), `page` for the link in the text (a page
 * with a button, since link scanners open every GET). Both name the person and
 * the kinds the mail is about, signed, so they work without signing in and for
 * nothing else.
 */
export function unsubscribeLinks(userId: string, kinds: readonly NoticeKind[]) {
  const k = [...new Set(kinds)].sort().join(",");
  const query = new URLSearchParams({ u: userId, k, s: sign(userId, k) }).toString();
  return { oneClick: appLink(`/api/unsubscribe?${query}`), page: appLink(`/unsubscribe?${query}`) };
}

/** The person and kinds of a genuine unsubscribe link, else null. */
export function readUnsubscribe(params: URLSearchParams): { userId: string; kinds: NoticeKind[] } | null {
  const [userId, k, s] = [params.get("u"), params.get("k"), params.get("s")];
  if (!userId || !k || !s || userId.length > 40 || k.length > 400) return null;
  const expected = Buffer.from(sign(userId, k));
  const given = Buffer.from(s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const kinds = k.split(",");
  if (!kinds.every(isNoticeKind)) return null;
  return { userId, kinds };
}

/** Stops mails of those kinds for the person: they stay in the app (IN_APP), unless already OFF. */
export async function unsubscribe({ userId, kinds }: { userId: string; kinds: readonly NoticeKind[] }) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return;
  await db.$transaction(
    kinds.map((kind) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, channel: "IN_APP" },
        update: {},
      }),
    ),
  );
  await db.notificationPreference.updateMany({
    where: { userId, kind: { in: [...kinds] }, channel: "EMAIL" },
    data: { channel: "IN_APP" },
  });
  await db.notification.updateMany({
    where: { userId, kind: { in: [...kinds] }, mailPending: true },
    data: { mailPending: false },
  });
}
