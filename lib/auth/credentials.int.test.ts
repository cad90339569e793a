import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cleanupTestData, createTestUser, randomHex, randomIp, track } from "@/lib/testing/factories";
import { verifyCredentials } from "./credentials";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "./throttle";

afterAll(cleanupTestData);

/** An address no user has, tracked so its sign-in attempts are cleaned up. */
function unknownEmail(): string {
  const email = `nobody-${randomHex()}@test.pathwise.local`;
  track({ email });
  return email;
}

async function failTimes(times: number, email: string, ip: string) {
  for (let i = 0; i < times; i++) {
    expect(await verifyCredentials({ email, password: "wrong-password" }, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
  }
}

describe("verifyCredentials", () => {
  it("accepts the right password and records a user.signed_in event with the ip", async () => {
    const user = await createTestUser();
    const ip = randomIp();
    const result = await verifyCredentials({ email: user.email, password: user.password }, ip);
    expect(result).toEqual({ ok: true, user: { id: user.id, name: user.name, email: user.email } });
    const events = await db.activityEvent.findMany({ where: { actorId: user.id, kind: "user.signed_in" } });
    expect(events).toEqual([expect.objectContaining({ entityType: "user", entityId: user.id, ip })]);
  });

  it("matches the email case-insensitively", async () => {
    const user = await createTestUser();
    const result = await verifyCredentials({ email: user.email.toUpperCase(), password: user.password }, randomIp());
    expect(result.ok).toBe(true);
  });

  it("answers the same for a wrong password and an unknown email", async () => {
    const user = await createTestUser();
    expect(await verifyCredentials({ email: user.email, password: `${user.password}x` }, randomIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials({ email: unknownEmail(), password: user.password }, randomIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await db.activityEvent.count({ where: { actorId: user.id, kind: "user.signed_in" } })).toBe(0);
  });

  it(`throttles an email after ${MAX_FAILURES_PER_EMAIL} failures, even with the right password`, async () => {
    const user = await createTestUser();
    await failTimes(MAX_FAILURES_PER_EMAIL, user.email, randomIp());
    expect(await verifyCredentials({ email: user.email, password: user.password }, randomIp())).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("refuses parallel guesses past the limit (attempts are recorded before the check)", async () => {
    const user = await createTestUser();
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        verifyCredentials({ email: user.email, password: "wrong-password" }, randomIp()),
      ),
    );
    const evaluated = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(evaluated).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    expect(await verifyCredentials({ email: user.email, password: user.password }, randomIp())).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("resets the email's count on a success", async () => {
    const user = await createTestUser();
    const ip = randomIp();
    await failTimes(MAX_FAILURES_PER_EMAIL - 1, user.email, ip);
    expect((await verifyCredentials({ email: user.email, password: user.password }, ip)).ok).toBe(true);
    await failTimes(MAX_FAILURES_PER_EMAIL - 1, user.email, ip);
    expect((await verifyCredentials({ email: user.email, password: user.password }, ip)).ok).toBe(true);
  });

  it(`throttles an IP after ${MAX_FAILURES_PER_IP} failures across emails, only for that IP`, async () => {
    const ip = randomIp();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await failTimes(1, unknownEmail(), ip);
    const user = await createTestUser();
    expect(await verifyCredentials({ email: user.email, password: user.password }, ip)).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect((await verifyCredentials({ email: user.email, password: user.password }, randomIp())).ok).toBe(true);
  });

  it("stores passwords as argon2id hashes", async () => {
    const user = await createTestUser();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain(user.password);
  });
});
