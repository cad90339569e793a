import "server-only";
import { appLink } from "@/lib/app-url";
import { db } from "@/lib/db";
import { invitationMail, mailLocale, sendMail } from "@/lib/mail";

/**
 * Mails an invitation link of the team (after the invitation was created
 * through runOperation), naming the team by its name and who invited, in the
 * invitee's language: their saved one when the address has an account, else
 * the app's default (never the inviter's). Returns how it was delivered.
 */
export async function sendInvitationMail({
  teamSlug,
  inviterId,
  email,
  token,
}: {
  teamSlug: string;
  inviterId: string;
  email: string;
  token: string;
}) {
  const [team, inviter, invitee] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { slug: teamSlug }, select: { name: true } }),
    db.user.findUniqueOrThrow({ where: { id: inviterId }, select: { name: true } }),
    db.user.findUnique({ where: { email }, select: { locale: true } }),
  ]);
  const url = appLink(`/invite/${token}`);
  const mail = invitationMail({ locale: mailLocale(invitee?.locale), team: team.name, inviter: inviter.name, url });
  return { url, delivery: await sendMail({ to: email, ...mail }) };
}
