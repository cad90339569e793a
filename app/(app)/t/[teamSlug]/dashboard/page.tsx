import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { HealthLabel } from "@/components/dashboard/health-badge";
import { MaturityProgressCard } from "@/components/guide/maturity-progress-card";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pager, pageFrom } from "@/components/ui/pager";
import { dilemmas } from "@/lib/catalog/catalog";
import { localize } from "@/lib/i18n/config";
import { expectedProgress, planHealth, toPercent, type Rollup } from "@/lib/progress/formula";
import { getSharedTeamDashboard } from "@/lib/progress/plan-dashboard";
import { displayTitle } from "@/lib/tasks/display-title";
import { today as utcToday } from "@/lib/tasks/find-tasks";
import { runOperation } from "@/lib/actions/operation";
import { getRecentDiagnostics } from "@/lib/diagnostic/diagnostic";
import { healthTone } from "@/lib/guide/guide";
import { getTeamContext, operationActor } from "@/lib/server/team-context";
import { DAY_MS } from "@/lib/time";

type Props = { params: Promise<{ teamSlug: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** Rows of the heat map per page: the page costs the same however many plans the team runs (the totals cover them all). */
const PLANS_PER_PAGE = 25;

// Heat-map cells are coloured by health (progress against the plan's elapsed time), with a shape
// so they also read in black and white; the text keeps at least 4.5:1 contrast on each.
const HEALTH_CELLS = {
  ON_TRACK: { className: "bg-green-100 text-green-950", mark: "●" },
  AT_RISK: { className: "bg-amber-100 text-amber-950", mark: "▲" },
  OFF_TRACK: { className: "bg-red-100 text-red-950", mark: "■" },
} as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug } = await params;
  const [{ team }, t] = await Promise.all([getTeamContext(teamSlug), getTranslations("teamDashboard")]);
  return { title: t("metaTitle", { team: team.name }) };
}

