"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { areas, dilemmas, paths } from "@/lib/catalog/catalog";
import { localize } from "@/lib/i18n/config";
import { hasFilters, type TaskFilters } from "@/lib/tasks/task-filters";
import { PRIORITIES, TASK_STATUSES } from "@/lib/tasks/status";
import { memberLabels } from "@/components/tasks/member-label";

type Member = { user: { id: string; name: string; email: string } };

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * Filters that apply as they are chosen (the search after a short pause): each
 * change replaces the URL, so the filtered view can be shared. A GET form still,
 * so Enter and a page without scripts work too. On a phone they fold behind a button.
 */
export function TaskFiltersBar({
  filters,
  members,
  view,
  basePath,
}: {
  filters: TaskFilters;
  members: Member[];
  view: string;
  basePath: string;
}) {
  const t = useTranslations("planView");
  const ts = useTranslations("enums.taskStatus");
  const tp = useTranslations("enums.priority");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const [isOpen, setOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = [
    filters.areas.length,
    filters.dilemmas.length,
    filters.paths.length,
    filters.statuses.length,
    filters.priorities.length,
    filters.assignee ? 1 : 0,
    filters.isOverdue ? 1 : 0,
    filters.q ? 1 : 0,
  ].filter(Boolean).length;

  useEffect(() => () => void (searchTimer.current && clearTimeout(searchTimer.current)), []);

  const apply = () => {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    // Keep what the filters do not own (e.g. the swimlane choice).
    for (const [key, value] of searchParams.entries()) {
      if (!form.elements.namedItem(key)) params.set(key, value);
    }
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && value !== "") params.set(key, value);
    }
    startTransition(() => router.replace(`${pathname}?${params.toString()}`, { scroll: false }));
  };

  const field = (label: string, name: string, value: string, options: { value: string; label: string }[]) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value} className={selectClass} onChange={apply}>
        <option value="">{t("any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const names = memberLabels(members.map((m) => m.user));
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm md:hidden"
        aria-expanded={isOpen}
        aria-controls="task-filters"
        onClick={() => setOpen((open) => !open)}
      >
        {t("filtersToggle", { count: active })}
      </button>
      <form
        ref={formRef}
        id="task-filters"
        method="get"
        action={basePath}
        role="search"
        aria-label={t("filters")}
        aria-busy={isPending || undefined}
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
        className={`${isOpen ? "flex" : "hidden"} flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 md:flex`}
      >
        <input type="hidden" name="view" value={view} />
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
          {t("search")}
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            data-shortcut="search"
            aria-keyshortcuts="/"
            className={`${selectClass} w-44`}
            onChange={() => {
              if (searchTimer.current) clearTimeout(searchTimer.current);
              searchTimer.current = setTimeout(apply, 300);
            }}
          />
        </label>
        {field(
          t("area"),
          "area",
          filters.areas.join(","),
          areas.map((a) => ({ value: a.code, label: `${a.code} ${localize(a.name, locale)}` })),
        )}
        {field(
          t("dilemma"),
          "dilemma",
          filters.dilemmas.join(","),
          dilemmas.map((d) => ({ value: d.code, label: `${d.code} ${localize(d.name, locale)}` })),
        )}
        {field(
          t("path"),
          "path",
          filters.paths.join(","),
          paths.map((p) => ({ value: p.code, label: `${p.code} ${localize(p.name, locale)}` })),
        )}
        {field(t("assignee"), "assignee", filters.assignee ?? "", [
          { value: "me", label: t("me") },
          { value: "unassigned", label: t("unassigned") },
          ...members.map((m) => ({ value: m.user.id, label: names.get(m.user.id) ?? m.user.name })),
        ])}
        {field(
          t("status"),
          "status",
          filters.statuses.join(","),
          TASK_STATUSES.map((s) => ({ value: s, label: ts(s) })),
        )}
        {field(
          t("priority"),
          "priority",
          filters.priorities.join(","),
          PRIORITIES.map((p) => ({ value: p, label: tp(p) })),
        )}
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.isOverdue} onChange={apply} />
          {t("overdue")}
        </label>
        {hasFilters(filters) ? (
          <Link href={`${basePath}?view=${view}`} className="pb-2 text-sm text-brand-700 underline">
            {t("clear")}
          </Link>
        ) : null}
      </form>
    </div>
  );
}
