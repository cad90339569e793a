"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { toActionError } from "@/lib/actions/server-action";
import { signIn } from "@/lib/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { acceptInvitation, getInvitationByToken } from "@/lib/invitations/accept-invitation";
import { createUser } from "@/lib/users/create-user";
import { msg } from "@/lib/i18n/error-text";

/** Joins the team of an invitation as the signed-in user, then opens the team. */
export async function acceptInvitationAction(token: string): Promise<ActionResult> {
  let teamSlug: string;
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    teamSlug = (await acceptInvitation({ token, userId: user.id, ip: clientIp(await headers()) })).teamSlug;
  } catch (error) {
    return toActionError(error);
  }
  redirect(`/t/${teamSlug}`);
}

/** Creates the invited person's account, joins the team and signs in, in one step. */
export async function signUpAndAcceptAction(
  token: string,
  input: { name: string; password: string },
): Promise<ActionResult> {
  let email: string;
  let teamSlug: string;
  try {
    const { state, invitation } = await getInvitationByToken(token);
    if (state !== "valid" || !invitation) throw new AppError("CONFLICT", { userMessage: msg("invitationUnusable") });
    email = invitation.email;
    const ip = clientIp(await headers());
    const user = await createUser({ input: { ...input, email }, ip });
    teamSlug = (await acceptInvitation({ token, userId: user.id, ip })).teamSlug;
  } catch (error) {
    return toActionError(error);
  }
  await signIn("credentials", { email, password: input.password, redirectTo: `/t/${teamSlug}` });
  return { ok: true, data: undefined };
}
