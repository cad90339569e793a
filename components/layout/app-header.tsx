import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { signOutAction } from "@/lib/auth/actions";

/** The header of signed-in pages: brand, teams, language and sign-out. */
export async function AppHeader({ userName }: { userName: string }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <nav aria-label="Main" className="flex items-center gap-4">
          <Link href="/teams" className="text-lg font-bold text-brand-800">
            {t("appName")}
          </Link>
          <Link href="/teams" className="text-sm text-slate-700 hover:underline">
            {t("teams")}
          </Link>
        </nav>
        <div className="flex items-center gap-3">
          <LanguageSwitcher />
          <span className="text-sm text-slate-700">{userName}</span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
