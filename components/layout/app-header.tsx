import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { signOutAction } from "@/lib/auth/actions";

type HeaderTeam = { slug: string; name: string };

/** The header of signed-in pages: brand, team switcher, language, profile and sign-out; a menu on small screens. */
export async function AppHeader({
  userName,
  teams,
  unread,
}: {
  userName: string;
  teams: HeaderTeam[];
  unread: number;
}) {
  const t = await getTranslations("common");
  const teamMenu = (
    <details className="group relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
        {t("switchTeam")} ▾
      </summary>
      <ul
        className="absolute left-0 z-10 mt-1 min-w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        aria-label={t("teams")}
      >
        {teams.map((team) => (
          <li key={team.slug}>
            <Link href={`/t/${team.slug}`} className="block px-3 py-1.5 text-sm hover:bg-slate-100">
              {team.name}
            </Link>
          </li>
        ))}
        <li className="border-t border-slate-100">
          <Link href="/teams" className="block px-3 py-1.5 text-sm text-brand-700 hover:bg-slate-100">
            {t("allTeams")}
          </Link>
        </li>
      </ul>
    </details>
  );
  const account = (
    <>
      <Link href="/notifications" className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
        {t("notifications")}
        {unread > 0 ? (
          <span
            className="ml-1 rounded-full bg-red-700 px-1.5 text-xs text-white"
            aria-label={t("unread", { count: unread })}
          >
            {unread}
          </span>
        ) : null}
      </Link>
      <LanguageSwitcher />
      <Link href="/profile" className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
        {userName}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
          {t("signOut")}
        </button>
      </form>
    </>
  );
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <nav aria-label={t("mainNav")} className="flex items-center gap-3">
          <Link href="/teams" className="text-lg font-bold text-brand-800">
            {t("appName")}
          </Link>
          {teamMenu}
          <Link href="/framework" className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
            {t("framework")}
          </Link>
        </nav>
        <div className="hidden items-center gap-2 sm:flex">{account}</div>
        <details className="relative sm:hidden">
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-2 py-1 text-sm">
            {t("menu")}
          </summary>
          <div className="absolute right-0 z-10 mt-1 flex w-56 flex-col items-start gap-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
            {account}
          </div>
        </details>
      </div>
    </header>
  );
}
