import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { Card } from "@/components/ui/card";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t("forgotTitle")}</h1>
      <ForgotPasswordForm />
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </Card>
  );
}
