"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn, signOut } from "@/lib/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { getCurrentSession } from "@/lib/auth/session";
import { endSession, endUserSessions } from "@/lib/auth/sessions";
import { toActionError } from "@/lib/actions/server-action";
import type { ActionResult } from "@/lib/errors";
import { resolveLocale } from "@/lib/i18n/request";
import { afterResponse } from "@/lib/mail";
import { confirmSignUp, requestSignUp } from "@/lib/users/sign-up";
import { safeNextPath } from "@/lib/validation/auth";

type SignInFailure = "invalidCredentials" | "throttled";

/** Signs in with email and password and redirects to `next`; on failure returns a message key. */
export async function signInAction(
  input: { email: string; password: string },
  next?: string,
): Promise<{ error: SignInFailure }> {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeNextPath(next) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error ? (error as { code?: string }).code : undefined;
      return { error: code === "throttled" ? "throttled" : "invalidCredentials" };
    }
    throw error; // the redirect after success
  }
  return { error: "invalidCredentials" };
}

/**
 * Starts a sign-up: the answer is the same whether or not the email has an
 * account ("check your inbox"); the mail that follows finishes the sign-up or
 * tells the account's owner that someone tried.
 */
export async function signUpAction(
  input: { name: string; email: string; password: string },
  next?: string,
): Promise<ActionResult> {
  try {
    const locale = await resolveLocale();
    await requestSignUp({ input, ip: clientIp(await headers()), locale, next, defer: afterResponse });
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}

/** Finishes a sign-up from its mailed link (the password chosen at sign-up again), signs in and redirects. */
export async function confirmSignUpAction(token: string, input: { password: string }): Promise<ActionResult> {
  let account: { email: string; nextPath: string };
  try {
    account = await confirmSignUp({ token, input, ip: clientIp(await headers()) });
  } catch (error) {
    return toActionError(error);
  }
  await signIn("credentials", { email: account.email, password: input.password, redirectTo: account.nextPath });
  return { ok: true, data: undefined };
}

/** Ends this session (every copy of its cookie is refused from now on), then returns to the sign-in page. */
export async function signOutAction() {
  const current = await getCurrentSession();
  if (current) await endSession(current.sessionId);
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of the user, on every device, this one included; then returns to the sign-in page. */
export async function signOutEverywhereAction() {
  const current = await getCurrentSession();
  if (current) await endUserSessions(current.user.id);
  await signOut({ redirectTo: "/sign-in" });
}
