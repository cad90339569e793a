import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { dilemmas as catalogDilemmas } from "@/lib/catalog/catalog";
import { getSharedWeeklyDigest } from "@/lib/digest/shared";
import { currentWeek, weekOf, type DigestTask } from "@/lib/digest/weekly";
import { localize } from "@/lib/i18n/config";
import { toPercent } from "@/lib/progress/formula";
import { getTeamContext } from "@/lib/server/team-context";
import { displayTitle } from "@/lib/tasks/display-title";
import { addDaysIso, isCalendarDay } from "@/lib/time";

type Props = { params: Promise<{ teamSlug: string }>; searchParams: Promise<{ week?: string | string[] }> };

/** Tasks a list shows, with how many more there are: a team of thousands of tasks a week gets a readable page. */
const LISTED_TASKS = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug } = await params;
  const [{ team }, t] = await Promise.all([getTeamContext(teamSlug), getTranslations("digest")]);
  return { title: t("metaTitle", { team: team.name }) };
}

/** The Monday of `?week=` (any day of the week; a valid YYYY-MM-DD not after this week), else this week's. */
function chosenWeek(value: string | string[] | undefined, timeZone: string, now: Date) {
  const current = currentWeek(timeZone, now);
  if (typeof value !== "string" || !isCalendarDay(value)) return current;
  const week = weekOf(value, timeZone);
  return week.monday > current.monday ? current : week;
}

