import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { appLink } from "@/lib/app-url";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { limitAccountRequest } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Locale, toLocale } from "@/lib/i18n/config";
import { msg } from "@/lib/i18n/error-text";
import { mailLocale, sendMail, signUpAttemptMail, signUpConfirmMail, type Defer } from "@/lib/mail";
import { hashToken, newToken } from "@/lib/tokens";
import { confirmSignUpSchema, safeNextPath, signUpSchema } from "@/lib/validation/auth";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { userEventRow } from "@/lib/events/record";

export const SIGN_UP_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Answers the sign-up form the same way whether or not the email has an
 * account: the request path only checks the input and counts the request
 * (limitAccountRequest); everything that depends on the email (the lookup, the
 * password hash, the pending sign-up, the mail) runs in `defer`, after the
 * answer. The address's owner then gets either a link that finishes the
 * sign-up or, when the account exists, a note that someone tried.
 */
export async function requestSignUp({
  input,
  ip,
  locale,
  next,
  defer,
}: {
  input: unknown;
  ip: string;
  locale: Locale;
  next?: string;
  defer: Defer;
}) {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  await limitAccountRequest("sign-up", { ip, email: parsed.data.email });
  const nextPath = next === undefined ? undefined : safeNextPath(next);
  defer(() => processSignUp({ ...parsed.data, ip, locale, nextPath }));
}

/** The work after a sign-up's answer: a pending sign-up and its link, or a note to the existing account's owner. */
export async function processSignUp({
  name,
  email,
  password,
  ip,
  locale,
  nextPath,
}: {
  name: string;
  email: string;
  password: string;
  ip?: string;
  locale: Locale;
  nextPath?: string;
}) {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, locale: true } });
  if (existing) {
    await db.activityEvent.create({
      data: userEventRow({ userId: existing.id, ip }, { kind: "user.sign_up_attempted" }),
    });
    const mail = signUpAttemptMail({
      locale: mailLocale(existing.locale),
      email,
      signInUrl: appLink("/sign-in"),
      resetUrl: appLink("/forgot-password"),
    });
    await sendMail({ to: email, ...mail });
    return;
  }
  const { token, tokenHash } = newToken();
  // Expired sign-ups are of no use; they go here rather than in a scheduled job.
  await db.pendingSignUp.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await db.pendingSignUp.create({
    data: {
      email,
      name,
      passwordHash: await hashPassword(password),
      locale,
      nextPath,
      tokenHash,
      expiresAt: new Date(Date.now() + SIGN_UP_TTL_MS),
    },
  });
  const mail = signUpConfirmMail({ locale, email, url: appLink(`/sign-up/confirm/${token}`) });
  await sendMail({ to: email, ...mail });
}

/** The address of a sign-up link that can still be used, or null. */
export async function getPendingSignUp(token: string): Promise<{ email: string } | null> {
  return db.pendingSignUp.findFirst({
    where: { tokenHash: hashToken(token), expiresAt: { gt: new Date() } },
    select: { email: true },
  });
}

/**
 * Creates the account of a pending sign-up from its mailed link, once the
 * password chosen at sign-up is entered again (so a forwarded or scanned link
 * alone creates nothing). The link is single-use; other pending sign-ups for
 * the address go with it. Returns what signing in needs.
 */
export async function confirmSignUp({ token, input, ip }: { token: string; input: unknown; ip?: string }) {
  const parsed = confirmSignUpSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  const pending = await db.pendingSignUp.findFirst({
    where: { tokenHash: hashToken(token), expiresAt: { gt: new Date() } },
    select: { id: true, email: true, name: true, passwordHash: true, nextPath: true, locale: true },
  });
  if (!pending) throw new AppError("CONFLICT", { userMessage: msg("signUpLinkUsed") });
  if (!(await verifyPassword(pending.passwordHash, parsed.data.password))) {
    throw new AppError("VALIDATION", { fieldErrors: { password: [msg("signUpPasswordMismatch")] } });
  }
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.pendingSignUp.deleteMany({ where: { id: pending.id } });
      if (claimed.count !== 1) throw new AppError("CONFLICT", { userMessage: msg("signUpLinkUsed") });
      await tx.pendingSignUp.deleteMany({ where: { email: pending.email } });
      const user = await tx.user.create({
        // The language the form was filled in becomes the account's language.
        data: {
          name: pending.name,
          email: pending.email,
          passwordHash: pending.passwordHash,
          locale: toLocale(pending.locale) ?? null,
        },
        select: { id: true, email: true },
      });
      await tx.activityEvent.create({
        data: userEventRow({ userId: user.id, ip }, { kind: "user.signed_up" }),
      });
      return { userId: user.id, email: user.email, nextPath: safeNextPath(pending.nextPath ?? undefined) };
    });
  } catch (error) {
    // The address got an account meanwhile (another link, an invitation).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await db.pendingSignUp.deleteMany({ where: { email: pending.email } });
      throw new AppError("CONFLICT", { userMessage: msg("signUpLinkUsed") });
    }
    throw error;
  }
}
