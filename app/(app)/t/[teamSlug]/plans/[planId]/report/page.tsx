import Link from "next/link";
import { PlanPageTitle } from "@/components/plans/plan-page-title";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { PrintButton } from "@/components/reports/print-button";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { runOperation } from "@/lib/actions/operation";
import { getArea, getDilemma, getPath } from "@/lib/catalog/lookup";
import type { Bilingual } from "@/lib/catalog/types";
import { localize } from "@/lib/i18n/config";
import { getPlanContext, planPageMetadata } from "@/lib/plans/get-plan-context";
import { operationActor } from "@/lib/server/team-context";
import { toPercent, type Rollup } from "@/lib/progress/formula";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import { findDueTasks } from "@/lib/progress/workload";
import { displayTitle } from "@/lib/tasks/display-title";
import { today as utcToday } from "@/lib/tasks/find-tasks";
import { DAY_MS } from "@/lib/time";

type Props = { params: Promise<{ teamSlug: string; planId: string }> };

// The app header and team tabs come from the layouts; on paper only the report shows.
const PRINT_CSS =
  "@media print { header, nav { display: none !important; } body { background: #fff; } @page { margin: 15mm; } }";

const cellClass = "border-b border-slate-100 py-1.5 pr-3";
const headClass = "border-b border-slate-300 py-1.5 pr-3 font-medium";

export const generateMetadata = planPageMetadata("report");

