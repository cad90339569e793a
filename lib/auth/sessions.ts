import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** How long a session lasts from sign-in (the cookie's lifetime too). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Opens a session for a user who just signed in and returns its id, which the
 * session cookie carries. The user's expired sessions are removed on the way.
 */
export async function startSession(userId: string): Promise<string> {
  const id = newSessionId();
  const now = new Date();
  await db.$transaction([
    db.userSession.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.userSession.create({ data: { id, userId, expiresAt: expiresFrom(now) } }),
  ]);
  return id;
}

/**
 * Replaces an open session by a new one (the cookie is then re-issued with the
 * new id), so copies of the old cookie are refused. Null, and nothing changes,
 * when the session is not open for that user: an ended session cannot be revived.
 */
export async function rotateSession(sessionId: string, userId: string): Promise<string | null> {
  const id = newSessionId();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.userSession.deleteMany({ where: { id: sessionId, userId, expiresAt: { gt: now } } });
    if (count !== 1) return null;
    await tx.userSession.create({ data: { id, userId, expiresAt: expiresFrom(now) } });
    return id;
  });
}

function newSessionId(): string {
  return randomBytes(24).toString("base64url");
}

function expiresFrom(now: Date): Date {
  return new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
}

/** Whether the session is open for that user (one primary-key read). */
export async function isSessionOpen(sessionId: string, userId: string): Promise<boolean> {
  const row = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, expiresAt: true } });
  return Boolean(row && row.userId === userId && row.expiresAt > new Date());
}

/** Ends one session: its cookie, and every copy of it, is refused from now on. */
export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user, or every one but `except` (the one making the request). */
export async function endUserSessions(userId: string, { except }: { except?: string } = {}): Promise<number> {
  const { count } = await db.userSession.deleteMany({
    where: { userId, ...(except ? { id: { not: except } } : {}) },
  });
  return count;
}
