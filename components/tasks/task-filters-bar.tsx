import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { areas, dilemmas, paths } from "@/lib/catalog/catalog";
import { localize } from "@/lib/i18n/config";
import { hasFilters, type TaskFilters } from "@/lib/tasks/task-filters";
import { PRIORITIES, TASK_STATUSES } from "@/lib/tasks/status";

type Member = { user: { id: string; name: string } };

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Filters as a GET form, so the filtered view lives in the URL and can be shared. */
export async function TaskFiltersBar({
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
  const [t, ts, tp, locale] = await Promise.all([
    getTranslations("planView"),
    getTranslations("enums.taskStatus"),
    getTranslations("enums.priority"),
    getLocale(),
  ]);
  const field = (label: string, name: string, value: string, options: { value: string; label: string }[]) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value} className={selectClass}>
        <option value="">{t("any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label={t("filters")}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <input type="hidden" name="view" value={view} />
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        {t("search")}
        <input type="search" name="q" defaultValue={filters.q} className={`${selectClass} w-44`} />
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
        ...members.map((m) => ({ value: m.user.id, label: m.user.name })),
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
        <input type="checkbox" name="overdue" value="1" defaultChecked={filters.isOverdue} />
        {t("overdue")}
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        {t("apply")}
      </button>
      {hasFilters(filters) ? (
        <Link href={`${basePath}?view=${view}`} className="pb-2 text-sm text-brand-700 underline">
          {t("clear")}
        </Link>
      ) : null}
    </form>
  );
}
