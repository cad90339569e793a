import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/validation/auth";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await getCurrentUser()) redirect(safeNextPath(next));
  const t = await getTranslations("auth");
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t("signInTitle")}</h1>
      <SignInForm next={next} />
    </Card>
  );
}
