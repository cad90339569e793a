"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type PointerEvent as ReactPointerEvent, useState, useTransition } from "react";
import { FormError } from "@/components/ui/form-error";
import {
  barOf,
  daysBetween,
  dependencyArrows,
  dragged,
  isoDay,
  LAYOUT,
  rangeOf,
  rowMiddles,
  startsBeforeBlockerEnds,
  type DragMode,
  type Span,
} from "@/components/tasks/timeline-math";
import { scheduleTaskAction } from "@/lib/tasks/schedule-actions";

export type TimelineTask = {
  id: string;
  version: number;
  title: string;
  templateKey: string | null;
  status: string;
  startDate: Date | null;
  dueDate: Date | null;
  areaCode: string;
  dilemmas: { dilemmaCode: string; weight: number }[];
};

type Group = { code: string; label: string };
/** A "blocked by" link of the plan: the blocked task waits for the blocker. */
export type TimelineDependency = { blockerId: string; blockedId: string };
/** A task at one end of a link that the filters hide: named beside the bar at the other end. */
export type HiddenLinkedTask = {
  id: string;
  title: string;
  templateKey: string | null;
  startDate: Date | null;
  dueDate: Date | null;
};
export type TimelineGrouping = "area" | "dilemma";

const PX = 8; // pixels per day
const LABEL = 256; // width of the task names column

const BAR_TONE: Record<string, string> = {
  TODO: "bg-slate-500",
  IN_PROGRESS: "bg-brand-600",
  BLOCKED: "bg-red-700",
  DONE: "bg-emerald-700",
  CANCELLED: "bg-slate-400",
};

/**
 * Tasks as bars from start date to due date, grouped by area or dilemma, with
 * today's line and the plan's start and target. Drag a bar to move it, its
 * edges to change start or due date; from the keyboard, arrows move a bar by a
 * day, Shift+arrows change its due date and Alt+arrows its start. Every change
 * is saved at once, version-checked like any edit. "Blocked by" links are
 * arrows from the blocker's end to the blocked task's start, following bars as
 * they are dragged, with a warning on a task that starts before its blocker ends.
 * A link whose other end the filters hide is a short dashed arrow at the bar,
 * naming that task; the early-start warning still counts a hidden blocker.
 */
