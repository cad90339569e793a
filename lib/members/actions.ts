"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { renewInvitation, revokeInvitation } from "@/lib/invitations/manage-invitation";
import { sendInvitationMail } from "@/lib/invitations/send-invitation-mail";
import { requireUser } from "@/lib/auth/session";
import { changeRole } from "@/lib/members/change-role";
import { removeMember } from "@/lib/members/remove-member";
import type { ChangeRoleInput, InviteInput } from "@/lib/validation/member";

async function deliverInvitation(teamSlug: string, invitation: { email: string; token: string }) {
  const inviter = await requireUser();
  const { url, delivery } = await sendInvitationMail({
    teamSlug,
    inviterId: inviter.id,
    email: invitation.email,
    token: invitation.token,
  });
  revalidatePath(`/t/${teamSlug}/members`);
  return { url, email: invitation.email, delivery };
}

const runInvite = teamAction(createInvitation);
/** Invites an email; returns the link to copy (also mailed when SMTP is set, else logged). */
export async function inviteAction(teamSlug: string, input: InviteInput) {
  const result = await runInvite(teamSlug, input);
  return result.ok ? { ok: true as const, data: await deliverInvitation(teamSlug, result.data) } : result;
}

const runRenew = teamAction(renewInvitation);
/** Issues a fresh link for a pending invitation. */
export async function renewInvitationAction(teamSlug: string, invitationId: string) {
  const result = await runRenew(teamSlug, { invitationId });
  return result.ok ? { ok: true as const, data: await deliverInvitation(teamSlug, result.data) } : result;
}

const runRevoke = teamAction(revokeInvitation);
/** Revokes a pending invitation. */
export async function revokeInvitationAction(teamSlug: string, invitationId: string) {
  const result = await runRevoke(teamSlug, { invitationId });
  if (result.ok) revalidatePath(`/t/${teamSlug}/members`);
  return result;
}

const runChangeRole = teamAction(changeRole);
/** Changes a member's role. */
export async function changeRoleAction(teamSlug: string, input: ChangeRoleInput) {
  const result = await runChangeRole(teamSlug, input);
  if (result.ok) revalidatePath(`/t/${teamSlug}/members`);
  return result;
}

const runRemove = teamAction(removeMember);
/** Removes a member from the team. */
export async function removeMemberAction(teamSlug: string, membershipId: string) {
  const result = await runRemove(teamSlug, { membershipId });
  if (result.ok) revalidatePath(`/t/${teamSlug}/members`);
  return result;
}
