import "server-only";
import { db } from "@/lib/db";

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
