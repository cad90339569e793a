import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PresenceAvatars } from "@/components/live/presence-avatars";
import { FollowButton } from "@/components/notifications/follow-button";
import { TaskComments } from "@/components/tasks/task-comments";
import { TaskDependenciesSection } from "@/components/tasks/task-dependencies-section";
import { TaskForm, type TaskSnapshot } from "@/components/tasks/task-form";
import { TaskHistory } from "@/components/tasks/task-history";
import { StatusBadge } from "@/components/tasks/task-meta";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { can } from "@/lib/authz";
import { areas, dilemmas, paths } from "@/lib/catalog/catalog";
import { templateSections } from "@/lib/catalog/framework";
import { frameworkHref } from "@/lib/catalog/framework-href";
import { localize } from "@/lib/i18n/config";
import { findMembers } from "@/lib/members/find-members";
import { isFollowing } from "@/lib/notifications/follow";
import { displayDescription, displayTitle, hasTemplateDescription, hasTemplateTitle } from "@/lib/tasks/display-title";
import { getTask } from "@/lib/tasks/get-task";
import { getTeamContext } from "@/lib/server/team-context";
import { toDateInput } from "@/lib/validation/common";

type Params = { params: Promise<{ teamSlug: string; planId: string; taskId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { teamSlug, planId, taskId } = await params;
  const { team } = await getTeamContext(teamSlug);
  const [task, locale] = await Promise.all([getTask({ teamId: team.id, planId, taskId }), getLocale()]);
  return { title: displayTitle(task, locale) };
}

export default async function TaskPage({ params }: Params) {
  const { teamSlug, planId, taskId } = await params;
  const { user, team, role } = await getTeamContext(teamSlug);
  const [task, members, locale, format, t, ts, tp, following] = await Promise.all([
    getTask({ teamId: team.id, planId, taskId }),
    findMembers({ teamId: team.id }),
    getLocale(),
    getFormatter(),
    getTranslations("task"),
    getTranslations("enums.taskStatus"),
    getTranslations("enums.priority"),
    isFollowing({ userId: user.id, target: "task", id: taskId }),
  ]);
  const isArchived = task.plan.status === "ARCHIVED";
  const canEdit = can(role, "tasks.write") && !isArchived;
  const canComment = can(role, "comments.write") && !isArchived;
  const title = displayTitle(task, locale);
  const description = displayDescription(task, locale);
  const isTemplateTitle = hasTemplateTitle(task);
  const isTemplateDescription = hasTemplateDescription(task);
  const templateText =
    task.templateKey && task.templateTextZh !== null && task.templateTextEn !== null
      ? {
          titleZh: task.templateTextZh,
          titleEn: task.templateTextEn,
          descriptionZh: task.templateDescriptionZh ?? "",
          descriptionEn: task.templateDescriptionEn ?? "",
        }
      : null;
  const now = new Date();
  // Who saved the version shown (the task form names them when it merges a change made meanwhile).
  const lastEditorName = task.events.findLast((e) => e.kind === "task.updated")?.actor?.name ?? null;
  const planHref = `/t/${team.slug}/plans/${task.planId}`;

  const memberOptions = members.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email }));
  const memberNames = Object.fromEntries(memberOptions.map((m) => [m.id, m.name]));
  const areaOptions = areas.map((a) => ({ code: a.code, label: `${a.code} · ${localize(a.name, locale)}` }));
  const pathOptions = paths.map((p) => ({ code: p.code, label: `${p.code} · ${localize(p.name, locale)}` }));
  const dilemmaOptions = dilemmas.map((d) => ({ code: d.code, label: `${d.code} · ${localize(d.name, locale)}` }));
  const snapshot = {
    title,
    description,
    areaCode: task.areaCode,
    pathCode: task.pathCode,
    dilemmas: task.dilemmas,
    priority: task.priority,
    status: task.status,
    assigneeId: task.assigneeId,
    startDate: toDateInput(task.startDate),
    dueDate: toDateInput(task.dueDate),
    progress: task.progress,
    version: task.version,
  } as TaskSnapshot; // area, path and dilemma codes in the database are catalog codes

  const labelOf = (options: { code: string; label: string }[], code: string) =>
    options.find((o) => o.code === code)?.label ?? code;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          <li>
            <Link href={planHref} className="rounded text-brand-700 underline-offset-2 hover:underline">
              {task.plan.title}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page" className="min-w-0 truncate text-slate-800">
            {task.templateKey ?? t("customTask")}
          </li>
        </ol>
      </nav>

      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold break-words">{title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {task.templateKey ? (
            <Link
              href={frameworkHref(task.templateKey)}
              className="rounded hover:underline"
              aria-label={t("templateProvenance", {
                key: task.templateKey,
                sections: templateSections(task.templateKey).join(" "),
              })}
            >
              <Badge tone="blue">
                {t("template", { key: task.templateKey })} · {templateSections(task.templateKey).join(" ")}
              </Badge>
            </Link>
          ) : (
            <Badge>{t("customTask")}</Badge>
          )}
          <StatusBadge status={task.status} label={ts(task.status)} />
          <Badge tone={task.priority === "URGENT" ? "red" : task.priority === "HIGH" ? "amber" : "slate"}>
            {t("priorityBadge", { priority: tp(task.priority) })}
          </Badge>
          <PresenceAvatars scope={`task:${task.id}`} />
          <FollowButton teamSlug={team.slug} target="task" id={task.id} following={following} />
        </div>
        {task.templateKey && templateText ? (
          <details className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
            <summary className="cursor-pointer font-medium text-brand-800">
              {t("original.summary", { key: task.templateKey })}
            </summary>
            <p className="mt-2 text-slate-700">
              {isTemplateTitle && isTemplateDescription
                ? t("original.untouched", { key: task.templateKey })
                : t("original.edited", { key: task.templateKey })}
            </p>
            <dl className="mt-2 grid gap-3 sm:grid-cols-2">
              <div lang="zh-CN">
                <dt className="text-xs font-semibold text-slate-600 uppercase">{t("original.zh")}</dt>
                <dd className="mt-1 font-medium break-words text-slate-900">{templateText.titleZh}</dd>
                <dd className="mt-1 break-words text-slate-700">{templateText.descriptionZh}</dd>
              </div>
              <div lang="en">
                <dt className="text-xs font-semibold text-slate-600 uppercase">{t("original.en")}</dt>
                <dd className="mt-1 font-medium break-words text-slate-900">{templateText.titleEn}</dd>
                <dd className="mt-1 break-words text-slate-700">{templateText.descriptionEn}</dd>
              </div>
            </dl>
          </details>
        ) : null}
      </header>

      {isArchived ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("readOnlyArchived")}
        </p>
      ) : !canEdit ? (
        <p className="rounded-md border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-800">
          {t("readOnlyViewer")}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <h2 className="mb-4 text-lg font-semibold">{t("details")}</h2>
          {canEdit ? (
            <TaskForm
              teamSlug={team.slug}
              taskId={task.id}
              initial={snapshot}
              members={memberOptions}
              areas={areaOptions}
              paths={pathOptions}
              dilemmas={dilemmaOptions}
              minDueDate={toDateInput(task.plan.startDate)}
              isTemplateTitle={isTemplateTitle}
              isTemplateDescription={isTemplateDescription}
              templateText={templateText}
              lastEditorName={lastEditorName}
            />
          ) : (
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div className="sm:col-span-2">
                <dt className="font-medium text-slate-700">{t("fields.description")}</dt>
                <dd className="mt-1 whitespace-pre-line break-words text-slate-900">
                  {description || t("values.noDescription")}
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-700">{t("fields.area")}</dt>
                <dd className="mt-1">{labelOf(areaOptions, task.areaCode)}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-700">{t("fields.path")}</dt>
                <dd className="mt-1">{labelOf(pathOptions, task.pathCode)}</dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="font-medium text-slate-700">{t("fields.dilemmas")}</dt>
                <dd className="mt-1">
                  <ul className="flex flex-col gap-1">
                    {task.dilemmas.map((l) => (
                      <li key={l.dilemmaCode}>
                        {labelOf(dilemmaOptions, l.dilemmaCode)}{" "}
                        <Badge>{t("values.dilemmaLink", { code: l.dilemmaCode, weight: l.weight })}</Badge>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-700">{t("fields.status")}</dt>
                <dd className="mt-1">{ts(task.status)}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-700">{t("fields.priority")}</dt>
                <dd className="mt-1">{tp(task.priority)}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-700">{t("fields.assignee")}</dt>
                <dd className="mt-1">
                  {task.assigneeId
                    ? (memberNames[task.assigneeId] ?? t("values.formerMember"))
                    : t("values.unassigned")}
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-700">{t("fields.startDate")}</dt>
                <dd className="mt-1">
                  {task.startDate
                    ? format.dateTime(task.startDate, { dateStyle: "medium", timeZone: "UTC" })
                    : t("values.none")}
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-700">{t("fields.dueDate")}</dt>
                <dd className="mt-1">
                  {task.dueDate
                    ? format.dateTime(task.dueDate, { dateStyle: "medium", timeZone: "UTC" })
                    : t("values.noDueDate")}
                </dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="font-medium text-slate-700">{t("fields.progress")}</dt>
                <dd className="mt-1">
                  <ProgressBar
                    value={task.progress / 100}
                    label={t("fields.progress")}
                    notAddressed={t("values.none")}
                  />
                </dd>
              </div>
            </dl>
          )}
        </Card>

        <div className="flex flex-col gap-6 lg:col-span-2">
          <TaskDependenciesSection team={team} task={task} canEdit={canEdit} />
          <Card>
            <section aria-labelledby="comments-heading">
              <h2 id="comments-heading" className="mb-3 text-lg font-semibold">
                {t("comments.title")}{" "}
                <span className="text-sm font-normal text-slate-500">({task.comments.length})</span>
              </h2>
              <TaskComments
                teamSlug={team.slug}
                taskId={task.id}
                comments={task.comments}
                currentUserId={user.id}
                canComment={canComment}
                now={now}
                members={members.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email }))}
              />
            </section>
          </Card>
          <Card>
            <section aria-labelledby="history-heading">
              <h2 id="history-heading" className="mb-3 text-lg font-semibold">
                {t("history.title")}
              </h2>
              <TaskHistory events={task.events} memberNames={memberNames} now={now} />
            </section>
          </Card>
        </div>
      </div>
    </div>
  );
}
