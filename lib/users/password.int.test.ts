import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { isSessionOpen, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { deferredWork, startSmtpSink, type SmtpSink } from "@/lib/testing/smtp";
import { hashToken } from "@/lib/tokens";
import { appErrorOf, cleanupTestData, createTestUser, randomEmail, randomIp } from "@/lib/testing/factories";
import { isResetTokenUsable, requestPasswordReset, resetPassword, RESET_TTL_MS } from "./password-reset";
import { changePassword, updateProfile } from "./update-profile";

afterAll(cleanupTestData);

const APP_URL = "https://pathwise.example";
const NEW_PASSWORD = "a brand new passphrase";

/** Whether the user's stored hash matches the password. */
async function hasPassword(userId: string, password: string): Promise<boolean> {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return verifyPassword(row.passwordHash, password);
}

describe("changePassword", () => {
  it("refuses a wrong current password with VALIDATION on currentPassword; the old password still works", async () => {
    const user = await createTestUser();
    const error = await appErrorOf(
      changePassword({ userId: user.id, input: { currentPassword: `${user.password}x`, newPassword: NEW_PASSWORD } }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.currentPassword).toHaveLength(1);
    expect(await hasPassword(user.id, user.password)).toBe(true);
    expect(await hasPassword(user.id, NEW_PASSWORD)).toBe(false);
    expect(await db.activityEvent.count({ where: { actorId: user.id, kind: "user.password_changed" } })).toBe(0);
  });

  it("refuses a missing current password and a weak new one with VALIDATION", async () => {
    const user = await createTestUser();
    const missing = await appErrorOf(
      changePassword({ userId: user.id, input: { currentPassword: "", newPassword: NEW_PASSWORD } }),
    );
    expect(missing.fieldErrors?.currentPassword).toHaveLength(1);
    const weak = await appErrorOf(
      changePassword({ userId: user.id, input: { currentPassword: user.password, newPassword: "short" } }),
    );
    expect(weak.code).toBe("VALIDATION");
    expect(weak.fieldErrors?.newPassword?.length).toBeGreaterThan(0);
    expect(await hasPassword(user.id, user.password)).toBe(true);
  });

  it("with the right current password sets the new one and records user.password_changed", async () => {
    const user = await createTestUser();
    const ip = randomIp();
    await changePassword({ userId: user.id, input: { currentPassword: user.password, newPassword: NEW_PASSWORD }, ip });
    expect(await hasPassword(user.id, NEW_PASSWORD)).toBe(true);
    expect(await hasPassword(user.id, user.password)).toBe(false);
    expect(await db.activityEvent.findMany({ where: { actorId: user.id, kind: "user.password_changed" } })).toEqual([
      expect.objectContaining({ entityType: "user", entityId: user.id, ip }),
    ]);
  });
});

describe("changePassword and sessions", () => {
  it("ends the user's other sessions and keeps the one making the change", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const [current, copied, elsewhere, othersSession] = await Promise.all([
      startSession(user.id),
      startSession(user.id),
      startSession(user.id),
      startSession(other.id),
    ]);
    await changePassword({
      userId: user.id,
      input: { currentPassword: user.password, newPassword: NEW_PASSWORD },
      keepSessionId: current,
    });
    expect(await isSessionOpen(current, user.id)).toBe(true);
    expect(await isSessionOpen(copied, user.id)).toBe(false);
    expect(await isSessionOpen(elsewhere, user.id)).toBe(false);
    expect(await isSessionOpen(othersSession, other.id)).toBe(true);
  });

  it("ends no session when the current password is wrong", async () => {
    const user = await createTestUser();
    const [current, elsewhere] = await Promise.all([startSession(user.id), startSession(user.id)]);
    await appErrorOf(
      changePassword({
        userId: user.id,
        input: { currentPassword: `${user.password}x`, newPassword: NEW_PASSWORD },
        keepSessionId: current,
      }),
    );
    expect(await isSessionOpen(elsewhere, user.id)).toBe(true);
  });
});

describe("password reset", () => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink({ appUrl: APP_URL });
  });
  afterAll(async () => {
    await smtp.close();
  });

  /** Requests a reset for the email, runs what comes after the answer, and returns the token from the mailed link. */
  async function requestToken(email: string): Promise<string> {
    const later = deferredWork();
    await requestPasswordReset({ input: { email }, ip: randomIp(), defer: later.defer });
    await later.run();
    const links = smtp
      .mailsTo(email)
      .map((mail) => new RegExp(`${APP_URL}/reset-password/([A-Za-z0-9_-]+)`).exec(mail.text)?.[1]);
    const token = links.at(-1);
    if (!token) throw new Error(`No reset link was mailed to ${email}`);
    return token;
  }

  it("for an unknown email resolves the same way, writes no token and sends no mail", async () => {
    const email = randomEmail("nobody");
    const tokensBefore = await db.passwordResetToken.count();
    const later = deferredWork();
    await expect(
      requestPasswordReset({ input: { email }, ip: randomIp(), defer: later.defer }),
    ).resolves.toBeUndefined();
    expect(later.pending).toBe(1);
    await later.run();
    expect(await db.passwordResetToken.count()).toBe(tokensBefore);
    expect(smtp.mailsTo(email)).toEqual([]);

    const user = await createTestUser();
    await expect(
      requestPasswordReset({ input: { email: user.email }, ip: randomIp(), defer: later.defer }),
    ).resolves.toBeUndefined();
    expect(later.pending).toBe(1);
  });

  it("answers before the account is looked up: no token, event or mail exists until the work after the answer runs", async () => {
    const user = await createTestUser();
    const later = deferredWork();
    await requestPasswordReset({ input: { email: user.email }, ip: randomIp(), defer: later.defer });
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.activityEvent.count({ where: { actorId: user.id } })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.mailsTo(user.email)).toEqual([]);

    await later.run();
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
    expect(smtp.mailsTo(user.email)).toHaveLength(1);
  });

  // A loose check only (the machine is shared): the test above is the proof that nothing differs before the answer.
  it("answers known and unknown emails in about the same time (medians within a few ms)", async () => {
    const known = await Promise.all(Array.from({ length: 20 }, () => createTestUser()));
    const unknown = known.map(() => randomEmail("nobody"));
    const later = deferredWork();
    const time = async (email: string) => {
      const started = performance.now();
      await requestPasswordReset({ input: { email }, ip: randomIp(), defer: later.defer });
      return performance.now() - started;
    };
    for (const email of [randomEmail("warm-up"), randomEmail("warm-up")]) await time(email);
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (const [i, user] of known.entries()) {
      knownTimes.push(await time(user.email));
      unknownTimes.push(await time(unknown[i] ?? ""));
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
    const [k, u] = [median(knownTimes), median(unknownTimes)];
    expect(Math.abs(k - u)).toBeLessThan(5 + 0.2 * Math.min(k, u));
  });

  it("mails the link from APP_URL in the user's saved language, as text and HTML", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { locale: "zh-CN" } });
    const token = await requestToken(user.email);
    const [mail] = smtp.mailsTo(user.email);
    expect(mail?.subject).toBe("重置你的 Pathwise 密码");
    expect(mail?.text).toContain(`${APP_URL}/reset-password/${token}`);
    expect(mail?.html).toContain(`href="${APP_URL}/reset-password/${token}"`);
    expect(mail?.html).toContain("设置新密码");

    const english = await createTestUser();
    await requestToken(english.email);
    expect(smtp.mailsTo(english.email)[0]?.subject).toBe("Reset your Pathwise password");
  });

  it("for a known email (any case) stores only the token's hash, valid for one hour", async () => {
    const user = await createTestUser();
    const token = await requestToken(user.email.toUpperCase());
    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.tokenHash).not.toBe(token);
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(row?.usedAt).toBeNull();
    expect(Math.abs((row?.expiresAt.getTime() ?? 0) - (Date.now() + RESET_TTL_MS))).toBeLessThan(10_000);
    expect(await isResetTokenUsable(token)).toBe(true);
    expect(await db.activityEvent.count({ where: { actorId: user.id, kind: "user.password_reset_requested" } })).toBe(
      1,
    );
  });

  it("resets the password once; a second use is CONFLICT", async () => {
    const user = await createTestUser();
    const token = await requestToken(user.email);
    expect(await resetPassword({ token, input: { password: NEW_PASSWORD }, ip: randomIp() })).toEqual({
      email: user.email,
    });
    expect(await hasPassword(user.id, NEW_PASSWORD)).toBe(true);
    expect(await hasPassword(user.id, user.password)).toBe(false);
    expect(await isResetTokenUsable(token)).toBe(false);

    const again = await appErrorOf(resetPassword({ token, input: { password: "yet another passphrase" } }));
    expect(again.code).toBe("CONFLICT");
    expect(await hasPassword(user.id, NEW_PASSWORD)).toBe(true);
    expect(await db.activityEvent.count({ where: { actorId: user.id, kind: "user.password_reset" } })).toBe(1);
  });

  it("ends every session of the user, and only that user's", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const [first, second, othersSession] = await Promise.all([
      startSession(user.id),
      startSession(user.id),
      startSession(other.id),
    ]);
    await resetPassword({ token: await requestToken(user.email), input: { password: NEW_PASSWORD } });
    expect(await isSessionOpen(first, user.id)).toBe(false);
    expect(await isSessionOpen(second, user.id)).toBe(false);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await isSessionOpen(othersSession, other.id)).toBe(true);
  });

  it("ends no session when the token is refused", async () => {
    const user = await createTestUser();
    const session = await startSession(user.id);
    await appErrorOf(resetPassword({ token: "no-such-token", input: { password: NEW_PASSWORD } }));
    expect(await isSessionOpen(session, user.id)).toBe(true);
  });

  it("lets exactly one of two concurrent resets with one token succeed", async () => {
    const user = await createTestUser();
    const token = await requestToken(user.email);
    const results = await Promise.allSettled([
      resetPassword({ token, input: { password: "first passphrase 1" } }),
      resetPassword({ token, input: { password: "second passphrase 2" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toEqual([
      { status: "rejected", reason: expect.objectContaining({ code: "CONFLICT" }) },
    ]);
  });

  it("refuses an expired token with CONFLICT; the password is unchanged", async () => {
    const user = await createTestUser();
    const token = await requestToken(user.email);
    await db.passwordResetToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await isResetTokenUsable(token)).toBe(false);
    expect((await appErrorOf(resetPassword({ token, input: { password: NEW_PASSWORD } }))).code).toBe("CONFLICT");
    expect(await hasPassword(user.id, user.password)).toBe(true);
  });

  it("refuses an unknown token with CONFLICT", async () => {
    expect(await isResetTokenUsable("no-such-token")).toBe(false);
    expect((await appErrorOf(resetPassword({ token: "no-such-token", input: { password: NEW_PASSWORD } }))).code).toBe(
      "CONFLICT",
    );
  });

  it("refuses a weak new password with VALIDATION without using up the token", async () => {
    const user = await createTestUser();
    const token = await requestToken(user.email);
    for (const password of ["short", "aaaaaaaaaaaaaaa"]) {
      const error = await appErrorOf(resetPassword({ token, input: { password } }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors?.password?.length).toBeGreaterThan(0);
    }
    expect(
      (await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt,
    ).toBeNull();
    expect(await isResetTokenUsable(token)).toBe(true);
    expect(await hasPassword(user.id, user.password)).toBe(true);

    await resetPassword({ token, input: { password: NEW_PASSWORD } });
    expect(await hasPassword(user.id, NEW_PASSWORD)).toBe(true);
  });
});

describe("updateProfile", () => {
  it("refuses a 10,000-character name with VALIDATION; the name is unchanged", async () => {
    const user = await createTestUser();
    const error = await appErrorOf(
      updateProfile({ userId: user.id, input: { name: "x".repeat(10_000), locale: "en" } }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.name).toHaveLength(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
  });

  it("refuses an empty name and an unknown locale", async () => {
    const user = await createTestUser();
    const error = await appErrorOf(updateProfile({ userId: user.id, input: { name: "   ", locale: "fr" } }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["locale", "name"]);
  });

  it.each([
    ["Chinese", "张伟", "zh-CN"],
    ["emoji", "Ada 🚀🎉", "en"],
    ["SQL-looking", `Robert'); DROP TABLE "User";--`, "en"],
    ["HTML-looking", "<script>alert(1)</script>", "en"],
  ] as const)("stores a %s name literally", async (_label, name, locale) => {
    const user = await createTestUser();
    expect(await updateProfile({ userId: user.id, input: { name, locale } })).toEqual({
      id: user.id,
      name,
      locale,
      timeZone: null,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, locale: true } })).toEqual({
      name,
      locale,
    });
  });

  it("trims the name", async () => {
    const user = await createTestUser();
    expect((await updateProfile({ userId: user.id, input: { name: "  Grace Hopper  ", locale: "en" } })).name).toBe(
      "Grace Hopper",
    );
  });
});
