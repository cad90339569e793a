import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PresenceAvatars } from "@/components/live/presence-avatars";
import { FollowButton } from "@/components/notifications/follow-button";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { TaskBoard } from "@/components/tasks/task-board";
import { TaskFiltersBar } from "@/components/tasks/task-filters-bar";
import { TaskCalendar } from "@/components/tasks/task-calendar";
import { TaskList } from "@/components/tasks/task-list";
import { TaskTimeline } from "@/components/tasks/task-timeline";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { can } from "@/lib/authz";
import { areas, dilemmas } from "@/lib/catalog/catalog";
import { getPath } from "@/lib/catalog/lookup";
import { localize } from "@/lib/i18n/config";
import { findMembers } from "@/lib/members/find-members";
import { isFollowing } from "@/lib/notifications/follow";
import { findPlanAreas } from "@/lib/plans/find-plan-areas";
import { findLinkedTasks, findPlanDependencies } from "@/lib/dependencies/dependencies";
import { getPlan } from "@/lib/plans/get-plan";
import { getPlanRollups } from "@/lib/progress/get-plan-progress";
import { displayTitle } from "@/lib/tasks/display-title";
import { findTaskPage, LIST_PAGE_SIZE, MAX_LISTED_TASKS, SEARCH_PAGE_SIZE, today } from "@/lib/tasks/find-tasks";
import { filtersToParams, hasFilters, parseTaskFilters } from "@/lib/tasks/task-filters";
import { getTeamContext } from "@/lib/server/team-context";
import { isOpenStatus } from "@/lib/tasks/status";
import { SavedViewsMenu } from "@/components/views/saved-views-menu";
import { findSavedViews } from "@/lib/views/saved-views";
import { normalizeViewQuery } from "@/lib/views/view-query";

const VIEWS = ["list", "board", "timeline", "calendar"] as const;

