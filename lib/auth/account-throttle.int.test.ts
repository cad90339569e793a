import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { localizeError } from "@/lib/i18n/localize-error";
import { appErrorOf, cleanupTestData, randomEmail, randomIp } from "@/lib/testing/factories";
import { deferredWork } from "@/lib/testing/smtp";
import { requestPasswordReset } from "@/lib/users/password-reset";
import { requestSignUp } from "@/lib/users/sign-up";
import { ACCOUNT_REQUESTS_PER_EMAIL } from "./throttle";

afterAll(cleanupTestData);

const PASSWORD = "correct horse battery";

type Request = (email: string, ip: string, defer: (task: () => Promise<unknown>) => void) => Promise<void>;

const kinds: Record<string, Request> = {
  "sign-up": (email, ip, defer) =>
    requestSignUp({ input: { name: "Throttled", email, password: PASSWORD }, ip, locale: "en", defer }),
  "password reset": (email, ip, defer) => requestPasswordReset({ input: { email }, ip, defer }),
};

describe.each(Object.entries(kinds))("%s throttle", (_kind, request) => {
  it(`accepts ${ACCOUNT_REQUESTS_PER_EMAIL} requests an hour for one email, from any IPs, then refuses with RATE_LIMITED and does nothing`, async () => {
    const email = randomEmail("throttled");
    const later = deferredWork();
    for (let i = 0; i < ACCOUNT_REQUESTS_PER_EMAIL; i++) await request(email, randomIp(), later.defer);
    expect(later.pending).toBe(ACCOUNT_REQUESTS_PER_EMAIL);

    const error = await appErrorOf(request(email.toUpperCase(), randomIp(), later.defer));
    expect(error.code).toBe("RATE_LIMITED");
    expect(later.pending).toBe(ACCOUNT_REQUESTS_PER_EMAIL);
    expect(localizeError(error, "en").message).toBe(
      "Too many requests for this address or from your network. Please wait 60 minutes and try again.",
    );
    expect(localizeError(error, "zh-CN").message).toBe("此邮箱或你所在网络的请求过多。请等待 60 分钟后再试。");
    // Another address is not affected.
    await request(randomEmail("other"), randomIp(), later.defer);
    expect(later.pending).toBe(ACCOUNT_REQUESTS_PER_EMAIL + 1);
  });

  it("accepts ACCOUNT_RATE_LIMIT_PER_IP requests an hour from one IP, for any emails, then refuses the next", async () => {
    const ip = randomIp();
    const limit = getEnv().ACCOUNT_RATE_LIMIT_PER_IP;
    const later = deferredWork();
    for (let i = 0; i < limit; i++) await request(randomEmail("many"), ip, later.defer);
    const email = randomEmail("many");
    expect((await appErrorOf(request(email, ip, later.defer))).code).toBe("RATE_LIMITED");
    expect(later.pending).toBe(limit);
    await later.run();
    expect(await db.pendingSignUp.count({ where: { email } })).toBe(0);
    // Another IP is not affected.
    await request(randomEmail("many"), randomIp(), later.defer);
    expect(later.pending).toBe(1);
  });
});