export default async function PlanReportPage({ params }: Props) {
  const { teamSlug, planId } = await params;
  const context = await getPlanContext(teamSlug, planId);
  const { team, plan } = context;
  const today = utcToday();
  const [progress, due, locale, format, t, ts] = await Promise.all([
    runOperation(getPlanProgress, operationActor(context), { planId: plan.id }),
    findDueTasks({ teamId: team.id, planId: plan.id, today, limit: 50 }),
    getLocale(),
    getFormatter(),
    getTranslations("report"),
    getTranslations("enums.taskStatus"),
  ]);

  const basePath = `/t/${team.slug}/plans/${plan.id}`;
  const exportPath = `/api/teams/${team.slug}/plans/${plan.id}/export`;
  const formatDay = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const percent = (value: number | null) =>
    value === null ? t("notAddressed") : t("percent", { value: toPercent(value) });
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });

  const rollupTable = (
    id: string,
    heading: string,
    caption: string,
    rows: { code: string; name: Bilingual; rollup: Rollup }[],
    overall?: Rollup,
  ) => (
    <Card className="break-inside-avoid print:border-0 print:p-0 print:shadow-none">
      <section aria-labelledby={id}>
        <h2 id={id} className="mb-2 text-lg font-semibold">
          {heading}
        </h2>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={headClass}>
                {t("progress.code")}
              </th>
              <th scope="col" className={headClass}>
                {t("progress.name")}
              </th>
              <th scope="col" className={`${headClass} text-right`}>
                {t("progress.progress")}
              </th>
              <th scope="col" className={`${headClass} text-right`}>
                {t("progress.tasks")}
              </th>
              <th scope="col" className={`${headClass} text-right`}>
                {t("progress.weight")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row" className={`${cellClass} font-medium`}>
                  {r.code}
                </th>
                <td className={cellClass}>{localize(r.name, locale)}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{percent(r.rollup.progress)}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{r.rollup.taskCount}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{r.rollup.weightSum}</td>
              </tr>
            ))}
          </tbody>
          {overall ? (
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" colSpan={2} className="py-1.5 pr-3">
                  {t("progress.overall")}
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{percent(overall.progress)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{overall.taskCount}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{overall.weightSum}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </section>
    </Card>
  );

  return (
    <article className="flex flex-col gap-6 print:gap-4 print:text-black">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <PlanPageTitle
            planHref={basePath}
            backLabel={t("backToPlan")}
            planTitle={plan.title}
            pageTitle={t("title")}
          />
          <dl className="mt-2 flex flex-wrap items-center gap-x-6 gap-y-1 text-sm text-slate-700">
            <div className="flex items-center gap-2">
              <dt className="text-slate-600">{t("status")}</dt>
              <dd>
                <PlanStatusBadge status={plan.status} />
              </dd>
            </div>
            <div className="flex items-center gap-2">
              <dt className="text-slate-600">{t("period")}</dt>
              <dd>{t("dates", { start: formatDay(plan.startDate), target: formatDay(plan.targetDate) })}</dd>
            </div>
          </dl>
          <p className="mt-1 text-sm text-slate-600">{t("generatedOn", { date: formatDay(today) })}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <PrintButton />
        </div>
      </div>

      <section aria-labelledby="downloads-heading" className="print:hidden">
        <h2 id="downloads-heading" className="mb-2 text-lg font-semibold">
          {t("downloads.heading")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          <li>
            <a href={`${exportPath}/tasks`} download className={buttonClass("secondary")}>
              {t("downloads.tasks")}
            </a>
          </li>
          <li>
            <a href={`${exportPath}/progress`} download className={buttonClass("secondary")}>
              {t("downloads.progress")}
            </a>
          </li>
        </ul>
      </section>

      {rollupTable(
        "dilemmas-heading",
        t("progress.heading"),
        t("progress.caption"),
        progress.dilemmas.map((d) => ({ code: d.code, name: getDilemma(d.code).name, rollup: d })),
        progress.overall,
      )}

      <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
        {rollupTable(
          "areas-heading",
          t("progress.areasHeading"),
          t("progress.areasCaption"),
          progress.areas.map((a) => ({ code: a.code, name: getArea(a.code).name, rollup: a })),
        )}
        {rollupTable(
          "paths-heading",
          t("progress.pathsHeading"),
          t("progress.pathsCaption"),
          progress.paths.map((p) => ({ code: p.code, name: getPath(p.code).name, rollup: p })),
        )}
      </div>

      <Card className="break-inside-avoid print:border-0 print:p-0 print:shadow-none">
        <section aria-labelledby="indicators-heading">
          <h2 id="indicators-heading" className="mb-2 text-lg font-semibold">
            {t("indicators.heading")}
          </h2>
          {progress.indicators.length === 0 ? (
            <p className="text-sm text-slate-600">{t("indicators.none")}</p>
          ) : (
            <div className="relative overflow-x-auto print:overflow-visible">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("indicators.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={headClass}>
                      {t("indicators.dilemma")}
                    </th>
                    <th scope="col" className={headClass}>
                      {t("indicators.name")}
                    </th>
                    <th scope="col" className={headClass}>
                      {t("indicators.unit")}
                    </th>
                    <th scope="col" className={headClass}>
                      {t("indicators.direction")}
                    </th>
                    <th scope="col" className={`${headClass} text-right`}>
                      {t("indicators.baseline")}
                    </th>
                    <th scope="col" className={`${headClass} text-right`}>
                      {t("indicators.target")}
                    </th>
                    <th scope="col" className={`${headClass} text-right`}>
                      {t("indicators.current")}
                    </th>
                    <th scope="col" className={`${headClass} text-right`}>
                      {t("indicators.progress")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {progress.indicators.map((i) => (
                    <tr key={i.id} className="break-inside-avoid">
                      <td className={cellClass}>{i.dilemmaCode}</td>
                      <th scope="row" className={`${cellClass} font-medium`}>
                        {i.name}
                      </th>
                      <td className={cellClass}>{i.unit}</td>
                      <td className={cellClass}>{t(`indicators.${i.direction}`)}</td>
                      <td className={`${cellClass} text-right tabular-nums`}>{number(i.baseline)}</td>
                      <td className={`${cellClass} text-right tabular-nums`}>{number(i.target)}</td>
                      <td className={`${cellClass} text-right tabular-nums`}>
                        {i.current === null || i.currentOn === null
                          ? t("indicators.noReading")
                          : t("indicators.currentOn", {
                              value: number(i.current),
                              date: formatDay(new Date(`${i.currentOn}T00:00:00Z`)),
                            })}
                      </td>
                      <td className={`${cellClass} text-right tabular-nums`}>
                        {i.progress === null ? t("indicators.noReading") : percent(i.progress)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </Card>

      <Card className="break-inside-avoid print:border-0 print:p-0 print:shadow-none">
        <section aria-labelledby="overdue-heading">
          <h2 id="overdue-heading" className="mb-2 text-lg font-semibold">
            {t("overdue.heading")}
          </h2>
          {due.overdue.tasks.length === 0 ? (
            <p className="text-sm text-slate-600">{t("overdue.none")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("overdue.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className={headClass}>
                    {t("overdue.task")}
                  </th>
                  <th scope="col" className={headClass}>
                    {t("overdue.dueDate")}
                  </th>
                  <th scope="col" className={`${headClass} text-right`}>
                    {t("overdue.daysLate")}
                  </th>
                  <th scope="col" className={headClass}>
                    {t("overdue.assignee")}
                  </th>
                  <th scope="col" className={headClass}>
                    {t("overdue.status")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {due.overdue.tasks.map((task) => (
                  <tr key={task.id} className="break-inside-avoid">
                    <th scope="row" className={`${cellClass} font-medium`}>
                      <Link
                        href={`${basePath}/tasks/${task.id}`}
                        className="text-brand-700 hover:underline print:text-black print:no-underline"
                      >
                        {displayTitle(task, locale)}
                      </Link>
                    </th>
                    <td className={`${cellClass} whitespace-nowrap`}>
                      {task.dueDate ? formatDay(task.dueDate) : null}
                    </td>
                    <td className={`${cellClass} text-right tabular-nums`}>
                      {task.dueDate
                        ? format.number(Math.round((today.getTime() - task.dueDate.getTime()) / DAY_MS))
                        : null}
                    </td>
                    <td className={cellClass}>{task.assignee?.name ?? t("overdue.unassigned")}</td>
                    <td className={cellClass}>{ts(task.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </Card>
    </article>
  );
}
