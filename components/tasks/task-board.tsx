"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Avatar } from "@/components/tasks/member-label";
import { DilemmaBadges } from "@/components/tasks/task-meta";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { setTaskStatusAction } from "@/lib/tasks/actions";
import { TASK_STATUSES } from "@/lib/tasks/status";

type Status = (typeof TASK_STATUSES)[number];
export type Lanes = "none" | "area" | "dilemma";

export type BoardTask = {
  id: string;
  version: number;
  title: string;
  templateKey: string | null;
  status: Status;
  priority: string;
  progress: number;
  dueDate: Date | null;
  isOverdue: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  areaCode: string;
  dilemmas: { dilemmaCode: string; weight: number }[];
};

/** The status and version of the task as saved, from a CONFLICT's details. */
function staleStatus(details: unknown): { status: string; version: number } | null {
  const current = (details as { current?: { status?: unknown; version?: unknown } } | undefined)?.current;
  return typeof current?.status === "string" && typeof current.version === "number"
    ? { status: current.status, version: current.version }
    : null;
}

type Lane = { code: string; label: string };

const PRIORITY_TONE: Record<string, string> = {
  HIGH: "border-red-300 bg-red-50 text-red-800",
  MEDIUM: "border-amber-300 bg-amber-50 text-amber-900",
  LOW: "border-slate-300 bg-slate-50 text-slate-700",
};

/**
 * Tasks in status columns (optionally in swimlanes by area or dilemma): drag a
 * card by any part of it to another column, or use its "Move to" select from the
 * keyboard. Each card shows assignee, due date, dilemmas and priority.
 */
/** Cards a column shows before "Show more": a plan of thousands of tasks renders a few hundred cards at first. */
export const CARDS_PER_COLUMN = 50;