export default async function TeamDashboardPage({ params, searchParams }: Props) {
  const [{ teamSlug }, query] = await Promise.all([params, searchParams]);
  const context = await getTeamContext(teamSlug);
  const { team } = context;
  const today = utcToday();
  const [data, diagnostics, locale, format, t, ts, th] = await Promise.all([
    // Shared by every viewer of the team on this instance until the team changes (live refreshes included).
    getSharedTeamDashboard(team.id, today),
    runOperation(getRecentDiagnostics, operationActor(context), {}),
    getLocale(),
    getFormatter(),
    getTranslations("teamDashboard"),
    getTranslations("enums.taskStatus"),
    getTranslations("dashboard.health"),
  ]);
  const base = `/t/${team.slug}`;
  const now = new Date();
  const pageCount = Math.max(1, Math.ceil(data.plans.length / PLANS_PER_PAGE));
  const page = pageFrom(query.page, pageCount);
  const shownPlans = data.plans.slice((page - 1) * PLANS_PER_PAGE, page * PLANS_PER_PAGE);
  const pageHref = (n: number) => (n === 1 ? `${base}/dashboard` : `${base}/dashboard?page=${n}`);
  // A heat map of a few hundred plans formats the same few labels thousands of times: each once.
  const labels = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = make()));
    return text;
  };
  const percent = (progress: number | null) =>
    progress === null
      ? once("notAddressed", () => t("notAddressed"))
      : once(`percent:${toPercent(progress)}`, () => t("percent", { value: toPercent(progress) }));
  const healthLabel = (band: Parameters<typeof th>[0]) => once(`health:${band}`, () => th(band));
  const formatDay = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });

  /** A heat-map cell: the percentage, coloured by its health against the plan's elapsed share (none for totals). */
  const cell = (rollup: Rollup, key: string, expected?: number) => {
    if (rollup.progress === null) {
      return (
        <td key={key} className="border border-slate-200 bg-white px-3 py-2 text-center text-xs text-slate-600 italic">
          {percent(null)}
        </td>
      );
    }
    const health = expected === undefined ? null : healthTone(rollup.progress, expected);
    const style = health && health !== "NOT_ADDRESSED" ? HEALTH_CELLS[health] : null;
    return (
      <td
        key={key}
        data-health={health ?? undefined}
        className={`border border-slate-200 px-3 py-2 text-center font-medium tabular-nums ${style?.className ?? "bg-white"}`}
      >
        {style ? (
          <span aria-hidden="true" className="mr-1 text-xs">
            {style.mark}
          </span>
        ) : null}
        {percent(rollup.progress)}
        {health ? <span className="sr-only"> ({healthLabel(health)})</span> : null}
      </td>
    );
  };

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("intro")} {t("asOf", { date: formatDay(today) })}
        </p>
      </div>

      <MaturityProgressCard
        teamSlug={team.slug}
        diagnostics={diagnostics}
        progress={Object.fromEntries(dilemmas.map((d) => [d.code, data.totals.dilemmas[d.code].progress]))}
      />

      {data.plans.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t("empty")}</p>
          <Link href={base} className="mt-2 inline-block text-sm text-brand-700 hover:underline">
            {t("toPlans")}
          </Link>
        </Card>
      ) : (
        <>
          <section aria-labelledby="totals-heading">
            <h2 id="totals-heading" className="sr-only">
              {t("summary.heading")}
            </h2>
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              {[
                { label: t("summary.activePlans"), value: format.number(data.plans.length) },
                { label: t("summary.overall"), value: percent(data.totals.overall.progress) },
                { label: t("summary.open"), value: format.number(data.totals.openCount) },
                {
                  label: t("summary.overdue"),
                  value: format.number(data.totals.overdueCount),
                  isAlert: data.totals.overdueCount > 0,
                },
              ].map((item) => (
                <Card key={item.label} className="flex flex-col gap-1">
                  <dt className="text-sm text-slate-600">{item.label}</dt>
                  <dd className={`text-2xl font-semibold tabular-nums ${item.isAlert ? "text-red-800" : ""}`}>
                    {item.value}
                  </dd>
                </Card>
              ))}
            </dl>
          </section>

          <Card>
            <section aria-labelledby="heatmap-heading" className="flex flex-col gap-3">
              <h2 id="heatmap-heading" className="text-lg font-semibold">
                {t("heatmap.heading")}
              </h2>
              <div className="relative overflow-x-auto">
                <table className="w-full border-collapse text-sm [print-color-adjust:exact]">
                  <caption className="mb-2 text-left text-sm text-slate-600">{t("heatmap.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="border border-slate-200 px-3 py-2 text-left">
                        {t("heatmap.plan")}
                      </th>
                      {dilemmas.map((d) => (
                        <th
                          key={d.code}
                          scope="col"
                          className="border border-slate-200 px-3 py-2 text-center align-bottom"
                        >
                          <span className="block">{d.code}</span>
                          <span className="block text-xs font-normal text-slate-600">{localize(d.name, locale)}</span>
                        </th>
                      ))}
                      <th scope="col" className="border border-slate-200 px-3 py-2 text-center align-bottom">
                        {t("heatmap.overall")}
                      </th>
                      <th scope="col" className="border border-slate-200 px-3 py-2 text-right align-bottom">
                        {t("heatmap.open")}
                      </th>
                      <th scope="col" className="border border-slate-200 px-3 py-2 text-right align-bottom">
                        {t("heatmap.overdue")}
                      </th>
                      <th scope="col" className="border border-slate-200 px-3 py-2 text-left align-bottom">
                        {t("heatmap.health")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shownPlans.map((plan) => {
                      const expected = expectedProgress(plan.startDate, plan.targetDate, now);
                      const health = planHealth(plan.overall.progress, expected);
                      return (
                        <tr key={plan.id}>
                          <th scope="row" className="border border-slate-200 px-3 py-2 text-left font-medium">
                            <Link
                              href={`${base}/plans/${plan.id}/dashboard`}
                              className="text-brand-700 hover:underline"
                              aria-label={t("heatmap.openDashboard", { plan: plan.title })}
                            >
                              {plan.title}
                            </Link>
                          </th>
                          {dilemmas.map((d) => cell(plan.dilemmas[d.code], d.code, expected))}
                          {cell(plan.overall, "overall", expected)}
                          <td className="border border-slate-200 px-3 py-2 text-right tabular-nums">
                            {format.number(plan.openCount)}
                          </td>
                          <td
                            className={`border border-slate-200 px-3 py-2 text-right tabular-nums ${plan.overdueCount > 0 ? "font-medium text-red-800" : ""}`}
                          >
                            {format.number(plan.overdueCount)}
                          </td>
                          <td className="border border-slate-200 px-3 py-2">
                            <HealthLabel health={health} label={healthLabel(health)} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                  <tfoot>
                    <tr className="font-semibold">
                      <th scope="row" className="border border-slate-200 px-3 py-2 text-left">
                        {t("heatmap.totals")}
                      </th>
                      {dilemmas.map((d) => cell(data.totals.dilemmas[d.code], d.code))}
                      {cell(data.totals.overall, "overall")}
                      <td className="border border-slate-200 px-3 py-2 text-right tabular-nums">
                        {format.number(data.totals.openCount)}
                      </td>
                      <td className="border border-slate-200 px-3 py-2 text-right tabular-nums">
                        {format.number(data.totals.overdueCount)}
                      </td>
                      <td className="border border-slate-200 px-3 py-2" />
                    </tr>
                  </tfoot>
                </table>
              </div>
              <Pager
                label={t("heatmap.pagination")}
                range={t("heatmap.pages", {
                  from: (page - 1) * PLANS_PER_PAGE + 1,
                  to: (page - 1) * PLANS_PER_PAGE + shownPlans.length,
                  total: data.plans.length,
                })}
                previous={page > 1 ? { href: pageHref(page - 1), label: t("heatmap.previous") } : null}
                next={page < pageCount ? { href: pageHref(page + 1), label: t("heatmap.next") } : null}
              />
              <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600" aria-hidden="true">
                <span>{t("heatmap.legend")}:</span>
                {(Object.keys(HEALTH_CELLS) as (keyof typeof HEALTH_CELLS)[]).map((band) => (
                  <span
                    key={band}
                    className={`rounded-sm border border-slate-200 px-2 py-0.5 ${HEALTH_CELLS[band].className}`}
                  >
                    {HEALTH_CELLS[band].mark} {th(band)}
                  </span>
                ))}
              </div>
            </section>
          </Card>

          <Card>
            <section aria-labelledby="overdue-heading" className="flex flex-col gap-3">
              <div>
                <h2 id="overdue-heading" className="text-lg font-semibold">
                  {t("overdue.heading")}
                </h2>
                <p className="text-sm text-slate-600">{t("overdue.description")}</p>
              </div>
              {data.overdue.length === 0 ? (
                <p className="text-sm text-slate-600">{t("overdue.none")}</p>
              ) : (
                <div className="relative overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">{t("overdue.caption")}</caption>
                    <thead className="border-b border-slate-200 text-slate-600">
                      <tr>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          {t("overdue.task")}
                        </th>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          {t("overdue.plan")}
                        </th>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          {t("overdue.dueDate")}
                        </th>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          {t("overdue.assignee")}
                        </th>
                        <th scope="col" className="py-2 font-medium">
                          {t("overdue.status")}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {data.overdue.map((task) => (
                        <tr key={task.id}>
                          <td className="py-2 pr-3">
                            <Link
                              href={`${base}/plans/${task.planId}/tasks/${task.id}`}
                              className="font-medium text-brand-700 hover:underline"
                            >
                              {displayTitle(task, locale)}
                            </Link>
                          </td>
                          <td className="py-2 pr-3">
                            <Link href={`${base}/plans/${task.planId}`} className="hover:underline">
                              {task.plan.title}
                            </Link>
                          </td>
                          <td className="py-2 pr-3 whitespace-nowrap">
                            {formatDay(task.dueDate)}
                            <span className="block text-xs font-medium text-red-800">
                              {t("overdue.daysLate", {
                                days: Math.round((today.getTime() - task.dueDate.getTime()) / DAY_MS),
                              })}
                            </span>
                          </td>
                          <td className="py-2 pr-3">{task.assignee?.name ?? t("overdue.unassigned")}</td>
                          <td className="py-2">
                            <Badge
                              tone={
                                task.status === "BLOCKED" ? "red" : task.status === "IN_PROGRESS" ? "blue" : "slate"
                              }
                            >
                              {ts(task.status)}
                            </Badge>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </Card>
        </>
      )}
    </div>
  );
}
