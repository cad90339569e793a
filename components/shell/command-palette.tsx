"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ShellPlan, ShellTeam } from "@/components/shell/app-shell";
import { applyTheme } from "@/components/shell/theme-toggle";
import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/config";
import { searchTeamTasksAction } from "@/lib/tasks/search-actions";

type Found = {
  tasks: { id: string; planId: string; planTitle: string; templateKey: string | null; title: string }[];
  plans: { id: string; title: string }[];
  members: { id: string; name: string; email: string }[];
};

const itemClass =
  "flex cursor-pointer items-center justify-between gap-2 rounded-md px-3 py-2 text-sm data-[selected=true]:bg-brand-100 data-[selected=true]:text-brand-800";
const groupClass =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-600";

function matches(text: string, q: string) {
  return text.toLowerCase().includes(q.trim().toLowerCase());
}

/**
 * Ctrl/Cmd+K: one field to go anywhere — actions (new task or plan, switch
 * theme or language), plans, teams, and the current team's tasks and members
 * (searched on the server as you type). Arrow keys choose, Enter goes, Escape closes.
 */
export function CommandPalette({
  teams,
  plans,
  teamSlug,
  planId,
  onClose,
}: {
  teams: ShellTeam[];
  plans: ShellPlan[];
  teamSlug: string | null;
  planId: string | null;
  onClose: () => void;
}) {
  const t = useTranslations("shell");
  const tc = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found>({ tasks: [], plans: [], members: [] });
  const [selected, setSelected] = useState("");
  const [isSearching, startSearch] = useTransition();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first focusable element, which is cmdk's root (tabindex -1): typing goes to the input.
    inputRef.current?.focus();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!teamSlug || q.length === 0) return;
    const timer = setTimeout(() => {
      startSearch(async () => {
        const result = await searchTeamTasksAction(teamSlug, { q, locale });
        const next = result.ok ? result.data : { tasks: [], plans: [], members: [] };
        setFound(next);
        // Found tasks are what a search is for: the first one is chosen, so Enter opens it.
        if (next.tasks[0]) setSelected(`task-${next.tasks[0].id}`);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [query, teamSlug, locale]);

  const go = (href: string) => {
    onClose();
    router.push(href);
  };
  const base = teamSlug ? `/t/${teamSlug}` : null;
  const q = query.trim();
  const actions = [
    ...(base && planId
      ? [{ id: "new-task", label: t("actions.newTask"), run: () => go(`${base}/plans/${planId}/tasks/new`) }]
      : []),
    ...(base ? [{ id: "new-plan", label: t("actions.newPlan"), run: () => go(`${base}/plans/new`) }] : []),
    ...(base ? [{ id: "my-tasks", label: t("actions.myTasks"), run: () => go(`${base}/my-tasks`) }] : []),
    ...(base ? [{ id: "dashboard", label: t("actions.dashboard"), run: () => go(`${base}/dashboard`) }] : []),
    ...(base ? [{ id: "week", label: t("actions.week"), run: () => go(`${base}/week`) }] : []),
    { id: "notifications", label: t("actions.notifications"), run: () => go("/notifications") },
    {
      id: "theme",
      label: t("actions.toggleTheme"),
      run: () => {
        applyTheme(document.documentElement.classList.contains("dark") ? "light" : "dark");
        onClose();
      },
    },
    ...LOCALES.filter((l) => l !== locale).map((l) => ({
      id: `locale-${l}`,
      label: t("actions.language", { language: tc(`localeNames.${l}`) }),
      run: () => {
        onClose();
        void setLocaleAction(l);
      },
    })),
  ].filter((a) => matches(a.label, q));
  // The shell lists each team's newest plans; the current team's others come from the server's search.
  const foundPlans = q && teamSlug ? found.plans.map((p) => ({ ...p, teamSlug })) : [];
  const shownPlans = [...foundPlans, ...plans.filter((p) => matches(p.title, q))]
    .filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i)
    .sort((a, b) => Number(b.teamSlug === teamSlug) - Number(a.teamSlug === teamSlug))
    .slice(0, 8);
  const shownTeams = teams.filter((x) => matches(x.name, q)).slice(0, 8);
  const teamName = (slug: string) => teams.find((x) => x.slug === slug)?.name ?? slug;
  const tasks = q ? found.tasks : [];
  const members = q ? found.members : [];

  return (
    <dialog
      ref={ref}
      aria-label={t("paletteLabel")}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      className="mx-auto mt-[12vh] w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <Command label={t("paletteLabel")} shouldFilter={false} loop value={selected} onValueChange={setSelected}>
        <Command.Input
          ref={inputRef}
          value={query}
          onValueChange={setQuery}
          placeholder={t("palettePlaceholder")}
          aria-label={t("palettePlaceholder")}
          className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-base outline-none"
        />
        <Command.List className="max-h-[60vh] overflow-y-auto p-2" aria-busy={isSearching || undefined}>
          <Command.Empty className="px-3 py-6 text-center text-sm text-slate-600">
            {isSearching ? t("searching") : t("noResults")}
          </Command.Empty>
          {actions.length > 0 ? (
            <Command.Group heading={t("groups.actions")} className={groupClass}>
              {actions.map((a) => (
                <Command.Item key={a.id} value={a.id} onSelect={a.run} className={itemClass}>
                  {a.label}
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {tasks.length > 0 && base ? (
            <Command.Group heading={t("groups.tasks")} className={groupClass}>
              {tasks.map((task) => (
                <Command.Item
                  key={task.id}
                  value={`task-${task.id}`}
                  onSelect={() => go(`${base}/plans/${task.planId}/tasks/${task.id}`)}
                  className={itemClass}
                >
                  <span className="truncate">
                    {task.templateKey ? `${task.templateKey} · ` : ""}
                    {task.title}
                  </span>
                  <span className="shrink-0 truncate text-xs text-slate-600">{task.planTitle}</span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {shownPlans.length > 0 ? (
            <Command.Group heading={t("groups.plans")} className={groupClass}>
              {shownPlans.map((plan) => (
                <Command.Item
                  key={plan.id}
                  value={`plan-${plan.id}`}
                  onSelect={() => go(`/t/${plan.teamSlug}/plans/${plan.id}`)}
                  className={itemClass}
                >
                  <span className="truncate">{plan.title}</span>
                  <span className="shrink-0 text-xs text-slate-600">{teamName(plan.teamSlug)}</span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {members.length > 0 && base ? (
            <Command.Group heading={t("groups.members")} className={groupClass}>
              {members.map((m) => (
                <Command.Item
                  key={m.id}
                  value={`member-${m.id}`}
                  onSelect={() => go(`${base}/members`)}
                  className={itemClass}
                >
                  <span className="truncate">{m.name}</span>
                  <span className="shrink-0 text-xs text-slate-600">{m.email}</span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {shownTeams.length > 0 ? (
            <Command.Group heading={t("groups.teams")} className={groupClass}>
              {shownTeams.map((x) => (
                <Command.Item
                  key={x.slug}
                  value={`team-${x.slug}`}
                  onSelect={() => go(`/t/${x.slug}`)}
                  className={itemClass}
                >
                  {t("actions.switchTeam", { team: x.name })}
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
        </Command.List>
      </Command>
    </dialog>
  );
}
