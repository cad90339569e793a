import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { appErrorOf, cleanupTestData, createTestUser, randomEmail, randomIp, track } from "@/lib/testing/factories";
import { deferredWork, startSmtpSink, type SmtpSink } from "@/lib/testing/smtp";
import { hashToken } from "@/lib/tokens";
import { confirmSignUp, getPendingSignUp, requestSignUp, SIGN_UP_TTL_MS } from "./sign-up";

const APP_URL = "https://pathwise.example";
const PASSWORD = "correct horse battery";

let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink({ appUrl: APP_URL });
});
afterAll(async () => {
  await smtp.close();
  await cleanupTestData();
});

/** Submits the sign-up form's input; returns what it answered and the work it left for after the answer. */
async function signUp(input: { name: string; email: string; password: string }, next?: string, locale: Locale = "en") {
  const later = deferredWork();
  const answer = await requestSignUp({ input, ip: randomIp(), locale, next, defer: later.defer });
  return { answer, later };
}

/** The token of the last sign-up link mailed to the email. */
function confirmToken(email: string): string {
  const token = smtp
    .mailsTo(email)
    .map((mail) => new RegExp(`${APP_URL}/sign-up/confirm/([A-Za-z0-9_-]+)`).exec(mail.text)?.[1])
    .filter(Boolean)
    .at(-1);
  if (!token) throw new Error(`No sign-up link was mailed to ${email}`);
  return token;
}

