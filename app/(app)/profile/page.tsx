import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { ChangePasswordForm, ProfileForm, SignOutEverywhereForm } from "@/components/profile/profile-forms";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { Card } from "@/components/ui/card";
import { Toast } from "@/components/ui/toast";
import { requireUser } from "@/lib/auth/session";
import { toLocale } from "@/lib/i18n/config";
import { toTimeZone } from "@/lib/i18n/time-zone";
import { getPreferences } from "@/lib/notifications/preferences";

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requireUser();
  const { password } = await searchParams;
  const [t, locale, shownIn, preferences] = await Promise.all([
    getTranslations("profile"),
    getLocale(),
    getTimeZone(),
    getPreferences(user.id),
  ]);
  // The saved zone, else the one pages are shown in (the browser's, from its cookie), offered until saved.
  const timeZone = toTimeZone(user.timeZone) ?? shownIn;
  const timeZones = [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC", timeZone])].sort();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("details")}</h2>
        <p className="mb-3 text-sm text-slate-600">{user.email}</p>
        <ProfileForm
          defaults={{ name: user.name, locale: toLocale(user.locale) ?? toLocale(locale) ?? "en", timeZone }}
          timeZones={timeZones}
          timeZoneSaved={Boolean(toTimeZone(user.timeZone))}
        />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("password")}</h2>
        {password === "changed" ? (
          <p className="mb-3">
            <Toast>{t("passwordChanged")}</Toast>
          </p>
        ) : null}
        {/* A new instance (empty fields) after a change. */}
        <ChangePasswordForm key={password ?? ""} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("notices.heading")}</h2>
        <p className="mb-3 max-w-lg text-sm text-slate-600">{t("notices.hint")}</p>
        <NotificationPreferencesForm preferences={preferences} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("sessions")}</h2>
        <p className="mb-3 max-w-lg text-sm text-slate-600">{t("sessionsHint")}</p>
        <SignOutEverywhereForm />
      </Card>
    </div>
  );
}
