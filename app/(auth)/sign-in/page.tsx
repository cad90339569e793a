import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/validation/auth";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; reset?: string }>;
}) {
  const { next, reset } = await searchParams;
  if (await getCurrentUser()) redirect(safeNextPath(next));
  const [t, tc] = await Promise.all([getTranslations("auth"), getTranslations("common")]);
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t("signInTitle")}</h1>
      {reset ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("passwordResetDone")}
        </p>
      ) : null}
      <SignInForm next={next} />
      <p className="mt-4 text-sm">
        <Link href="/framework" className="text-brand-700 underline">
          {tc("frameworkAbout")}
        </Link>
      </p>
    </Card>
  );
}