export function TaskBoard({
  teamSlug,
  planId,
  tasks,
  canWrite,
  lanes = "none",
  laneOptions = { area: [], dilemma: [] },
}: {
  teamSlug: string;
  planId: string;
  tasks: BoardTask[];
  canWrite: boolean;
  lanes?: Lanes;
  laneOptions?: { area: Lane[]; dilemma: Lane[] };
}) {
  const t = useTranslations("planView");
  const format = useFormatter();
  const ts = useTranslations("enums.taskStatus");
  const tp = useTranslations("enums.priority");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  /**
   * A move that met someone else's status change: what they set, what this user
   * wanted, and, once the user moved it anyway, the status to go back to (Undo).
   */
  const [clash, setClash] = useState<{
    task: BoardTask;
    theirs: Status;
    mine: Status;
    version: number;
    movedAnyway?: boolean;
  } | null>(null);
  const [dragOver, setDragOver] = useState<string | null>(null);
  const [optimistic, setOptimistic] = useState<Record<string, Status>>({});
  // Cards shown per column beyond the first CARDS_PER_COLUMN, and cards moved here, which stay in view wherever they land.
  const [shownIn, setShownIn] = useState<Record<string, number>>({});
  const [moved, setMoved] = useState<ReadonlySet<string>>(() => new Set());
  const [isPending, startTransition] = useTransition();
  const statusOf = (task: BoardTask) => optimistic[task.id] ?? task.status;

  const move = (task: BoardTask, status: Status) => {
    if (statusOf(task) === status) return;
    setError(null);
    setClash(null);
    setOptimistic((prev) => ({ ...prev, [task.id]: status }));
    setMoved((prev) => new Set(prev).add(task.id));
    startTransition(async () => {
      let result = await setTaskStatusAction(teamSlug, { taskId: task.id, version: task.version, status });
      const current = !result.ok && result.code === "CONFLICT" ? staleStatus(result.details) : null;
      // Someone saved other fields of the card meanwhile, not its status: the move applies on top of their version.
      if (current && current.status === task.status) {
        result = await setTaskStatusAction(teamSlug, { taskId: task.id, version: current.version, status });
      }
      if (current && current.status !== task.status) {
        // A true conflict: someone moved the card meanwhile. Their move stands; the toast offers this one anyway.
        setClash({ task, theirs: current.status as Status, mine: status, version: current.version });
        router.refresh();
      } else if (!result.ok) {
        setError(result.message);
        router.refresh();
      }
      setOptimistic((prev) => {
        const next = { ...prev };
        delete next[task.id];
        return next;
      });
    });
  };

  const setLanes = (value: Lanes) => {
    const params = new URLSearchParams(searchParams.toString());
    if (value === "none") params.delete("lanes");
    else params.set("lanes", value);
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };

  const laneList: (Lane & { tasks: BoardTask[] })[] =
    lanes === "area"
      ? laneOptions.area.map((l) => ({ ...l, tasks: tasks.filter((task) => task.areaCode === l.code) }))
      : lanes === "dilemma"
        ? laneOptions.dilemma.map((l) => ({
            ...l,
            tasks: tasks.filter((task) => task.dilemmas.some((d) => d.dilemmaCode === l.code)),
          }))
        : [{ code: "all", label: "", tasks }];

  const card = (task: BoardTask, laneCode: string) => (
    <li
      key={`${laneCode}-${task.id}`}
      data-task-item
      draggable={canWrite}
      onDragStart={(e) => {
        e.dataTransfer.setData("text/plain", task.id);
        e.dataTransfer.effectAllowed = "move";
      }}
      className={`flex flex-col gap-1.5 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm ${canWrite ? "cursor-grab active:cursor-grabbing" : ""}`}
      aria-label={task.title}
    >
      <Link
        href={`/t/${teamSlug}/plans/${planId}/tasks/${task.id}`}
        draggable={false}
        className="font-medium text-brand-800 hover:underline"
      >
        {task.templateKey ? `${task.templateKey} · ` : ""}
        {task.title}
      </Link>
      <div className="flex flex-wrap items-center gap-1 text-xs">
        <DilemmaBadges links={task.dilemmas} />
        <span className={`rounded border px-1.5 py-0.5 ${PRIORITY_TONE[task.priority] ?? PRIORITY_TONE.LOW}`}>
          {tp(task.priority as "LOW")}
        </span>
      </div>
      <div className="flex items-center justify-between gap-2 text-xs text-slate-700">
        {task.assigneeId && task.assigneeName ? (
          <span className="flex min-w-0 items-center gap-1">
            <Avatar
              id={task.assigneeId}
              name={task.assigneeName}
              label={t("assignedTo", { name: task.assigneeName })}
            />
            <span className="truncate">{task.assigneeName}</span>
          </span>
        ) : (
          <span className="text-slate-600">{t("unassigned")}</span>
        )}
        {task.dueDate ? (
          <span className={`shrink-0 ${task.isOverdue ? "font-medium text-red-700" : ""}`}>
            <span className="sr-only">{task.isOverdue ? `${t("overdue")} · ` : `${t("due")} `}</span>
            {format.dateTime(task.dueDate, { month: "short", day: "numeric", timeZone: "UTC" })}
          </span>
        ) : null}
      </div>
      <p className="text-xs text-slate-600">{format.number(task.progress / 100, { style: "percent" })}</p>
      {canWrite ? (
        <label className="flex items-center gap-1 text-xs">
          <span>{t("moveTo")}</span>
          <select
            className="rounded border border-slate-300 bg-white px-1 py-0.5"
            value={statusOf(task)}
            aria-label={t("moveTaskTo", { title: task.title })}
            onChange={(e) => move(task, e.target.value as Status)}
          >
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </li>
  );

  const columns = (lane: Lane & { tasks: BoardTask[] }) => (
    <div className="grid gap-3 md:grid-cols-5">
      {TASK_STATUSES.map((status) => {
        const column = lane.tasks.filter((task) => statusOf(task) === status);
        const id = `col-${lane.code}-${status}`;
        const limit = shownIn[id] ?? CARDS_PER_COLUMN;
        const visible = column.filter((task, i) => i < limit || moved.has(task.id));
        const more = Math.min(CARDS_PER_COLUMN, column.length - visible.length);
        return (
          <section
            key={status}
            aria-labelledby={id}
            className={`flex min-h-24 flex-col gap-2 rounded-lg border p-2 ${dragOver === id ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-slate-100"}`}
            onDragOver={(e) => {
              if (!canWrite) return;
              e.preventDefault();
              setDragOver(id);
            }}
            onDragLeave={() => setDragOver(null)}
            onDrop={(e) => {
              e.preventDefault();
              setDragOver(null);
              const task = tasks.find((x) => x.id === e.dataTransfer.getData("text/plain"));
              if (task) move(task, status);
            }}
          >
            <h3 id={id} className="flex items-center justify-between px-1 text-sm font-semibold">
              <span>
                {ts(status)}
                {lane.label ? <span className="sr-only"> · {lane.label}</span> : null}
              </span>
              <span className="rounded-full bg-white px-2 text-xs font-normal text-slate-700">
                <span className="sr-only">(</span>
                {column.length}
                <span className="sr-only">)</span>
              </span>
            </h3>
            <ul className="flex flex-col gap-2">{visible.map((task) => card(task, lane.code))}</ul>
            {more > 0 ? (
              <Button
                variant="secondary"
                onClick={() => setShownIn((prev) => ({ ...prev, [id]: limit + CARDS_PER_COLUMN }))}
              >
                {t("boardShowMore", { count: more, hidden: column.length - visible.length })}
                <span className="sr-only">
                  {" "}
                  · {ts(status)}
                  {lane.label ? ` · ${lane.label}` : ""}
                </span>
              </Button>
            ) : null}
          </section>
        );
      })}
    </div>
  );

  /** Sets the clashing card's status on top of the version it now has (Move anyway, then Undo). */
  const resolveClash = (to: Status, movedAnyway: boolean) => {
    if (!clash) return;
    startTransition(async () => {
      const result = await setTaskStatusAction(teamSlug, { taskId: clash.task.id, version: clash.version, status: to });
      if (!result.ok) {
        setClash(null);
        setError(result.message);
      } else if (movedAnyway) {
        setClash({ ...clash, version: result.data.version, movedAnyway: true });
      } else setClash(null);
      router.refresh();
    });
  };

  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      {clash ? (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <span>
            {clash.movedAnyway
              ? t("clashMoved", { title: clash.task.title, status: ts(clash.mine) })
              : t("clashRefused", { title: clash.task.title, theirs: ts(clash.theirs), mine: ts(clash.mine) })}
          </span>
          {clash.movedAnyway ? (
            <Button variant="secondary" disabled={isPending} onClick={() => resolveClash(clash.theirs, false)}>
              {t("clashUndo")}
            </Button>
          ) : (
            <Button variant="secondary" disabled={isPending} onClick={() => resolveClash(clash.mine, true)}>
              {t("clashMoveAnyway", { status: ts(clash.mine) })}
            </Button>
          )}
          <Button variant="ghost" onClick={() => setClash(null)}>
            {t("clashDismiss")}
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" id="board-help">
          {canWrite ? t("boardHelp") : null}
        </p>
        <label className="flex items-center gap-2 text-sm">
          {t("swimlanes")}
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            value={lanes}
            onChange={(e) => setLanes(e.target.value as Lanes)}
          >
            <option value="none">{t("lanesNone")}</option>
            <option value="area">{t("area")}</option>
            <option value="dilemma">{t("dilemma")}</option>
          </select>
        </label>
      </div>
      <div className="flex flex-col gap-4" aria-busy={isPending || undefined}>
        {laneList.map((lane) =>
          lanes === "none" ? (
            <div key={lane.code}>{columns(lane)}</div>
          ) : (
            <section key={lane.code} aria-label={lane.label} className="flex flex-col gap-2">
              <h3 className="text-sm font-semibold">
                {lane.label} <span className="font-normal text-slate-600">({lane.tasks.length})</span>
              </h3>
              {columns(lane)}
            </section>
          ),
        )}
      </div>
    </div>
  );
}
