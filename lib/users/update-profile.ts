import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { changePasswordSchema, updateProfileSchema } from "@/lib/validation/profile";
import { msg } from "@/lib/i18n/error-text";
import { userEventRow } from "@/lib/events/record";

/** Updates the user's display name, preferred language and (when given) time zone. */
export async function updateProfile({ userId, input }: { userId: string; input: unknown }) {
  const parsed = updateProfileSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  return db.user.update({
    where: { id: userId },
    data: parsed.data,
    select: { id: true, name: true, locale: true, timeZone: true },
  });
}

/**
 * Changes the password after checking the current one, and ends the user's other
 * sessions (a cookie copied from any of them is refused); `keepSessionId`, the
 * session making the change, stays signed in.
 */
export async function changePassword({
  userId,
  input,
  ip,
  keepSessionId,
}: {
  userId: string;
  input: unknown;
  ip?: string;
  keepSessionId?: string;
}) {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    throw new AppError("VALIDATION", { fieldErrors: { currentPassword: [msg("currentPasswordWrong")] } });
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.userSession.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } }),
    db.activityEvent.create({
      data: userEventRow({ userId: userId, ip }, { kind: "user.password_changed" }),
    }),
  ]);
}
