import "server-only";
import { db } from "@/lib/db";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/** Whether sign-in is currently refused for this email or IP (failures kept in PostgreSQL, shared by all instances). */
export async function isSignInThrottled({ email, ip }: { email: string; ip: string }): Promise<boolean> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  // Failures since the last success for this email count; IP failures count regardless.
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const emailSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gt: emailSince } } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP;
}

/** Records one sign-in attempt. */
export async function recordSignInAttempt(input: { email: string; ip: string; succeeded: boolean }) {
  await db.signInAttempt.create({ data: input });
}
