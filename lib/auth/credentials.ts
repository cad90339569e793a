import "server-only";
import { db } from "@/lib/db";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import { beginSignInAttempt } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/validation/auth";
import { userEventRow } from "@/lib/events/record";

export type CredentialsResult =
  { ok: true; user: { id: string; name: string; email: string } } | { ok: false; reason: "invalid" | "throttled" };

/** Checks an email and password, with throttling; the same answer for unknown email and wrong password. */
export async function verifyCredentials(input: unknown, ip: string): Promise<CredentialsResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const attempt = await beginSignInAttempt({ email, ip });
  if (attempt.isThrottled) return { ok: false, reason: "throttled" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !isValid) return { ok: false, reason: "invalid" };
  await attempt.succeed();
  await db.activityEvent.create({
    data: userEventRow({ userId: user.id, ip }, { kind: "user.signed_in" }),
  });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