describe("requestSignUp", () => {
  it("answers a new and a taken email identically, before looking either up", async () => {
    const owner = await createTestUser();
    const fresh = randomEmail("fresh");
    const forNew = await signUp({ name: "New", email: fresh, password: PASSWORD });
    const forTaken = await signUp({ name: "Intruder", email: owner.email, password: PASSWORD });
    expect(forNew.answer).toBeUndefined();
    expect(forTaken.answer).toEqual(forNew.answer);
    expect([forNew.later.pending, forTaken.later.pending]).toEqual([1, 1]);
    // Nothing that depends on the email has happened yet.
    expect(await db.pendingSignUp.count({ where: { email: { in: [fresh, owner.email] } } })).toBe(0);
    expect(await db.activityEvent.count({ where: { actorId: owner.id } })).toBe(0);
    expect(smtp.mailsTo(fresh)).toEqual([]);
    expect(smtp.mailsTo(owner.email)).toEqual([]);
  });

  it("for a new email stores a pending sign-up (hashed password, token hash, 24 hours) and mails its link", async () => {
    const email = randomEmail("fresh");
    const { later } = await signUp(
      { name: " Ada ", email: email.toUpperCase(), password: PASSWORD },
      "/invite/abc",
      "zh-CN",
    );
    await later.run();
    expect(await db.user.count({ where: { email } })).toBe(0);
    const token = confirmToken(email);
    const [row] = await db.pendingSignUp.findMany({ where: { email }, omit: { passwordHash: false } });
    expect(row?.name).toBe("Ada");
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(row?.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(row?.passwordHash ?? "", PASSWORD)).toBe(true);
    expect(row?.nextPath).toBe("/invite/abc");
    expect(Math.abs((row?.expiresAt.getTime() ?? 0) - (Date.now() + SIGN_UP_TTL_MS))).toBeLessThan(10_000);
    // In the language the form was filled in (there is no account to hold a preference yet).
    const [mail] = smtp.mailsTo(email);
    expect(mail?.subject).toBe("完成创建你的 Pathwise 账户");
    expect(mail?.html).toContain(`href="${APP_URL}/sign-up/confirm/${token}"`);
    expect(await getPendingSignUp(token)).toEqual({ email });
  });

  it("for a taken email changes nothing and mails the owner, in their language, that someone tried", async () => {
    const owner = await createTestUser();
    await db.user.update({ where: { id: owner.id }, data: { locale: "zh-CN" } });
    const ip = randomIp();
    const later = deferredWork();
    await requestSignUp({
      input: { name: "Intruder", email: owner.email, password: PASSWORD },
      ip,
      locale: "en",
      defer: later.defer,
    });
    await later.run();
    expect(await db.pendingSignUp.count({ where: { email: owner.email } })).toBe(0);
    const row = await db.user.findUniqueOrThrow({
      where: { id: owner.id },
      select: { name: true, passwordHash: true },
    });
    expect(row.name).toBe(owner.name);
    expect(await verifyPassword(row.passwordHash, owner.password)).toBe(true);
    const mails = smtp.mailsTo(owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("有人尝试用你的邮箱注册 Pathwise");
    expect(mails[0]?.text).toContain(`${APP_URL}/sign-in`);
    expect(mails[0]?.text).toContain(`${APP_URL}/forgot-password`);
    expect(mails[0]?.text).not.toContain("/sign-up/confirm/");
    expect(await db.activityEvent.findMany({ where: { actorId: owner.id } })).toEqual([
      expect.objectContaining({ kind: "user.sign_up_attempted", entityId: owner.id, ip }),
    ]);
  });

  it("refuses bad input with VALIDATION and schedules nothing", async () => {
    const later = deferredWork();
    const error = await appErrorOf(
      requestSignUp({
        input: { name: "", email: "not-an-email", password: "short" },
        ip: randomIp(),
        locale: "en",
        defer: later.defer,
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password"]);
    expect(later.pending).toBe(0);
  });

  it("removes expired pending sign-ups when it stores a new one", async () => {
    const stale = randomEmail("stale");
    const first = await signUp({ name: "Stale", email: stale, password: PASSWORD });
    await first.later.run();
    await db.pendingSignUp.updateMany({ where: { email: stale }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { later } = await signUp({ name: "Fresh", email: randomEmail("fresh"), password: PASSWORD });
    await later.run();
    expect(await db.pendingSignUp.count({ where: { email: stale } })).toBe(0);
  });

  it("keeps only a same-site next path", async () => {
    const email = randomEmail("fresh");
    const { later } = await signUp({ name: "Next", email, password: PASSWORD }, "//evil.example/x");
    await later.run();
    expect((await db.pendingSignUp.findFirstOrThrow({ where: { email } })).nextPath).toBe("/");
  });
});

describe("confirmSignUp", () => {
  async function pendingFor(email: string, locale: Locale = "en") {
    const { later } = await signUp({ name: "Grace", email, password: PASSWORD }, "/t/somewhere", locale);
    await later.run();
    return confirmToken(email);
  }

  it("creates the account once the chosen password is entered again; the link is then used up", async () => {
    const email = randomEmail("fresh");
    const token = await pendingFor(email);
    const wrong = await appErrorOf(confirmSignUp({ token, input: { password: `${PASSWORD}x` } }));
    expect(wrong.code).toBe("VALIDATION");
    expect(wrong.fieldErrors?.password).toEqual(["signUpPasswordMismatch"]);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const ip = randomIp();
    const account = await confirmSignUp({ token, input: { password: PASSWORD }, ip });
    track({ userId: account.userId });
    expect(account).toEqual({ userId: expect.any(String), email, nextPath: "/t/somewhere" });
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, name: true, passwordHash: true },
    });
    expect(user.name).toBe("Grace");
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect(await db.activityEvent.findMany({ where: { actorId: user.id } })).toEqual([
      expect.objectContaining({ kind: "user.signed_up", entityId: user.id, ip }),
    ]);
    expect(await db.pendingSignUp.count({ where: { email } })).toBe(0);
    expect(await getPendingSignUp(token)).toBeNull();
    expect((await appErrorOf(confirmSignUp({ token, input: { password: PASSWORD } }))).code).toBe("CONFLICT");
  });

  it("saves the language the form was filled in to the new account", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const email = randomEmail("lang");
      const token = await pendingFor(email, locale);
      expect((await db.pendingSignUp.findFirstOrThrow({ where: { email } })).locale).toBe(locale);
      const account = await confirmSignUp({ token, input: { password: PASSWORD } });
      track({ userId: account.userId });
      expect((await db.user.findUniqueOrThrow({ where: { email }, select: { locale: true } })).locale).toBe(locale);
    }
  });

  it("refuses an expired link with CONFLICT and creates nothing", async () => {
    const email = randomEmail("fresh");
    const token = await pendingFor(email);
    await db.pendingSignUp.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getPendingSignUp(token)).toBeNull();
    expect((await appErrorOf(confirmSignUp({ token, input: { password: PASSWORD } }))).code).toBe("CONFLICT");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a link whose address got an account meanwhile, without a second account", async () => {
    const email = randomEmail("fresh");
    const token = await pendingFor(email);
    await createTestUser({ email });
    expect((await appErrorOf(confirmSignUp({ token, input: { password: PASSWORD } }))).code).toBe("CONFLICT");
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.pendingSignUp.count({ where: { email } })).toBe(0);
  });

  it("lets exactly one of two concurrent confirmations create the account", async () => {
    const email = randomEmail("fresh");
    const token = await pendingFor(email);
    const results = await Promise.allSettled([
      confirmSignUp({ token, input: { password: PASSWORD } }),
      confirmSignUp({ token, input: { password: PASSWORD } }),
    ]);
    for (const r of results) if (r.status === "fulfilled") track({ userId: r.value.userId });
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
