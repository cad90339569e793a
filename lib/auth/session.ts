import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";

/**
 * The signed-in user and the id of their session, read from the database on each
 * request: null when signed out, when the session was ended (sign-out, password
 * change or reset, "sign out everywhere") or expired, or when the user is gone.
 * One read by primary key, which also loads the user.
 */
export const getCurrentSession = cache(async () => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, name: true, email: true, locale: true, timeZone: true } } },
  });
  if (!row || row.user.id !== userId || row.expiresAt <= new Date()) return null;
  return { sessionId, user: row.user };
});

/** The signed-in user (null when signed out, the session was ended, or the user is deleted). */
export const getCurrentUser = cache(async () => (await getCurrentSession())?.user ?? null);

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** The signed-in user, or a redirect to sign-in that returns to the requested page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const next = (await headers()).get("x-pathname");
    redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  }
  return user;
}
