import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { can } from "@/lib/authz";
import { findPlans } from "@/lib/plans/find-plans";
import { getTeamContext } from "@/lib/server/team-context";

export default async function TeamHomePage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const { team, role } = await getTeamContext(teamSlug);
  const [plans, t, tc, format] = await Promise.all([
    findPlans({ teamId: team.id }),
    getTranslations("plans"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const tt = await getTranslations("teams");
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
      {plans.length === 0 ? (
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
    </section>
  );
}