export function TaskTimeline({
  teamSlug,
  planId,
  tasks,
  plan,
  today,
  grouping,
  groups,
  canWrite,
  dependencies = [],
  hiddenTasks = [],
}: {
  teamSlug: string;
  planId: string;
  tasks: TimelineTask[];
  plan: { startDate: Date; targetDate: Date };
  today: Date;
  grouping: TimelineGrouping;
  groups: { area: Group[]; dilemma: Group[] };
  canWrite: boolean;
  dependencies?: TimelineDependency[];
  hiddenTasks?: HiddenLinkedTask[];
}) {
  const t = useTranslations("timeline");
  const td = useTranslations("dependencies");
  const format = useFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Record<string, { span: Span; version: number }>>({});
  const [drag, setDrag] = useState<{ id: string; mode: DragMode; x: number; days: number } | null>(null);
  const [isPending, startTransition] = useTransition();

  const spanOf = (task: TimelineTask): Span | null => saved[task.id]?.span ?? barOf(task);
  const versionOf = (task: TimelineTask) => Math.max(saved[task.id]?.version ?? 0, task.version);
  const shown = (task: TimelineTask): Span | null => {
    const span = spanOf(task);
    if (!span) return null;
    return drag && drag.id === task.id ? dragged(span, drag.mode, drag.days) : span;
  };

  const range = rangeOf(
    { start: plan.startDate, end: plan.targetDate },
    tasks.map(spanOf).filter((s): s is Span => s !== null),
  );
  const days = daysBetween(range.start, range.end) + 1;
  const x = (date: Date) => daysBetween(range.start, date) * PX;
  const label = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });

  const save = (task: TimelineTask, span: Span) => {
    const before = spanOf(task);
    if (before && isoDay(before.start) === isoDay(span.start) && isoDay(before.end) === isoDay(span.end)) return;
    setError(null);
    const version = versionOf(task);
    setSaved((prev) => ({ ...prev, [task.id]: { span, version } }));
    startTransition(async () => {
      const result = await scheduleTaskAction(teamSlug, {
        taskId: task.id,
        version,
        startDate: isoDay(span.start),
        dueDate: isoDay(span.end),
      });
      if (result.ok) {
        setSaved((prev) => ({ ...prev, [task.id]: { span, version: result.data.version } }));
      } else {
        setError(result.message);
        setSaved((prev) => {
          const next = { ...prev };
          delete next[task.id];
          return next;
        });
        router.refresh();
      }
    });
  };

  const onPointerDown = (task: TimelineTask, mode: DragMode) => (e: ReactPointerEvent<HTMLElement>) => {
    if (!canWrite || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ id: task.id, mode, x: e.clientX, days: 0 });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
    const current = drag;
    if (!current) return;
    const moved = Math.round((e.clientX - current.x) / PX);
    if (moved !== current.days) setDrag({ ...current, days: moved });
  };
  const onPointerUp = (task: TimelineTask) => () => {
    const current = drag;
    setDrag(null);
    const span = spanOf(task);
    if (!current || current.id !== task.id || !span || current.days === 0) return;
    save(task, dragged(span, current.mode, current.days));
  };

  const setGrouping = (value: TimelineGrouping) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("group", value);
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };

  const rows = (grouping === "area" ? groups.area : groups.dilemma).map((g) => ({
    ...g,
    tasks: tasks.filter((task) =>
      grouping === "area" ? task.areaCode === g.code : task.dilemmas.some((d) => d.dilemmaCode === g.code),
    ),
  }));
  const unscheduled = tasks.filter((task) => !spanOf(task));
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const nameOf = (task: { templateKey: string | null; title: string }) =>
    task.templateKey ? `${task.templateKey} · ${task.title}` : task.title;
  const arrows = dependencyArrows({
    links: dependencies,
    spanOf: (id) => {
      const task = byId.get(id);
      return task ? shown(task) : null;
    },
    rows: rowMiddles(rows.map((g) => g.tasks.map((task) => task.id))),
    x: (date) => LABEL + x(date),
    dayWidth: PX,
  });
  // What each task that starts before one of its blockers ends is warned of.
  const warnings = new Map<string, string[]>();
  for (const arrow of arrows) {
    const blocker = byId.get(arrow.blockerId);
    const end = blocker && shown(blocker)?.end;
    if (!arrow.isEarly || !blocker || !end) continue;
    const text = td("startsEarly", { blocker: nameOf(blocker), due: label(end) });
    warnings.set(arrow.blockedId, [...(warnings.get(arrow.blockedId) ?? []), text]);
  }
  // Links whose other end the filters hide: by the shown task, the hidden tasks before and after it.
  const hiddenById = new Map(hiddenTasks.map((task) => [task.id, task]));
  const hiddenBlockers = new Map<string, HiddenLinkedTask[]>();
  const hiddenBlocked = new Map<string, HiddenLinkedTask[]>();
  for (const { blockerId, blockedId } of dependencies) {
    const blocker = hiddenById.get(blockerId);
    const blocked = hiddenById.get(blockedId);
    if (blocker && byId.has(blockedId))
      hiddenBlockers.set(blockedId, [...(hiddenBlockers.get(blockedId) ?? []), blocker]);
    if (blocked && byId.has(blockerId))
      hiddenBlocked.set(blockerId, [...(hiddenBlocked.get(blockerId) ?? []), blocked]);
  }
  for (const [taskId, blockers] of hiddenBlockers) {
    const task = byId.get(taskId);
    const span = task && shown(task);
    if (!span) continue;
    for (const blocker of blockers) {
      const end = barOf(blocker)?.end;
      if (!end || !startsBeforeBlockerEnds({ start: end, end }, span)) continue;
      const text = td("startsEarly", { blocker: nameOf(blocker), due: label(end) });
      warnings.set(taskId, [...(warnings.get(taskId) ?? []), text]);
    }
  }
  const names = (list: HiddenLinkedTask[]) =>
    format.list(
      list.map((task) => `“${nameOf(task)}”`),
      { type: "conjunction" },
    );
  const chartHeight = rows.reduce(
    (h, g) => h + LAYOUT.groupHeader + g.tasks.length * LAYOUT.row,
    LAYOUT.header as number,
  );
  const months: Date[] = [];
  for (
    let m = new Date(Date.UTC(range.start.getUTCFullYear(), range.start.getUTCMonth() + 1, 1));
    m <= range.end;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  ) {
    months.push(m);
  }
  const lines = [
    { key: "start", date: plan.startDate, text: t("planStart"), className: "border-brand-600" },
    { key: "target", date: plan.targetDate, text: t("planTarget"), className: "border-brand-600" },
    { key: "today", date: today, text: t("today"), className: "border-red-600" },
  ].filter((l) => l.date >= range.start && l.date <= range.end);

  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" id="timeline-help">
          {canWrite ? t("help") : null}
        </p>
        <label className="flex items-center gap-2 text-sm">
          {t("groupBy")}
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            value={grouping}
            onChange={(e) => setGrouping(e.target.value as TimelineGrouping)}
          >
            <option value="area">{t("byArea")}</option>
            <option value="dilemma">{t("byDilemma")}</option>
          </select>
        </label>
      </div>
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        role="region"
        aria-label={t("label")}
        aria-busy={isPending || undefined}
      >
        <div className="relative" style={{ width: LABEL + days * PX }}>
          <div className="flex h-8 border-b border-slate-200 text-xs text-slate-600">
            <div className="sticky left-0 z-20 shrink-0 border-r border-slate-200 bg-white" style={{ width: LABEL }} />
            <div className="relative flex-1">
              {months.map((m) => (
                <span
                  key={m.toISOString()}
                  className="absolute top-2 border-l border-slate-300 pl-1"
                  style={{ left: x(m) }}
                >
                  {format.dateTime(m, { month: "short", year: "2-digit", timeZone: "UTC" })}
                </span>
              ))}
            </div>
          </div>
          {lines.map((l) => (
            <div
              key={l.key}
              className={`pointer-events-none absolute top-0 bottom-0 z-10 border-l-2 ${l.className}`}
              style={{ left: LABEL + x(l.date) }}
            >
              {/* In the first group's heading row, where no bar is drawn, clear of the month names. */}
              <span
                className="ml-1 block w-max rounded bg-white px-1 text-[10px] whitespace-nowrap text-slate-700"
                style={{ marginTop: LAYOUT.header + 10 }}
              >
                {l.text} {label(l.date)}
              </span>
            </div>
          ))}
          {arrows.length > 0 ? (
            <svg
              aria-hidden="true"
              data-testid="dependency-arrows"
              className="pointer-events-none absolute top-0 left-0 z-10"
              width={LABEL + days * PX}
              height={chartHeight}
            >
              <defs>
                <marker id="dependency-arrowhead" markerWidth="6" markerHeight="6" refX="5" refY="3" orient="auto">
                  <path d="M0,0 L6,3 L0,6 z" className="fill-slate-700" />
                </marker>
              </defs>
              {arrows.map((arrow) => (
                <path
                  key={`${arrow.blockerId}-${arrow.blockedId}`}
                  d={arrow.path}
                  data-blocker={arrow.blockerId}
                  data-blocked={arrow.blockedId}
                  data-early={arrow.isEarly || undefined}
                  fill="none"
                  strokeWidth={1.5}
                  markerEnd="url(#dependency-arrowhead)"
                  className={arrow.isEarly ? "stroke-amber-600" : "stroke-slate-700"}
                  strokeDasharray={arrow.isEarly ? "4 3" : undefined}
                />
              ))}
            </svg>
          ) : null}
          {rows.map((group) => (
            <section key={group.code} aria-label={group.label}>
              <h3 className="sticky left-0 z-20 h-9 w-max bg-white px-3 pt-3 pb-1 text-sm font-semibold">
                {group.label} <span className="font-normal text-slate-600">({group.tasks.length})</span>
              </h3>
              <ul>
                {group.tasks.map((task) => {
                  const span = shown(task);
                  const warning = warnings.get(task.id)?.join(" ");
                  return (
                    <li key={task.id} data-task-item className="flex h-9 items-center border-t border-slate-100">
                      <div
                        className="sticky left-0 z-20 flex h-full shrink-0 items-center border-r border-slate-200 bg-white px-3 text-sm"
                        style={{ width: LABEL }}
                      >
                        <Link
                          href={`/t/${teamSlug}/plans/${planId}/tasks/${task.id}`}
                          className="truncate text-brand-800 hover:underline"
                          title={task.title}
                        >
                          {task.templateKey ? `${task.templateKey} · ` : ""}
                          {task.title}
                        </Link>
                      </div>
                      <div className="relative h-full flex-1">
                        {span ? (
                          <button
                            type="button"
                            aria-label={t("bar", { title: task.title, start: label(span.start), due: label(span.end) })}
                            aria-describedby={canWrite ? "timeline-help" : undefined}
                            disabled={!canWrite}
                            className={`absolute top-1.5 flex h-6 touch-none items-center rounded text-xs text-white disabled:cursor-default ${BAR_TONE[task.status] ?? "bg-slate-500"} ${canWrite ? "cursor-grab active:cursor-grabbing" : ""}`}
                            style={{ left: x(span.start), width: (daysBetween(span.start, span.end) + 1) * PX }}
                            onPointerDown={onPointerDown(task, "move")}
                            onPointerMove={onPointerMove}
                            onPointerUp={onPointerUp(task)}
                            onPointerCancel={() => setDrag(null)}
                            onKeyDown={(e) => {
                              const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
                              const current = spanOf(task);
                              if (!step || !current || !canWrite) return;
                              e.preventDefault();
                              save(task, dragged(current, e.shiftKey ? "end" : e.altKey ? "start" : "move", step));
                            }}
                          >
                            {canWrite ? (
                              <span
                                aria-hidden="true"
                                className="absolute top-0 left-0 h-full w-2 cursor-ew-resize rounded-l bg-black/20"
                                onPointerDown={onPointerDown(task, "start")}
                                onPointerMove={onPointerMove}
                                onPointerUp={onPointerUp(task)}
                              />
                            ) : null}
                            {canWrite ? (
                              <span
                                aria-hidden="true"
                                className="absolute top-0 right-0 h-full w-2 cursor-ew-resize rounded-r bg-black/20"
                                onPointerDown={onPointerDown(task, "end")}
                                onPointerMove={onPointerMove}
                                onPointerUp={onPointerUp(task)}
                              />
                            ) : null}
                          </button>
                        ) : null}
                        {span && hiddenBlockers.has(task.id) ? (
                          <span
                            role="img"
                            aria-label={td("hiddenBlockers", { names: names(hiddenBlockers.get(task.id)!) })}
                            title={td("hiddenBlockers", { names: names(hiddenBlockers.get(task.id)!) })}
                            data-hidden-link="blocker"
                            className="absolute top-2 flex h-5 w-5 items-center justify-center text-slate-700"
                            style={{ left: x(span.start) - (warning ? 44 : 22) }}
                          >
                            <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
                              <path d="M1 10 H15" className="stroke-current" strokeWidth="1.5" strokeDasharray="3 2" />
                              <path d="M13 6 L18 10 L13 14 z" className="fill-current" />
                            </svg>
                          </span>
                        ) : null}
                        {span && hiddenBlocked.has(task.id) ? (
                          <span
                            role="img"
                            aria-label={td("hiddenBlocking", { names: names(hiddenBlocked.get(task.id)!) })}
                            title={td("hiddenBlocking", { names: names(hiddenBlocked.get(task.id)!) })}
                            data-hidden-link="blocked"
                            className="absolute top-2 flex h-5 w-5 items-center justify-center text-slate-700"
                            style={{ left: x(span.end) + PX + 2 }}
                          >
                            <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
                              <path d="M2 10 H15" className="stroke-current" strokeWidth="1.5" strokeDasharray="3 2" />
                              <path d="M13 6 L18 10 L13 14 z" className="fill-current" />
                            </svg>
                          </span>
                        ) : null}
                        {span && warning ? (
                          <span
                            role="img"
                            aria-label={warning}
                            title={warning}
                            className="absolute top-2 flex h-5 w-5 items-center justify-center text-amber-700"
                            style={{ left: x(span.start) - 22 }}
                          >
                            <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
                              <path
                                d="M10 2 L19 18 H1 Z"
                                className="fill-amber-400 stroke-amber-800"
                                strokeWidth="1.2"
                              />
                              <path d="M10 7 V12 M10 14.5 V15" className="stroke-amber-950" strokeWidth="2" />
                            </svg>
                          </span>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      </div>
      {unscheduled.length > 0 ? (
        <section aria-labelledby="unscheduled-heading" className="rounded-lg border border-slate-200 bg-white p-3">
          <h3 id="unscheduled-heading" className="text-sm font-semibold">
            {t("unscheduled", { count: unscheduled.length })}
          </h3>
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {unscheduled.map((task) => (
              <li key={task.id}>
                <Link
                  href={`/t/${teamSlug}/plans/${planId}/tasks/${task.id}`}
                  className="text-brand-800 hover:underline"
                >
                  {task.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
