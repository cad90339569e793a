import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

export type DueTask = {
  id: string;
  title: string;
  status: "TODO" | "IN_PROGRESS" | "BLOCKED";
  dueDate: Date;
  assigneeName: string | null;
  daysLate: number;
};

/**
 * A list of open tasks with their due date and assignee, each linking to the task; when
 * there are more than it shows, how many and a link to all of them.
 */
export async function DueList({
  id,
  kind,
  tasks,
  total,
  allHref,
  basePath,
}: {
  id: string;
  kind: "overdue" | "soon";
  tasks: DueTask[];
  total: number;
  allHref: string;
  basePath: string;
}) {
  const [t, ts, format] = await Promise.all([
    getTranslations("dashboard.due"),
    getTranslations("enums.taskStatus"),
    getFormatter(),
  ]);
  return (
    <Card className="break-inside-avoid print:shadow-none">
      <section aria-labelledby={id}>
        <h2 id={id} className="mb-3 text-lg font-semibold">
          {kind === "overdue" ? t("overdueHeading") : t("soonHeading")}
        </h2>
        {tasks.length === 0 ? (
          <p className="text-sm text-slate-600">{kind === "overdue" ? t("noneOverdue") : t("noneSoon")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100">
            {tasks.map((task) => (
              <li key={task.id} className="flex flex-col gap-1 py-2 text-sm">
                <Link
                  href={`${basePath}/tasks/${task.id}`}
                  className="font-medium text-brand-700 hover:underline print:text-slate-900"
                >
                  {task.title}
                </Link>
                <span className="flex flex-wrap items-center gap-2 text-slate-600">
                  <span className={kind === "overdue" ? "font-medium text-red-800" : ""}>
                    {t("dueOn", { date: format.dateTime(task.dueDate, { dateStyle: "medium", timeZone: "UTC" }) })}
                    {kind === "overdue" ? ` · ${t("daysLate", { days: task.daysLate })}` : null}
                  </span>
                  <span>· {task.assigneeName ?? t("unassigned")}</span>
                  <Badge tone={task.status === "BLOCKED" ? "red" : task.status === "IN_PROGRESS" ? "blue" : "slate"}>
                    {ts(task.status)}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
        {total > tasks.length ? (
          <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 print:hidden">
            <span>{t("shownOf", { shown: tasks.length, total })}</span>
            <Link href={allHref} className="font-medium text-brand-700 hover:underline">
              {kind === "overdue" ? t("allOverdue", { total }) : t("allSoon")}
            </Link>
          </p>
        ) : null}
      </section>
    </Card>
  );
}
