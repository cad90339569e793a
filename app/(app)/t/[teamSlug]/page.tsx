import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Pager, pageFrom } from "@/components/ui/pager";
import { ProgressBar } from "@/components/ui/progress-bar";
import { can } from "@/lib/authz";
import { PLANS_PER_PAGE, findPlans } from "@/lib/plans/find-plans";
import { getTeamContext } from "@/lib/server/team-context";

type Props = {
  params: Promise<{ teamSlug: string }>;
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
};

export default async function TeamHomePage({ params, searchParams }: Props) {
  const [{ teamSlug }, query] = await Promise.all([params, searchParams]);
  const { team, role } = await getTeamContext(teamSlug);
  const q = (Array.isArray(query.q) ? query.q[0] : query.q)?.trim().slice(0, 200) ?? "";
  const [found, t, tc, format] = await Promise.all([
    findPlans({ teamId: team.id, q, page: pageFrom(query.page, Number.MAX_SAFE_INTEGER) }),
    getTranslations("plans"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const { plans, total, page } = found;
  const tt = await getTranslations("teams");
  const base = `/t/${team.slug}`;
  const pageHref = (n: number) => {
    const params = new URLSearchParams([...(q ? [["q", q]] : []), ...(n > 1 ? [["page", String(n)]] : [])]);
    return params.size > 0 ? `${base}?${params.toString()}` : base;
  };
  return (
    <section aria-labelledby="plans-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="plans-heading" className="text-2xl font-semibold">
          {tt("plans")}
        </h1>
        {can(role, "plans.create") ? (
          <Link href={`/t/${team.slug}/plans/new`} className={buttonClass("primary")}>
            {t("newPlan")}
          </Link>
        ) : null}
      </div>
      {total > 0 || q ? (
        <form role="search" action={base} className="flex flex-wrap items-end gap-2">
          <Field
            label={tt("searchPlans")}
            type="search"
            name="q"
            defaultValue={q}
            maxLength={200}
            data-shortcut="search"
            aria-keyshortcuts="/"
            className="w-72 max-w-full"
          />
          <button type="submit" className={buttonClass("secondary")}>
            {tt("searchSubmit")}
          </button>
          {q ? (
            <Link href={base} className="px-1 py-2 text-sm text-brand-700 hover:underline">
              {tt("searchClear")}
            </Link>
          ) : null}
        </form>
      ) : null}
      {plans.length === 0 && q ? (
        <p role="status" className="text-sm text-slate-600">
          {tt("searchNone", { q })}
        </p>
      ) : plans.length === 0 ? (
        <EmptyState
          title={tt("noPlans")}
          actions={can(role, "plans.create") ? [{ href: `/t/${team.slug}/plans/new`, label: tt("noPlansAction") }] : []}
        >
          {can(role, "plans.create") ? tt("noPlansHint") : tt("noPlansReadOnly")}
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {plans.map((plan) => (
            <li key={plan.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/t/${team.slug}/plans/${plan.id}`} className="font-medium text-brand-700 hover:underline">
                  {plan.title}
                </Link>
                <PlanStatusBadge status={plan.status} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {t("dates", {
                  start: format.dateTime(plan.startDate, { dateStyle: "medium", timeZone: "UTC" }),
                  target: format.dateTime(plan.targetDate, { dateStyle: "medium", timeZone: "UTC" }),
                })}{" "}
                · {t("tasks", { count: plan.taskCount })}
              </p>
              <div className="mt-2 max-w-md">
                <ProgressBar
                  value={plan.progress}
                  label={`${t("progress")}: ${plan.title}`}
                  notAddressed={tc("notAddressed")}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager
        label={tt("pagination")}
        range={tt("pages", {
          from: (page - 1) * PLANS_PER_PAGE + 1,
          to: (page - 1) * PLANS_PER_PAGE + plans.length,
          total,
        })}
        previous={page > 1 ? { href: pageHref(page - 1), label: tt("previous") } : null}
        next={page * PLANS_PER_PAGE < total ? { href: pageHref(page + 1), label: tt("next") } : null}
      />
    </section>
  );
}