export default async function WeekPage({ params, searchParams }: Props) {
  const { teamSlug } = await params;
  const { team } = await getTeamContext(teamSlug);
  const [timeZone, locale, format, t, tn] = await Promise.all([
    getTimeZone(),
    getLocale(),
    getFormatter(),
    getTranslations("digest"),
    getTranslations("teamNav"),
  ]);
  const now = new Date();
  const week = chosenWeek((await searchParams).week, timeZone, now);
  const isCurrent = week.monday === currentWeek(timeZone, now).monday;
  // Shared by the team's viewers on this instance until the team changes (at most 30 s).
  const digest = await getSharedWeeklyDigest({ teamId: team.id, week, now });
  const base = `/t/${team.slug}`;
  const day = (value: string | Date) =>
    format.dateTime(typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value, {
      dateStyle: "medium",
      timeZone: "UTC",
    });
  const percent = (p: number | null) => (p === null ? t("notAddressed") : t("percent", { value: toPercent(p) }));
  const number = (n: number | null) => (n === null ? t("indicators.noReading") : format.number(n));
  const dilemmaName = (code: string) => {
    const d = catalogDilemmas.find((x) => x.code === code);
    return d ? localize(d.name, locale) : code;
  };
  const behindCount = digest.plans.reduce((n, p) => n + p.behind.length, 0);

  const taskList = (id: string, heading: string, tasks: DigestTask[], when: (task: DigestTask) => string) => (
    <Card>
      <section aria-labelledby={id} className="flex flex-col gap-3" data-testid={id}>
        <h2 id={id} className="text-lg font-semibold">
          {heading} <span className="text-slate-600 tabular-nums">({tasks.length})</span>
        </h2>
        {tasks.length === 0 ? (
          <p className="text-sm text-slate-600">{t("tasks.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {tasks.slice(0, LISTED_TASKS).map((task) => (
              <li key={task.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:gap-3">
                <Link
                  href={`${base}/plans/${task.planId}/tasks/${task.id}`}
                  className="font-medium break-words text-brand-700 hover:underline"
                >
                  {displayTitle(task, locale)}
                </Link>
                <span className="text-slate-600">
                  {task.plan.title} · {when(task)} · {task.assignee?.name ?? t("tasks.unassigned")}
                </span>
              </li>
            ))}
            {tasks.length > LISTED_TASKS ? (
              <li className="py-2 text-slate-600">{t("mail.more", { count: tasks.length - LISTED_TASKS })}</li>
            ) : null}
          </ul>
        )}
      </section>
    </Card>
  );

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{tn("week")}</h1>
        <p className="text-lg" data-testid="week-range">
          {t("range", { start: day(week.monday), end: day(week.sunday) })}
        </p>
        <p className="text-sm text-slate-600">{t("intro", { zone: timeZone })}</p>
        {isCurrent ? <p className="text-sm text-slate-600">{t("soFar")}</p> : null}
      </div>

      <nav aria-label={t("weekNav")} className="flex flex-wrap items-end gap-3">
        <Link href={`${base}/week?week=${addDaysIso(week.monday, -7)}`} className={buttonClass("secondary")}>
          ← {t("previous")}
        </Link>
        {isCurrent ? null : (
          <>
            <Link href={`${base}/week?week=${addDaysIso(week.monday, 7)}`} className={buttonClass("secondary")}>
              {t("next")} →
            </Link>
            <Link href={`${base}/week`} className="px-1 py-2 text-sm text-brand-700 hover:underline">
              {t("current")}
            </Link>
          </>
        )}
        <form method="get" action={`${base}/week`} className="flex items-end gap-2">
          <label className="flex flex-col gap-1 text-sm">
            <span>{t("pick")}</span>
            <input
              type="date"
              name="week"
              defaultValue={week.monday}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
            />
          </label>
          <Button type="submit" variant="secondary">
            {t("show")}
          </Button>
        </form>
      </nav>

      {digest.plans.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t("empty")}</p>
          <Link href={base} className="mt-2 inline-block text-sm text-brand-700 hover:underline">
            {t("toPlans")}
          </Link>
        </Card>
      ) : (
        <>
          <section aria-labelledby="week-summary">
            <h2 id="week-summary" className="sr-only">
              {t("summary.heading")}
            </h2>
            <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
              {[
                { id: "done", label: t("summary.done"), value: digest.done.length },
                { id: "newlyOverdue", label: t("summary.newlyOverdue"), value: digest.newlyOverdue.length },
                { id: "dueNextWeek", label: t("summary.dueNextWeek"), value: digest.dueNextWeek.length },
                { id: "behind", label: t("summary.behind"), value: behindCount },
              ].map((item) => (
                <Card key={item.id} className="flex flex-col gap-1" data-testid={`summary-${item.id}`}>
                  <dt className="text-sm text-slate-600">{item.label}</dt>
                  <dd className="text-2xl font-semibold tabular-nums">{item.value}</dd>
                </Card>
              ))}
            </dl>
          </section>

          {digest.plans.map((plan) => (
            <Card key={plan.id}>
              <section aria-labelledby={`plan-${plan.id}`} className="flex flex-col gap-4" data-testid="week-plan">
                <h2 id={`plan-${plan.id}`} className="text-lg font-semibold">
                  <Link href={`${base}/plans/${plan.id}/dashboard`} className="text-brand-700 hover:underline">
                    {plan.title}
                  </Link>
                </h2>
                <div className="relative overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="mb-2 text-left text-sm text-slate-600">{t("progress.caption")}</caption>
                    <thead className="border-b border-slate-200 text-slate-600">
                      <tr>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          {t("progress.dilemma")}
                        </th>
                        <th scope="col" className="py-2 pr-3 text-right font-medium">
                          {t("progress.start")}
                        </th>
                        <th scope="col" className="py-2 pr-3 text-right font-medium">
                          {t("progress.end")}
                        </th>
                        <th scope="col" className="py-2 text-right font-medium">
                          {t("progress.change")}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {plan.dilemmas.map((d) => (
                        <tr key={d.code} data-testid={`dilemma-${d.code}`}>
                          <th scope="row" className="py-2 pr-3 font-medium">
                            {d.code} <span className="font-normal text-slate-600">{dilemmaName(d.code)}</span>
                          </th>
                          <td className="py-2 pr-3 text-right tabular-nums">{percent(d.start)}</td>
                          <td className="py-2 pr-3 text-right tabular-nums">{percent(d.end)}</td>
                          <td
                            className={`py-2 text-right font-medium tabular-nums ${d.changePoints && d.changePoints > 0 ? "text-green-800" : d.changePoints && d.changePoints < 0 ? "text-red-800" : ""}`}
                          >
                            {d.changePoints === null
                              ? "—"
                              : t("points", { value: format.number(d.changePoints, { signDisplay: "exceptZero" }) })}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div className="grid gap-4 md:grid-cols-3">
                  <div>
                    <h3 className="mb-1 text-sm font-semibold">{t("behind.heading")}</h3>
                    {plan.behind.length === 0 ? (
                      <p className="text-sm text-slate-600">{t("behind.none")}</p>
                    ) : (
                      <ul className="flex flex-col gap-1 text-sm" data-testid="behind">
                        {plan.behind.map((g) => (
                          <li key={g.code}>
                            <span className="font-medium">
                              {g.code} {dilemmaName(g.code)}
                            </span>
                            {": "}
                            {t("behind.item", {
                              points: g.behindPoints ?? 0,
                              progress: percent(g.progress),
                              expected: toPercent(g.expected),
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <div>
                    <h3 className="mb-1 text-sm font-semibold">{t("indicators.moved")}</h3>
                    {plan.indicatorsMoved.length === 0 ? (
                      <p className="text-sm text-slate-600">{t("indicators.none")}</p>
                    ) : (
                      <ul className="flex flex-col gap-1 text-sm" data-testid="indicators-moved">
                        {plan.indicatorsMoved.map((i) => (
                          <li key={i.id}>
                            <span className="font-medium break-words">{i.name}</span>
                            {": "}
                            {t("indicators.value", { start: number(i.start), end: number(i.end), unit: i.unit })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <div>
                    <h3 className="mb-1 text-sm font-semibold">{t("indicators.flat")}</h3>
                    {plan.indicatorsFlat.length === 0 ? (
                      <p className="text-sm text-slate-600">{t("indicators.none")}</p>
                    ) : (
                      <ul className="flex flex-col gap-1 text-sm" data-testid="indicators-flat">
                        {plan.indicatorsFlat.map((i) => (
                          <li key={i.id}>
                            <span className="font-medium break-words">{i.name}</span>
                            {": "}
                            {number(i.end)} {i.end === null ? null : i.unit}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </div>
              </section>
            </Card>
          ))}

          {taskList("week-done", t("tasks.done"), digest.done, (task) =>
            t("tasks.completedOn", {
              date: task.completedAt ? format.dateTime(task.completedAt, { dateStyle: "medium" }) : "—",
            }),
          )}
          {taskList("week-overdue", t("tasks.newlyOverdue"), digest.newlyOverdue, (task) =>
            t("tasks.dueOn", { date: task.dueDate ? day(task.dueDate) : "—" }),
          )}
          {taskList("week-due-next", t("tasks.dueNextWeek"), digest.dueNextWeek, (task) =>
            t("tasks.dueOn", { date: task.dueDate ? day(task.dueDate) : "—" }),
          )}
        </>
      )}
    </div>
  );
}
