import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { areas, dilemmas } from "@/lib/catalog/catalog";
import { getPath } from "@/lib/catalog/lookup";
import { db } from "@/lib/db";
import { localize } from "@/lib/i18n/config";
import { getPlan } from "@/lib/plans/get-plan";
import { planProgress } from "@/lib/progress/sql";
import { findTasksOfPlan } from "@/lib/tasks/find-tasks";
import { getTeamContext } from "@/lib/teams/get-team-context";

export default async function PlanPage({ params }: { params: Promise<{ teamSlug: string; planId: string }> }) {
  const { teamSlug, planId } = await params;
  const { team } = await getTeamContext(teamSlug);
  const plan = await getPlan({ teamId: team.id, planId });
  const [tasks, progress, locale, format, t, tc, ts] = await Promise.all([
    findTasksOfPlan({ teamId: team.id, planId }),
    planProgress(db, { teamId: team.id, planId }),
    getLocale(),
    getFormatter(),
    getTranslations("plans"),
    getTranslations("common"),
    getTranslations("enums.taskStatus"),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{plan.title}</h1>
        <PlanStatusBadge status={plan.status} />
      </div>
      <p className="text-sm text-slate-600">
        {t("dates", {
          start: format.dateTime(plan.startDate, { dateStyle: "medium" }),
          target: format.dateTime(plan.targetDate, { dateStyle: "medium" }),
        })}
      </p>
      {plan.description ? <p className="max-w-3xl whitespace-pre-line text-slate-800">{plan.description}</p> : null}

      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("dilemmaProgress")}</h2>
        <dl className="grid gap-3 md:grid-cols-2">
          {dilemmas.map((d) => (
            <div key={d.code}>
              <dt className="text-sm font-medium">
                {d.code} · {localize(d.name, locale)}
              </dt>
              <dd>
                <ProgressBar
                  value={progress.dilemmas[d.code].progress}
                  label={`${d.code} ${localize(d.name, locale)}`}
                  notAddressed={tc("notAddressed")}
                />
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      <section aria-labelledby="tasks-heading" className="flex flex-col gap-4">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          {t("tasksByArea")}
        </h2>
        {areas.map((area) => {
          const areaTasks = tasks.filter((task) => task.areaCode === area.code);
          return (
            <Card key={area.code}>
              <h3 className="mb-2 font-medium">
                {area.code} · {localize(area.name, locale)} <span className="text-slate-500">({areaTasks.length})</span>
              </h3>
              {areaTasks.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noTasks")}</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {areaTasks.map((task) => (
                    <li key={task.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                      <span className="text-sm">
                        {task.templateKey ? <span className="mr-2 text-slate-500">{task.templateKey}</span> : null}
                        {task.title}
                      </span>
                      <span className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
                        {task.dilemmas.map((l) => (
                          <Badge key={l.dilemmaCode}>
                            {l.dilemmaCode}×{l.weight}
                          </Badge>
                        ))}
                        <Badge tone="blue">{localize(getPath(task.pathCode).name, locale)}</Badge>
                        <Badge tone={task.status === "DONE" ? "green" : task.status === "BLOCKED" ? "red" : "slate"}>{ts(task.status)}</Badge>
                        <span>{task.assignee?.name ?? t("unassigned")}</span>
                        {task.dueDate ? (
                          <span>
                            {t("due")} {format.dateTime(task.dueDate, { dateStyle: "medium" })}
                          </span>
                        ) : null}
                        <span className="tabular-nums">{task.progress}%</span>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          );
        })}
      </section>
    </div>
  );
}
