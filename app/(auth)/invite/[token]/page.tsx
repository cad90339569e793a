import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationButton, SignUpAndJoinForm } from "@/components/invitations/accept-invitation";
import { Card } from "@/components/ui/card";
import { signOutAction } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { getInvitationByToken } from "@/lib/invitations/accept-invitation";
import { hasAccountFor } from "@/lib/users/find-user";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ state, invitation }, user, t, tr] = await Promise.all([
    getInvitationByToken(token),
    getCurrentUser(),
    getTranslations("invite"),
    getTranslations("enums.role"),
  ]);

  if (state !== "valid" || !invitation) {
    return (
      <Card>
        <h1 className="mb-2 text-xl font-semibold">{t(`${state}Title`)}</h1>
        <p className="text-slate-700">{t(`${state}Body`)}</p>
      </Card>
    );
  }

  const heading = t("title", { team: invitation.team.name, role: tr(invitation.role) });
  const next = `/invite/${token}`;
  if (user) {
    if (user.email !== invitation.email) {
      return (
        <Card>
          <h1 className="mb-2 text-xl font-semibold">{heading}</h1>
          <p role="alert" className="mb-4 text-slate-700">
            {t("wrongAccount", { invited: invitation.email, current: user.email })}
          </p>
          <form action={signOutAction}>
            <button type="submit" className="text-sm font-medium text-brand-700 underline">
              {t("switchAccount")}
            </button>
          </form>
        </Card>
      );
    }
    return (
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{heading}</h1>
        <AcceptInvitationButton token={token} label={t("join", { team: invitation.team.name })} />
      </Card>
    );
  }

  const hasAccount = await hasAccountFor(invitation.email);
  return (
    <Card>
      <h1 className="mb-2 text-xl font-semibold">{heading}</h1>
      {hasAccount ? (
        <p className="text-slate-700">
          {t("signInToJoin", { email: invitation.email })}{" "}
          <Link className="font-medium text-brand-700 underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
            {t("signIn")}
          </Link>
        </p>
      ) : (
        <>
          <p className="mb-4 text-slate-700">{t("newAccount")}</p>
          <SignUpAndJoinForm token={token} email={invitation.email} />
        </>
      )}
    </Card>
  );
}
