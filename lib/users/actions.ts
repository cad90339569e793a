"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionError } from "@/lib/actions/server-action";
import { rotateCurrentSession } from "@/lib/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { getCurrentSession, requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { afterResponse } from "@/lib/mail";
import { changePassword, updateProfile } from "@/lib/users/update-profile";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import type {
  ChangePasswordInput,
  ForgotPasswordInput,
  ResetPasswordInput,
  UpdateProfileInput,
} from "@/lib/validation/profile";

/** Saves name and language. */
export async function updateProfileAction(input: UpdateProfileInput): Promise<ActionResult> {
  try {
    const user = await requireUser();
    await updateProfile({ userId: user.id, input });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
}

/**
 * Changes the password (the current one is required). The user's other sessions
 * end; this one goes on under a new id, so a copy of its old cookie ends too.
 * Then back to the profile page, which says so: the redirect renders it with the
 * re-issued cookie (a re-render of the current page would still see the old one).
 */
export async function changePasswordAction(input: ChangePasswordInput): Promise<ActionResult> {
  try {
    const user = await requireUser();
    const current = await getCurrentSession();
    await changePassword({
      userId: user.id,
      input,
      ip: clientIp(await headers()),
      keepSessionId: current?.sessionId,
    });
    await rotateCurrentSession();
  } catch (error) {
    return toActionError(error);
  }
  redirect("/profile?password=changed");
}

/** Sends a reset link, after the answer, if the account exists; the answer and its timing are the same either way. */
export async function requestPasswordResetAction(input: ForgotPasswordInput): Promise<ActionResult> {
  try {
    await requestPasswordReset({ input, ip: clientIp(await headers()), defer: afterResponse });
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}

/** Sets a new password from a reset link, then goes to sign-in. */
export async function resetPasswordAction(token: string, input: ResetPasswordInput): Promise<ActionResult> {
  try {
    await resetPassword({ token, input, ip: clientIp(await headers()) });
  } catch (error) {
    return toActionError(error);
  }
  redirect("/sign-in?reset=1");
}
