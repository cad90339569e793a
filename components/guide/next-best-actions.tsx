import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AddTemplateButton } from "@/components/guide/add-template-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { frameworkHref } from "@/lib/catalog/framework-href";

export type ActionTask = {
  id: string;
  title: string;
  weight: number;
  isBlocked: boolean;
  daysLate: number;
  assigneeName: string | null;
};
export type ActionTemplate = { key: string; text: string };

/** What to do next for the dilemma most behind: its overdue or blocked tasks, then primary templates the plan lacks. */
export async function NextBestActions({
  code,
  name,
  tasks,
  templates,
  basePath,
  teamSlug,
  planId,
  canWrite,
}: {
  code: string;
  name: string;
  tasks: ActionTask[];
  templates: ActionTemplate[];
  basePath: string;
  teamSlug: string;
  planId: string;
  canWrite: boolean;
}) {
  const t = await getTranslations("guide");
  return (
    <Card className="break-inside-avoid print:shadow-none">
      <section aria-labelledby="actions-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="actions-heading" className="text-lg font-semibold">
            {t("actions.heading")}
          </h2>
          <p className="text-sm text-slate-600">{t("actions.intro", { code, name })}</p>
        </div>
        {tasks.length === 0 && templates.length === 0 ? (
          <p className="text-sm text-slate-600">{t("actions.none", { code })}</p>
        ) : null}
        {tasks.length > 0 ? (
          <div className="flex flex-col gap-1">
            <h3 className="text-sm font-semibold">{t("actions.tasksHeading")}</h3>
            <ol className="flex flex-col divide-y divide-slate-100" data-testid="next-tasks">
              {tasks.map((task) => (
                <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <Link href={`${basePath}/tasks/${task.id}`} className="font-medium text-brand-700 hover:underline">
                    {task.title}
                  </Link>
                  <span className="flex flex-wrap items-center gap-2 text-xs">
                    <Badge>{t("actions.weight", { code, weight: task.weight })}</Badge>
                    {task.isBlocked ? <Badge tone="red">{t("actions.blocked")}</Badge> : null}
                    {task.daysLate > 0 ? (
                      <Badge tone="amber">{t("actions.daysLate", { days: task.daysLate })}</Badge>
                    ) : null}
                    <span className="text-slate-600">{task.assigneeName ?? t("actions.unassigned")}</span>
                  </span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        {templates.length > 0 ? (
          <div className="flex flex-col gap-1">
            <h3 className="text-sm font-semibold">{t("actions.templatesHeading", { code })}</h3>
            <ul className="flex flex-col divide-y divide-slate-100" data-testid="next-templates">
              {templates.map((tpl) => (
                <li key={tpl.key} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <Link
                      href={frameworkHref(tpl.key)}
                      className="mr-2 font-mono text-xs text-slate-600 hover:underline"
                    >
                      {tpl.key}
                    </Link>
                    {tpl.text}
                  </span>
                  {canWrite ? (
                    <AddTemplateButton
                      teamSlug={teamSlug}
                      planId={planId}
                      templateKey={tpl.key}
                      label={t("actions.addLabel", { key: tpl.key })}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </Card>
  );
}
