import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { sendMail } from "@/lib/mail";
import { hashToken, newToken } from "@/lib/tokens";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/profile";
import { msg } from "@/lib/i18n/error-text";

export const RESET_TTL_MS = 60 * 60 * 1000;

/** Mails (or logs) a one-hour reset link when the email has an account; says nothing either way. */
export async function requestPasswordReset({ input, origin, ip }: { input: unknown; origin: string; ip?: string }) {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  const user = await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, email: true } });
  if (!user) return;
  const { token, tokenHash } = newToken();
  await db.$transaction([
    db.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
    }),
    db.activityEvent.create({
      data: { actorId: user.id, kind: "user.password_reset_requested", entityType: "user", entityId: user.id, ip },
    }),
  ]);
  await sendMail({
    to: user.email,
    subject: "Reset your Pathwise password / 重置 Pathwise 密码",
    text: `Open this link within one hour to choose a new password:\n请在一小时内打开以下链接设置新密码：\n\n${origin}/reset-password/${token}\n`,
  });
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

/** Sets a new password with a single-use reset token; returns the user's email for signing in. */
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
    await tx.activityEvent.create({
      data: { actorId: user.id, kind: "user.password_reset", entityType: "user", entityId: user.id, ip },
    });
    return { email: user.email };
  });
}