type Props = {
  params: Promise<{ teamSlug: string; planId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PlanPage({ params, searchParams }: Props) {
  const { teamSlug, planId } = await params;
  const query = await searchParams;
  const { team, role, user } = await getTeamContext(teamSlug);
  const plan = await getPlan({ teamId: team.id, planId });
  const filters = parseTaskFilters(query);
  const view = VIEWS.find((v) => v === query.view) ?? "list";
  const grouping = query.group === "dilemma" ? "dilemma" : "area";
  const lanes = query.lanes === "area" || query.lanes === "dilemma" ? query.lanes : "none";
  // A search shows its first SEARCH_PAGE_SIZE results and the list its first LIST_PAGE_SIZE tasks;
  // "Show more" asks for the next ones (?shown=). The board, timeline and calendar show every task
  // up to MAX_LISTED_TASKS.
  const pageSize = filters.q ? SEARCH_PAGE_SIZE : view === "list" ? LIST_PAGE_SIZE : MAX_LISTED_TASKS;
  const shown = pageLimit(query.shown, pageSize);
  const [page, planAreas, progress, members, locale, format, t, tv, tc, following, savedViews] = await Promise.all([
    findTaskPage({ teamId: team.id, planId, userId: user.id, filters, limit: shown }),
    findPlanAreas({ teamId: team.id, planId }),
    getPlanRollups({ teamId: team.id, planId }),
    findMembers({ teamId: team.id }),
    getLocale(),
    getFormatter(),
    getTranslations("plans"),
    getTranslations("planView"),
    getTranslations("common"),
    isFollowing({ userId: user.id, target: "plan", id: planId }),
    findSavedViews({ teamId: team.id, planId, userId: user.id }),
  ]);
  // The saved view whose query is the page's own (both in their normalised form).
  const currentQuery = normalizeViewQuery(query);
  const activeViewId = [...savedViews.mine, ...savedViews.team].find((v) => v.query === currentQuery)?.id ?? null;
  const isArchived = plan.status === "ARCHIVED";
  const canWrite = can(role, "tasks.write") && !isArchived;
  const basePath = `/t/${team.slug}/plans/${plan.id}`;
  const filterQuery = filtersToParams(filters).toString();
  const now = today();
  const tasks = page.tasks;
  const rows = tasks.map((task) => ({
    id: task.id,
    version: task.version,
    title: displayTitle(task, locale),
    templateKey: task.templateKey,
    status: task.status,
    priority: task.priority,
    progress: task.progress,
    startDate: task.startDate,
    dueDate: task.dueDate,
    isOverdue: Boolean(task.dueDate && task.dueDate < now && isOpenStatus(task.status)),
    pathLabel: localize(getPath(task.pathCode).name, locale),
    assigneeName: task.assignee?.name ?? null,
    assigneeId: task.assignee?.id ?? null,
    areaCode: task.areaCode,
    dilemmas: task.dilemmas,
  }));
  // The timeline's "blocked by" links, and the tasks at their ends that the filters hide.
  const dependencies = view === "timeline" ? await findPlanDependencies({ teamId: team.id, planId: plan.id }) : [];
  const shownIds = new Set(rows.map((r) => r.id));
  const hiddenIds = [...new Set(dependencies.flatMap((d) => [d.blockerId, d.blockedId]))].filter(
    (id) => !shownIds.has(id),
  );
  const hiddenLinked = (await findLinkedTasks({ teamId: team.id, planId: plan.id, ids: hiddenIds })).map((task) => ({
    id: task.id,
    title: displayTitle(task, locale),
    templateKey: task.templateKey,
    startDate: task.startDate,
    dueDate: task.dueDate,
  }));
  // The plan's own areas (those chosen when it was made, or given tasks since); an area filter shows what it names.
  const groups = areas
    .filter((a) => (filters.areas.length === 0 ? planAreas.includes(a.code) : filters.areas.includes(a.code)))
    .map((a) => ({
      code: a.code,
      label: `${a.code} · ${localize(a.name, locale)}`,
      tasks: rows.filter((r) => r.areaCode === a.code),
    }));

  const laneOptions = {
    area: areas
      .filter((a) => planAreas.includes(a.code))
      .map((a) => ({ code: a.code, label: `${a.code} · ${localize(a.name, locale)}` })),
    dilemma: dilemmas.map((d) => ({ code: d.code, label: `${d.code} · ${localize(d.name, locale)}` })),
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-2xl font-semibold">{plan.title}</h1>
          <PlanStatusBadge status={plan.status} />
          <PresenceAvatars scope={`plan:${plan.id}`} />
          <p className="text-sm text-slate-600">
            {t("dates", {
              start: format.dateTime(plan.startDate, { dateStyle: "medium", timeZone: "UTC" }),
              target: format.dateTime(plan.targetDate, { dateStyle: "medium", timeZone: "UTC" }),
            })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canWrite ? (
            <>
              <Link href={`${basePath}/tasks/new`} className={buttonClass("primary")} aria-keyshortcuts="c">
                {tv("newTask")}
              </Link>
              <Link href={`${basePath}/add-templates`} className={buttonClass("secondary")}>
                {tv("addTemplates")}
              </Link>
            </>
          ) : null}
          <Link href={`${basePath}/dashboard`} className={buttonClass("secondary")}>
            {tv("dashboard")}
          </Link>
          <Link href={`${basePath}/indicators`} className={buttonClass("secondary")}>
            {tv("indicators")}
          </Link>
          <Link href={`${basePath}/report`} className={buttonClass("secondary")}>
            {tv("report")}
          </Link>
          <Link href={`${basePath}/settings`} className={buttonClass("secondary")}>
            {tv("planSettings")}
          </Link>
          <FollowButton teamSlug={team.slug} target="plan" id={plan.id} following={following} />
        </div>
      </div>
      {isArchived ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {tv("archivedNotice")}
        </p>
      ) : null}
      {/* The summary folds away so the tasks come first. */}
      <details className="rounded-lg border border-slate-200 bg-white">
        <summary className="cursor-pointer px-4 py-2 text-sm font-medium">{tv("summary")}</summary>
        <div className="flex flex-col gap-4 border-t border-slate-200 p-4">
          {plan.description ? <p className="max-w-3xl whitespace-pre-line text-slate-800">{plan.description}</p> : null}
          <div>
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
          </div>
        </div>
      </details>

      <section aria-labelledby="tasks-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="tasks-heading" className="text-lg font-semibold">
            {filters.q
              ? tv("searchHeading", { count: page.total, isCapped: String(page.isCapped) })
              : tv("tasksHeading", { count: page.total })}
          </h2>
          <nav
            aria-label={tv("views")}
            className="flex gap-1 rounded-md border border-slate-300 bg-white p-0.5 text-sm"
          >
            {VIEWS.map((v) => (
              <Link
                key={v}
                href={`${basePath}?${new URLSearchParams([["view", v], ...new URLSearchParams(filterQuery)]).toString()}`}
                aria-current={view === v ? "page" : undefined}
                className={`rounded px-3 py-1 ${view === v ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {tv(v)}
              </Link>
            ))}
          </nav>
        </div>
        {can(role, "views.save") ? (
          <SavedViewsMenu
            teamSlug={team.slug}
            planId={plan.id}
            basePath={basePath}
            mine={savedViews.mine}
            team={savedViews.team}
            activeId={activeViewId}
            userId={user.id}
            canShare={can(role, "views.share")}
            canManageShared={can(role, "views.manageShared")}
          />
        ) : null}
        <TaskFiltersBar
          key={filtersToParams({ ...filters, q: "" }).toString()}
          filters={filters}
          members={members}
          view={view}
          basePath={basePath}
        />
        {rows.length === 0 ? (
          hasFilters(filters) ? (
            <EmptyState
              title={tv("noMatch")}
              actions={[{ href: `${basePath}?view=${view}`, label: tv("clearFilters"), variant: "secondary" }]}
            />
          ) : (
            <EmptyState
              title={tv("emptyPlan")}
              actions={
                canWrite
                  ? [
                      { href: `${basePath}/add-templates`, label: tv("emptyPlanTemplates") },
                      { href: `${basePath}/tasks/new`, label: tv("emptyPlanTask"), variant: "secondary" },
                    ]
                  : []
              }
            >
              {canWrite ? tv("emptyPlanHint") : tv("emptyPlanReadOnly")}
            </EmptyState>
          )
        ) : null}
        {view === "timeline" ? (
          <TaskTimeline
            teamSlug={team.slug}
            planId={plan.id}
            tasks={rows}
            plan={{ startDate: plan.startDate, targetDate: plan.targetDate }}
            today={now}
            grouping={grouping}
            groups={laneOptions}
            canWrite={canWrite}
            dependencies={dependencies}
            hiddenTasks={hiddenLinked}
          />
        ) : view === "calendar" ? (
          <TaskCalendar teamSlug={team.slug} planId={plan.id} tasks={rows} today={now} />
        ) : view === "board" ? (
          <TaskBoard
            teamSlug={team.slug}
            planId={plan.id}
            tasks={rows}
            canWrite={canWrite}
            lanes={lanes}
            laneOptions={laneOptions}
          />
        ) : (
          <TaskList
            teamSlug={team.slug}
            planId={plan.id}
            groups={groups}
            members={members.map((m) => m.user)}
            canWrite={canWrite}
          />
        )}
        {page.hasMore && pageSize < MAX_LISTED_TASKS ? (
          <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <span role="status">{tv("searchShown", { shown: rows.length, count: page.total })}</span>
            <Link
              href={`${basePath}?${new URLSearchParams([["view", view], ...new URLSearchParams(filterQuery), ["shown", String(shown + pageSize)]]).toString()}`}
              className={buttonClass("secondary")}
              scroll={false}
            >
              {tv("searchMore")}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** How many tasks to show: ?shown= rounded to whole pages, from one page up to MAX_LISTED_TASKS. */
function pageLimit(value: string | string[] | undefined, pageSize: number): number {
  const n = Number.parseInt(Array.isArray(value) ? (value[0] ?? "") : (value ?? ""), 10);
  if (!Number.isFinite(n) || n <= pageSize) return pageSize;
  return Math.min(MAX_LISTED_TASKS, Math.ceil(n / pageSize) * pageSize);
}
