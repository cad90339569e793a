"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { CommandPalette } from "@/components/shell/command-palette";
import { ShortcutHelp } from "@/components/shell/shortcut-help";
import { ThemeToggle, type ThemeChoice } from "@/components/shell/theme-toggle";
import { shortcutFor, teamOfPath, planOfPath } from "@/components/shell/shortcuts";
import { signOutAction } from "@/lib/auth/actions";

/** A team of the signed-in user, with how many open plans it has (the sidebar lists only its newest). */
export type ShellTeam = { slug: string; name: string; planCount: number };
export type ShellPlan = { id: string; title: string; teamSlug: string };

const itemClass = (isActive: boolean) =>
  `flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm ${isActive ? "bg-brand-100 font-medium text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;

/**
 * The frame of signed-in pages: a sidebar (current team, its plans, My tasks,
 * notifications, search, teams, account) beside full-width content; below the
 * md breakpoint the sidebar folds into a "Menu" button. Hosts the command
 * palette (Ctrl/Cmd+K) and the single-key shortcuts.
 */
export function AppShell({
  user,
  teams,
  plans,
  unread,
  theme,
  children,
}: {
  user: { name: string };
  teams: ShellTeam[];
  plans: ShellPlan[];
  unread: number;
  theme: ThemeChoice;
  children: ReactNode;
}) {
  const t = useTranslations("shell");
  const tc = useTranslations("common");
  const tn = useTranslations("teamNav");
  const pathname = usePathname();
  const router = useRouter();
  const [isMenuOpen, setMenuOpen] = useState(false);
  const [isPaletteOpen, setPaletteOpen] = useState(false);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    // A navigation closes the phone menu.
    setOpenedAt(pathname);
    setMenuOpen(false);
  }

  const teamSlug = teamOfPath(pathname);
  const planId = planOfPath(pathname);
  const team = teams.find((x) => x.slug === teamSlug) ?? null;
  const teamPlans = plans.filter((p) => p.teamSlug === teamSlug);
  const base = team ? `/t/${team.slug}` : null;

  // The sidebar's lists come from the layout, which a navigation does not re-render:
  // a team or plan made (or joined) since is fetched with one refresh. A plan missing
  // from a team's newest (the list is not the whole team's) is an older one, not a new one.
  const isStale =
    (teamSlug !== null && !team) ||
    (planId !== null && !teamPlans.some((p) => p.id === planId) && teamPlans.length >= (team?.planCount ?? 0));
  const refreshedFor = useRef<string | null>(null);
  useEffect(() => {
    if (isStale && refreshedFor.current !== pathname) {
      refreshedFor.current = pathname;
      router.refresh();
    }
  }, [isStale, pathname, router]);

  const openPalette = useCallback(() => setPaletteOpen(true), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      if (action === "palette") {
        event.preventDefault();
        setPaletteOpen((open) => !open);
        return;
      }
      if (isPaletteOpen || isHelpOpen) return;
      if (action === "help") {
        event.preventDefault();
        setHelpOpen(true);
      } else if (action === "search") {
        event.preventDefault();
        const field = document.querySelector<HTMLInputElement>("[data-shortcut=search]");
        if (field) field.focus();
        else setPaletteOpen(true);
      } else if (action === "new") {
        if (!base) return;
        event.preventDefault();
        router.push(planId ? `${base}/plans/${planId}/tasks/new` : `${base}/plans/new`);
      } else if (action === "next" || action === "previous") {
        const cards = [...document.querySelectorAll<HTMLElement>("[data-task-item]")];
        if (cards.length === 0) return;
        event.preventDefault();
        const at = cards.findIndex((c) => c.contains(document.activeElement));
        const next = action === "next" ? Math.min(at + 1, cards.length - 1) : Math.max(at - 1, 0);
        cards[next]?.querySelector<HTMLElement>("a")?.focus();
      } else if (action === "edit") {
        const link = document.activeElement?.closest("[data-task-item]")?.querySelector<HTMLAnchorElement>("a");
        if (!link) return;
        event.preventDefault();
        router.push(link.getAttribute("href") ?? "/");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [base, planId, router, isPaletteOpen, isHelpOpen]);

  const sidebar = (
    <nav aria-label={tc("mainNav")} className="flex h-full flex-col gap-4 overflow-y-auto p-3">
      <div className="hidden items-center justify-between md:flex">
        <Link href="/" className="px-2 text-lg font-bold text-brand-800">
          {tc("appName")}
        </Link>
      </div>
      <button
        type="button"
        onClick={openPalette}
        className="flex items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-left text-sm text-slate-600 hover:border-brand-600"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <span>{t("search")}</span>
        <kbd className="rounded border border-slate-300 px-1 text-xs">{t("searchKey")}</kbd>
      </button>
      {team && base ? (
        <div className="flex flex-col gap-0.5">
          <Link href={base} className="truncate px-2 pb-1 text-sm font-semibold text-slate-900 hover:underline">
            {team.name}
          </Link>
          <Link
            href={base}
            aria-current={pathname === base ? "page" : undefined}
            className={itemClass(pathname === base)}
          >
            {tn("plans")}
          </Link>
          <Link
            href={`${base}/my-tasks`}
            aria-current={pathname.startsWith(`${base}/my-tasks`) ? "page" : undefined}
            className={itemClass(pathname.startsWith(`${base}/my-tasks`))}
          >
            {tn("myTasks")}
          </Link>
          <Link
            href={`${base}/dashboard`}
            aria-current={pathname.startsWith(`${base}/dashboard`) ? "page" : undefined}
            className={itemClass(pathname.startsWith(`${base}/dashboard`))}
          >
            {tn("dashboard")}
          </Link>
          <Link
            href={`${base}/week`}
            aria-current={pathname.startsWith(`${base}/week`) ? "page" : undefined}
            className={itemClass(pathname.startsWith(`${base}/week`))}
          >
            {tn("week")}
          </Link>
          <Link
            href={`${base}/diagnostic`}
            aria-current={pathname.startsWith(`${base}/diagnostic`) ? "page" : undefined}
            className={itemClass(pathname.startsWith(`${base}/diagnostic`))}
          >
            {tn("diagnostic")}
          </Link>
          <Link
            href={`${base}/members`}
            aria-current={pathname.startsWith(`${base}/members`) ? "page" : undefined}
            className={itemClass(pathname.startsWith(`${base}/members`))}
          >
            {tn("members")}
          </Link>
          <Link
            href={`${base}/settings`}
            aria-current={pathname.startsWith(`${base}/settings`) ? "page" : undefined}
            className={itemClass(pathname.startsWith(`${base}/settings`))}
          >
            {tn("settings")}
          </Link>
          {teamPlans.length > 0 ? (
            // Open on plan pages; on the team home the plans are the page itself.
            <details open={Boolean(planId)} className="mt-2" key={planId ? "plan" : "team"}>
              <summary className="cursor-pointer px-2 py-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                {t("plans", { count: Math.max(team.planCount, teamPlans.length) })}
              </summary>
              <ul className="mt-1 flex flex-col gap-0.5">
                {teamPlans.map((plan) => (
                  <li key={plan.id}>
                    <Link
                      href={`${base}/plans/${plan.id}`}
                      aria-current={plan.id === planId ? "page" : undefined}
                      className={`${itemClass(plan.id === planId)} truncate`}
                    >
                      <span className="truncate">{plan.title}</span>
                    </Link>
                  </li>
                ))}
                {team.planCount > teamPlans.length ? (
                  <li>
                    <Link href={base} className={`${itemClass(false)} text-brand-700`}>
                      {t("allPlans", { count: team.planCount })}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-col gap-0.5">
        <Link
          href="/notifications"
          aria-current={pathname === "/notifications" ? "page" : undefined}
          className={itemClass(pathname === "/notifications")}
        >
          <span>{tc("notifications")}</span>
          {unread > 0 ? (
            <span
              className="rounded-full bg-red-700 px-1.5 text-xs text-white"
              aria-label={tc("unread", { count: unread })}
            >
              {unread}
            </span>
          ) : null}
        </Link>
        <Link href="/framework" className={itemClass(false)}>
          {tc("framework")}
        </Link>
        <details>
          <summary className="cursor-pointer rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
            {tc("switchTeam")}
          </summary>
          <ul className="mt-1 flex flex-col gap-0.5 pl-2" aria-label={tc("teams")}>
            {teams.map((x) => (
              <li key={x.slug}>
                <Link href={`/t/${x.slug}`} className={`${itemClass(x.slug === teamSlug)} truncate`}>
                  <span className="truncate">{x.name}</span>
                </Link>
              </li>
            ))}
            <li>
              <Link href="/teams" className={itemClass(pathname === "/teams")}>
                {tc("allTeams")}
              </Link>
            </li>
          </ul>
        </details>
      </div>
      <div className="mt-auto flex flex-col gap-2 border-t border-slate-200 pt-3">
        <div className="flex flex-wrap items-center gap-2">
          <LanguageSwitcher />
          <ThemeToggle initial={theme} />
        </div>
        <Link href="/profile" className={`${itemClass(pathname === "/profile")} truncate`}>
          {user.name}
        </Link>
        <form action={signOutAction}>
          <button
            type="submit"
            className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100"
          >
            {tc("signOut")}
          </button>
        </form>
        <button
          type="button"
          onClick={() => setHelpOpen(true)}
          className="rounded-md px-2 py-1 text-left text-xs text-slate-600 hover:bg-slate-100"
          aria-keyshortcuts="Shift+?"
        >
          {t("shortcutsHint")}
        </button>
      </div>
    </nav>
  );

  return (
    <div className="md:flex md:min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:p-2"
      >
        {tc("skipToContent")}
      </a>
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2 md:hidden">
        <Link href="/" className="text-lg font-bold text-brand-800">
          {tc("appName")}
        </Link>
        <div className="flex items-center gap-2">
          <button type="button" onClick={openPalette} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            {t("search")}
          </button>
          <button
            type="button"
            onClick={() => setMenuOpen((open) => !open)}
            aria-expanded={isMenuOpen}
            aria-controls="app-sidebar"
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          >
            {tc("menu")}
          </button>
        </div>
      </header>
      <aside
        id="app-sidebar"
        className={`${isMenuOpen ? "block" : "hidden"} border-b border-slate-200 bg-slate-50 md:sticky md:top-0 md:block md:h-screen md:w-60 md:shrink-0 md:border-r md:border-b-0`}
      >
        {sidebar}
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-4 md:px-6 lg:px-8">
        {children}
      </main>
      {isPaletteOpen ? (
        <CommandPalette
          teams={teams}
          plans={plans}
          teamSlug={teamSlug}
          planId={planId}
          onClose={() => setPaletteOpen(false)}
        />
      ) : null}
      {isHelpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
