import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cleanupTestData, createTestUser } from "@/lib/testing/factories";
import {
  endSession,
  endUserSessions,
  isSessionOpen,
  rotateSession,
  SESSION_MAX_AGE_SECONDS,
  startSession,
} from "./sessions";

afterAll(cleanupTestData);

describe("sessions", () => {
  it("opens a session for 30 days, open only for its own user", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const id = await startSession(user.id);
    expect(id).toMatch(/^[\w-]{32}$/);
    expect(await isSessionOpen(id, user.id)).toBe(true);
    expect(await isSessionOpen(id, other.id)).toBe(false);
    expect(await isSessionOpen("no-such-session", user.id)).toBe(false);
    const row = await db.userSession.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(SESSION_MAX_AGE_SECONDS * 1000 - 5000);
  });

  it("refuses an expired session, and removes the user's expired ones at the next sign-in", async () => {
    const user = await createTestUser();
    const id = await startSession(user.id);
    await db.userSession.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isSessionOpen(id, user.id)).toBe(false);
    const next = await startSession(user.id);
    expect(await db.userSession.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: next }]);
  });

  it("endSession ends that session only; endUserSessions ends all of a user's, or all but one", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const [a, b, c, d] = await Promise.all([
      startSession(user.id),
      startSession(user.id),
      startSession(user.id),
      startSession(other.id),
    ]);
    await endSession(a);
    expect(await isSessionOpen(a, user.id)).toBe(false);
    expect(await isSessionOpen(b, user.id)).toBe(true);
    await endSession(a); // twice is fine (sign-out action, then Auth.js's sign-out event)

    expect(await endUserSessions(user.id, { except: b })).toBe(1);
    expect(await isSessionOpen(b, user.id)).toBe(true);
    expect(await isSessionOpen(c, user.id)).toBe(false);

    expect(await endUserSessions(user.id)).toBe(1);
    expect(await isSessionOpen(b, user.id)).toBe(false);
    expect(await isSessionOpen(d, other.id)).toBe(true);
  });

  it("rotates an open session to a new id (the old one is refused); an ended or foreign one is not revived", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const old = await startSession(user.id);
    const rotated = await rotateSession(old, user.id);
    expect(rotated).toEqual(expect.any(String));
    expect(rotated).not.toBe(old);
    expect(await isSessionOpen(old, user.id)).toBe(false);
    expect(await isSessionOpen(rotated!, user.id)).toBe(true);

    expect(await rotateSession(old, user.id)).toBeNull();
    expect(await rotateSession(rotated!, other.id)).toBeNull();
    expect(await isSessionOpen(rotated!, user.id)).toBe(true);
    await endSession(rotated!);
    expect(await rotateSession(rotated!, user.id)).toBeNull();
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("goes with the user", async () => {
    const user = await createTestUser();
    const id = await startSession(user.id);
    await db.user.delete({ where: { id: user.id } });
    expect(await db.userSession.count({ where: { id } })).toBe(0);
  });
});
