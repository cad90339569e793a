import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConfirmSignUpForm } from "@/components/auth/confirm-sign-up-form";
import { Card } from "@/components/ui/card";
import { getPendingSignUp } from "@/lib/users/sign-up";

export default async function ConfirmSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, pending] = await Promise.all([getTranslations("auth"), getPendingSignUp(token)]);
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t("confirmSignUpTitle")}</h1>
      {pending ? (
        <ConfirmSignUpForm token={token} email={pending.email} />
      ) : (
        <p role="alert" className="text-slate-700">
          {t("confirmSignUpInvalid")}{" "}
          <Link href="/sign-in" className="text-brand-700 underline">
            {t("signIn")}
          </Link>{" "}
          <Link href="/sign-up" className="text-brand-700 underline">
            {t("signUpAgain")}
          </Link>
        </p>
      )}
    </Card>
  );
}
