import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { appLink } from "@/lib/app-url";
import { limitAccountRequest } from "@/lib/auth/throttle";
import { mailLocale, passwordResetMail, sendMail, type Defer } from "@/lib/mail";
import { hashToken, newToken } from "@/lib/tokens";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/profile";
import { msg } from "@/lib/i18n/error-text";
import { userEventRow } from "@/lib/events/record";

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Answers a forgot-password request. On the request path only the input is
 * checked and the request counted (limitAccountRequest), the same work whether
 * or not the email has an account; looking the account up, storing a token and
 * mailing happen in `defer`, after the answer, so neither the answer nor its
 * timing tells whether the account exists.
 */
export async function requestPasswordReset({ input, ip, defer }: { input: unknown; ip: string; defer: Defer }) {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  const { email } = parsed.data;
  await limitAccountRequest("password-reset", { ip, email });
  defer(() => mailPasswordReset({ email, ip }));
}

/** Mails a one-hour reset link in the user's language when the email has an account; nothing otherwise. */
export async function mailPasswordReset({ email, ip }: { email: string; ip?: string }) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, locale: true } });
  if (!user) return;
  const { token, tokenHash } = newToken();
  await db.$transaction([
    db.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
    }),
    db.activityEvent.create({
      data: userEventRow({ userId: user.id, ip }, { kind: "user.password_reset_requested" }),
    }),
  ]);
  const mail = passwordResetMail({
    locale: mailLocale(user.locale),
    email: user.email,
    url: appLink(`/reset-password/${token}`),
  });
  await sendMail({ to: user.email, ...mail });
}

/** Whether a reset token can still be used. */
export async function isResetTokenUsable(token: string): Promise<boolean> {
  if (typeof token !== "string") return false;
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date());
}

/**
 * Sets a new password with a single-use reset token and ends every session of
 * the user (whoever held one no longer does); returns the user's email for
 * signing in.
 */
export async function resetPassword({ token, input, ip }: { token: string; input: unknown; ip?: string }) {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  // A server action's argument can be of any type; only a string can be a token.
  if (typeof token !== "string") throw new AppError("CONFLICT", { userMessage: msg("resetLinkUsed") });
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    // Claiming the token and checking it in one statement makes it single-use under concurrency.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", { userMessage: msg("resetLinkUsed") });
    const row = await tx.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(token) },
      select: { userId: true },
    });
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash },
      select: { id: true, email: true },
    });
    await tx.userSession.deleteMany({ where: { userId: user.id } });
    await tx.activityEvent.create({
      data: userEventRow({ userId: user.id, ip }, { kind: "user.password_reset" }),
    });
    return { email: user.email };
  });
}
