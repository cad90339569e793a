import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { DAY_MS } from "@/lib/time";
import { THROTTLE_WINDOW_MS } from "@/lib/auth/throttle";
import type { JobDefinition } from "./runner";

/** How long used or expired one-time tokens stay (for support questions), then go. */
export const EXPIRED_TOKEN_KEEP_MS = 7 * DAY_MS;

/** How long a finished webhook delivery (delivered or failed) stays in the endpoint's log, with its attempts. */
export const WEBHOOK_LOG_KEEP_MS = 30 * DAY_MS;

/**
 * Deletes what has expired: sessions, unconfirmed sign-ups, password-reset
 * tokens a week past their use or expiry, sign-in attempts older than
 * the throttle window (rate-limit windows clear themselves), and finished
 * webhook deliveries older than 30 days. Nothing here is read once
 * expired, so the job only keeps the tables small. Returns the counts.
 */
export async function deleteExpired(now = new Date()) {
  const tokenCutoff = new Date(now.getTime() - EXPIRED_TOKEN_KEEP_MS);
  const [sessions, signUps, resetTokens, signInAttempts, webhookDeliveries] = await db.$transaction([
    db.userSession.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.pendingSignUp.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.passwordResetToken.deleteMany({
      where: { OR: [{ expiresAt: { lte: tokenCutoff } }, { usedAt: { lte: tokenCutoff } }] },
    }),
    db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } }),
    db.webhookDelivery.deleteMany({
      where: { status: { not: "PENDING" }, createdAt: { lt: new Date(now.getTime() - WEBHOOK_LOG_KEEP_MS) } },
    }),
  ]);
  return {
    sessions: sessions.count,
    signUps: signUps.count,
    resetTokens: resetTokens.count,
    signInAttempts: signInAttempts.count,
    webhookDeliveries: webhookDeliveries.count,
  };
}

export const housekeepingJob: JobDefinition = {
  name: "housekeeping.delete-expired",
  schedule: { cron: "17 3 * * *" },
  retryLimit: 3,
  handler: async () => {
    log().info({ event: "housekeeping.deleted", ...(await deleteExpired()) }, "expired rows deleted");
  },
};
