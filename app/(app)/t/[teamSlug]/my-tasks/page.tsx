import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { QuickStatus } from "@/components/tasks/quick-status";
import { DilemmaBadges } from "@/components/tasks/task-meta";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/authz";
import { displayTitle } from "@/lib/tasks/display-title";
import { findMyTasks, today } from "@/lib/tasks/find-tasks";
import { getTeamContext } from "@/lib/server/team-context";

export default async function MyTasksPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const { team, user, role } = await getTeamContext(teamSlug);
  const [tasks, t, ts, format, locale] = await Promise.all([
    findMyTasks({ teamId: team.id, userId: user.id }),
    getTranslations("myTasks"),
    getTranslations("enums.taskStatus"),
    getFormatter(),
    getLocale(),
  ]);
  const now = today();
  const canWrite = can(role, "tasks.write");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {tasks.length === 0 ? (
        <EmptyState
          title={t("emptyTitle")}
          actions={[{ href: `/t/${teamSlug}`, label: t("toPlans"), variant: "secondary" }]}
        >
          {t("empty")}
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={t("heading")}>
          {tasks.map((task) => {
            const title = displayTitle(task, locale);
            const isOverdue = Boolean(task.dueDate && task.dueDate < now);
            return (
              <li
                key={task.id}
                className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="text-sm">
                  <Link
                    href={`/t/${team.slug}/plans/${task.planId}/tasks/${task.id}`}
                    className="font-medium text-brand-800 hover:underline"
                  >
                    {title}
                  </Link>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    <span>{task.plan.title}</span>
                    <DilemmaBadges links={task.dilemmas} />
                    {task.dueDate ? (
                      <span className={isOverdue ? "font-medium text-red-700" : undefined}>
                        {isOverdue ? `${t("overdue")} · ` : `${t("due")} `}
                        {format.dateTime(task.dueDate, { dateStyle: "medium", timeZone: "UTC" })}
                      </span>
                    ) : (
                      <span>{t("noDueDate")}</span>
                    )}
                    <span>{format.number(task.progress / 100, { style: "percent" })}</span>
                  </p>
                </div>
                {canWrite ? (
                  <QuickStatus
                    teamSlug={team.slug}
                    taskId={task.id}
                    version={task.version}
                    status={task.status}
                    title={title}
                  />
                ) : (
                  <span className="text-sm">{ts(task.status)}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
