import { PlanPageTitle } from "@/components/plans/plan-page-title";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BreakdownCard } from "@/components/dashboard/breakdown-card";
import { DilemmaCard } from "@/components/dashboard/dilemma-card";
import { DueList } from "@/components/dashboard/due-list";
import { HealthCard } from "@/components/dashboard/health-card";
import { PrintButton } from "@/components/dashboard/print-button";
import { StatusChart, type StatusCount } from "@/components/dashboard/status-chart";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { WorkloadTable } from "@/components/dashboard/workload-table";
import { DilemmaGapsCard } from "@/components/guide/dilemma-gaps-card";
import { NextBestActions } from "@/components/guide/next-best-actions";
import { OutcomeAlerts } from "@/components/guide/outcome-alerts";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { getTemplate } from "@/lib/catalog/catalog";
import { dilemmas } from "@/lib/catalog/catalog";
import type { DilemmaCode } from "@/lib/catalog/types";
import { getArea, getPath } from "@/lib/catalog/lookup";
import { localize } from "@/lib/i18n/config";
import { getPlanContext, planPageMetadata } from "@/lib/plans/get-plan-context";
import { planHealth, toPercent } from "@/lib/progress/formula";
import { getPlanDashboard } from "@/lib/progress/plan-dashboard";
import { displayTitle } from "@/lib/tasks/display-title";
import { today as utcToday } from "@/lib/tasks/find-tasks";
import { DAY_MS } from "@/lib/time";
import { TASK_STATUSES } from "@/lib/tasks/status";

type Props = { params: Promise<{ teamSlug: string; planId: string }> };

export const generateMetadata = planPageMetadata("dashboard");

