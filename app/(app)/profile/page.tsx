import { getLocale, getTranslations } from "next-intl/server";
import { ChangePasswordForm, ProfileForm, SignOutEverywhereForm } from "@/components/profile/profile-forms";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { toLocale } from "@/lib/i18n/config";

export default async function ProfilePage() {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations("profile"), getLocale()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("details")}</h2>
        <p className="mb-3 text-sm text-slate-600">{user.email}</p>
        <ProfileForm defaults={{ name: user.name, locale: toLocale(user.locale) ?? toLocale(locale) ?? "en" }} />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("password")}</h2>
        <ChangePasswordForm />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("sessions")}</h2>
        <p className="mb-3 max-w-lg text-sm text-slate-600">{t("sessionsHint")}</p>
        <SignOutEverywhereForm />
      </Card>
    </div>
  );
}
