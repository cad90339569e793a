import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { buttonClass } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { findTeamsOfUser } from "@/lib/teams/find-teams";

const FEATURES = ["framework", "plans", "views", "progress"] as const;

/** Signed in: the user's one team, or the team list. Signed out: what Pathwise is, with sign-in and sign-up. */
export default async function HomePage() {
  const user = await getCurrentUser();
  if (user) {
    const teams = await findTeamsOfUser({ userId: user.id });
    redirect(teams.length === 1 && teams[0] ? `/t/${teams[0].slug}` : "/teams");
  }
  const [t, tc] = await Promise.all([getTranslations("landing"), getTranslations("common")]);
  return (
    <div className="mx-auto flex min-h-screen w-full max-w-5xl flex-col gap-10 px-4 py-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-2xl font-bold text-brand-800">{tc("appName")}</p>
        <nav aria-label={tc("mainNav")} className="flex flex-wrap items-center gap-2">
          <LanguageSwitcher />
          <Link href="/sign-in" className={buttonClass("secondary")}>
            {t("signIn")}
          </Link>
          <Link href="/sign-up" className={buttonClass("primary")}>
            {t("signUp")}
          </Link>
        </nav>
      </header>
      <main id="main" className="flex flex-col gap-10">
        <section className="flex flex-col gap-4">
          <h1 className="max-w-3xl text-3xl font-semibold sm:text-4xl">{t("headline")}</h1>
          <p className="max-w-2xl text-lg text-slate-700">{t("lead")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href="/sign-up" className={buttonClass("primary")}>
              {t("cta")}
            </Link>
            <Link href="/framework" className={buttonClass("secondary")}>
              {t("paper")}
            </Link>
          </div>
        </section>
        <section aria-labelledby="features-heading" className="flex flex-col gap-4">
          <h2 id="features-heading" className="text-xl font-semibold">
            {t("featuresHeading")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {FEATURES.map((f) => (
              <li key={f} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h3 className="font-medium">{t(`features.${f}.title`)}</h3>
                <p className="mt-1 text-sm text-slate-700">{t(`features.${f}.body`)}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