export default async function PlanDashboardPage({ params }: Props) {
  const { teamSlug, planId } = await params;
  const context = await getPlanContext(teamSlug, planId);
  const { team, plan } = context;
  const today = utcToday();
  // Shared by every viewer of the plan on this instance until the plan changes (live refreshes included).
  const [data, locale, format, t] = await Promise.all([
    getPlanDashboard({ teamId: team.id, planId: plan.id }, plan, today),
    getLocale(),
    getFormatter(),
    getTranslations("dashboard"),
  ]);
  const { expected, weekAgoDay, monthAgoDay, trendDayList, now, guide, history, workload, due } = data;

  const basePath = `/t/${team.slug}/plans/${plan.id}`;
  const formatDay = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const dilemmaNames = Object.fromEntries(dilemmas.map((d) => [d.code, localize(d.name, locale)]));
  const dilemmaName = (code: string) => localize(dilemmas.find((d) => d.code === code)!.name, locale);
  const trend = trendDayList.map((day) => ({ day, dilemmas: history.get(day)! }));
  const pastOf = (day: string, code: string) => history.get(day)?.[code as DilemmaCode] ?? null;
  const statusCounts: StatusCount[] = TASK_STATUSES.map((status) => ({ status, count: now.statusCounts[status] ?? 0 }));
  const trendRows = trend.map((p) => ({
    day: p.day,
    values: Object.fromEntries(Object.entries(p.dilemmas).map(([code, v]) => [code, v === null ? null : toPercent(v)])),
  }));
  const dueRow = (task: (typeof due.overdue.tasks)[number]) => ({
    id: task.id,
    title: displayTitle(task, locale),
    status: task.status as "TODO" | "IN_PROGRESS" | "BLOCKED",
    dueDate: task.dueDate!,
    assigneeName: task.assignee?.name ?? null,
    daysLate: Math.round((today.getTime() - task.dueDate!.getTime()) / DAY_MS),
  });

  return (
    <div className="flex flex-col gap-6 print:gap-4 print:[print-color-adjust:exact]">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <PlanPageTitle
            planHref={basePath}
            backLabel={t("backToPlan")}
            planTitle={plan.title}
            pageTitle={t("title")}
          />
          <p className="mt-1 text-sm text-slate-600">{t("asOf", { date: formatDay(today) })}</p>
        </div>
        <PrintButton />
      </div>

      <HealthCard
        overall={now.overall.progress}
        expected={expected}
        health={planHealth(now.overall.progress, expected)}
        start={formatDay(plan.startDate)}
        target={formatDay(plan.targetDate)}
        dilemmas={now.dilemmas.map((d) => ({
          code: d.code,
          name: dilemmaName(d.code),
          health: planHealth(d.progress, expected),
        }))}
      />

      <OutcomeAlerts alerts={guide.outcomeAlerts} names={dilemmaNames} />

      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
        <DilemmaGapsCard ranked={guide.ranked} names={dilemmaNames} />
        {guide.lagging ? (
          <NextBestActions
            code={guide.lagging.code}
            name={dilemmaNames[guide.lagging.code] ?? guide.lagging.code}
            tasks={guide.tasks.map((a) => ({
              id: a.task.id,
              title: displayTitle(a.task, locale),
              weight: a.weight,
              isBlocked: a.isBlocked,
              daysLate: a.daysLate,
              assigneeName: a.task.assignee?.name ?? null,
            }))}
            templates={guide.missingTemplates.map((key) => ({
              key,
              text: localize(getTemplate(key)!.text, locale),
            }))}
            basePath={basePath}
            teamSlug={team.slug}
            planId={plan.id}
            canWrite={can(context.role, "tasks.write") && plan.status !== "ARCHIVED"}
          />
        ) : null}
      </div>

      <section aria-labelledby="dilemmas-heading" className="flex flex-col gap-3">
        <h2 id="dilemmas-heading" className="text-lg font-semibold">
          {t("dilemmas.heading")}
        </h2>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4 print:grid-cols-2">
          {now.dilemmas.map((d) => (
            <DilemmaCard
              key={d.code}
              code={d.code}
              name={dilemmaName(d.code)}
              progress={d.progress}
              taskCount={d.taskCount}
              health={planHealth(d.progress, expected)}
              weekAgo={pastOf(weekAgoDay, d.code)}
              monthAgo={pastOf(monthAgoDay, d.code)}
              indicators={now.indicators.filter((i) => i.dilemmaCode === d.code)}
            />
          ))}
        </div>
      </section>

      <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
        <BreakdownCard
          id="areas-heading"
          heading={t("breakdown.areas")}
          rows={now.areas.map((a) => ({ ...a, name: localize(getArea(a.code).name, locale) }))}
        />
        <BreakdownCard
          id="paths-heading"
          heading={t("breakdown.paths")}
          rows={now.paths.map((p) => ({ ...p, name: localize(getPath(p.code).name, locale) }))}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="break-inside-avoid print:shadow-none">
          <section aria-labelledby="status-heading">
            <h2 id="status-heading" className="mb-3 text-lg font-semibold">
              {t("status.heading")}
            </h2>
            <StatusChart counts={statusCounts} />
          </section>
        </Card>
        <Card className="break-inside-avoid lg:col-span-2 print:shadow-none">
          <section aria-labelledby="trend-heading">
            <h2 id="trend-heading" className="text-lg font-semibold">
              {t("trend.heading")}
            </h2>
            <p className="mb-3 text-sm text-slate-600">{t("trend.description")}</p>
            {trendRows.length === 0 ? (
              <p className="text-sm text-slate-600">{t("trend.empty")}</p>
            ) : (
              <TrendChart
                rows={trendRows}
                dilemmas={dilemmas.map((d) => ({ code: d.code, name: localize(d.name, locale) }))}
              />
            )}
          </section>
        </Card>
      </div>

      <WorkloadTable rows={workload} />

      <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
        <DueList
          id="overdue-heading"
          kind="overdue"
          tasks={due.overdue.tasks.map(dueRow)}
          total={due.overdue.total}
          allHref={`${basePath}?overdue=1`}
          basePath={basePath}
        />
        <DueList
          id="due-soon-heading"
          kind="soon"
          tasks={due.dueSoon.tasks.map(dueRow)}
          total={due.dueSoon.total}
          allHref={`${basePath}?view=calendar`}
          basePath={basePath}
        />
      </div>
    </div>
  );
}
