import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { Card } from "@/components/ui/card";
import { isResetTokenUsable } from "@/lib/users/password-reset";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, isUsable] = await Promise.all([getTranslations("auth"), isResetTokenUsable(token)]);
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t("resetTitle")}</h1>
      {isUsable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="text-slate-700">
          {t("resetInvalid")}{" "}
          <Link href="/forgot-password" className="text-brand-700 underline">
            {t("requestNewLink")}
          </Link>
        </p>
      )}
    </Card>
  );
}
