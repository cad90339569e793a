import "server-only";
import { type RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createApiRateLimiter } from "@/lib/api/rate-limit";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { hashToken } from "@/lib/tokens";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/**
 * Records a sign-in attempt as failed before the password is checked, then says
 * whether it is over the limit. Recording first means parallel guesses each see
 * the ones before them, so they cannot slip past the limit together. The counts
 * live in PostgreSQL, so every app instance shares them.
 */
export async function beginSignInAttempt({ email, ip }: { email: string; ip: string }) {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const attempt = await db.signInAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? since } } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return {
    isThrottled: byEmail > MAX_FAILURES_PER_EMAIL || byIp > MAX_FAILURES_PER_IP,
    /** Marks the attempt successful, which resets the email's count. */
    succeed: () => db.signInAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } }),
  };
}

/** Sign-ups and reset requests one address may cause per hour (each mails that address). */
export const ACCOUNT_REQUESTS_PER_EMAIL = 3;
const ACCOUNT_WINDOW_SECONDS = 60 * 60;

type AccountRequestKind = "sign-up" | "password-reset";
const accountLimiters = new Map<string, RateLimiterPostgres>();

function accountLimiter(kind: AccountRequestKind, by: "ip" | "email"): RateLimiterPostgres {
  const keyPrefix = `${kind}-${by}`;
  let limiter = accountLimiters.get(keyPrefix);
  if (!limiter) {
    limiter = createApiRateLimiter({
      keyPrefix,
      points: by === "ip" ? getEnv().ACCOUNT_RATE_LIMIT_PER_IP : ACCOUNT_REQUESTS_PER_EMAIL,
      durationSeconds: ACCOUNT_WINDOW_SECONDS,
    });
    accountLimiters.set(keyPrefix, limiter);
  }
  return limiter;
}

async function consumeOrThrottle(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const minutes = Math.max(1, Math.ceil(rejection.msBeforeNext / 60_000));
    throw new AppError("RATE_LIMITED", {
      userMessage: msg("accountRequestsThrottled", { minutes }),
      details: { retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) },
    });
  }
}

/**
 * Counts a sign-up or password-reset request, per IP address (ACCOUNT_RATE_LIMIT_PER_IP
 * an hour) and per email (ACCOUNT_REQUESTS_PER_EMAIL an hour), in PostgreSQL so
 * every app instance shares the counts. Over either limit it throws RATE_LIMITED
 * before anything is created or mailed. The count is the same whether or not
 * the email has an account, so it tells nothing about that. Emails are keyed by
 * their hash.
 */
export async function limitAccountRequest(kind: AccountRequestKind, { ip, email }: { ip: string; email: string }) {
  await consumeOrThrottle(accountLimiter(kind, "ip"), ip);
  await consumeOrThrottle(accountLimiter(kind, "email"), hashToken(email));
}
