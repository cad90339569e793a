"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { DilemmaBadges } from "@/components/tasks/task-meta";
import { FormError } from "@/components/ui/form-error";
import { setTaskStatusAction } from "@/lib/tasks/actions";
import { TASK_STATUSES } from "@/lib/tasks/status";

type Status = (typeof TASK_STATUSES)[number];

export type BoardTask = {
  id: string;
  version: number;
  title: string;
  templateKey: string | null;
  status: Status;
  progress: number;
  assigneeName: string | null;
  dilemmas: { dilemmaCode: string; weight: number }[];
};

/** The status and version of the task as saved, from a CONFLICT's details. */
function staleStatus(details: unknown): { status: string; version: number } | null {
  const current = (details as { current?: { status?: unknown; version?: unknown } } | undefined)?.current;
  return typeof current?.status === "string" && typeof current.version === "number"
    ? { status: current.status, version: current.version }
    : null;
}

/** Tasks in status columns: drag a card to another column, or use its "Move to" select from the keyboard. */
export function TaskBoard({
  teamSlug,
  planId,
  tasks,
  canWrite,
}: {
  teamSlug: string;
  planId: string;
  tasks: BoardTask[];
  canWrite: boolean;
}) {
  const t = useTranslations("planView");
  const format = useFormatter();
  const ts = useTranslations("enums.taskStatus");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState<Status | null>(null);
  const [optimistic, setOptimistic] = useState<Record<string, Status>>({});
  const [isPending, startTransition] = useTransition();
  const statusOf = (task: BoardTask) => optimistic[task.id] ?? task.status;

  const move = (task: BoardTask, status: Status) => {
    if (statusOf(task) === status) return;
    setError(null);
    setOptimistic((prev) => ({ ...prev, [task.id]: status }));
    startTransition(async () => {
      let result = await setTaskStatusAction(teamSlug, { taskId: task.id, version: task.version, status });
      const current = !result.ok && result.code === "CONFLICT" ? staleStatus(result.details) : null;
      // Someone saved other fields of the card meanwhile, not its status: the move applies on top of their version.
      if (current && current.status === task.status) {
        result = await setTaskStatusAction(teamSlug, { taskId: task.id, version: current.version, status });
      }
      if (!result.ok) {
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

  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      <p className="text-sm text-slate-600" id="board-help">
        {canWrite ? t("boardHelp") : null}
      </p>
      <div className="grid gap-3 md:grid-cols-5" aria-busy={isPending || undefined}>
        {TASK_STATUSES.map((status) => {
          const column = tasks.filter((task) => statusOf(task) === status);
          return (
            <section
              key={status}
              aria-labelledby={`col-${status}`}
              className={`flex min-h-32 flex-col gap-2 rounded-lg border p-2 ${dragOver === status ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-slate-100"}`}
              onDragOver={(e) => {
                if (!canWrite) return;
                e.preventDefault();
                setDragOver(status);
              }}
              onDragLeave={() => setDragOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setDragOver(null);
                const task = tasks.find((x) => x.id === e.dataTransfer.getData("text/plain"));
                if (task) move(task, status);
              }}
            >
              <h3 id={`col-${status}`} className="px-1 text-sm font-semibold">
                {ts(status)} <span className="font-normal text-slate-600">({column.length})</span>
              </h3>
              <ul className="flex flex-col gap-2">
                {column.map((task) => (
                  <li
                    key={task.id}
                    draggable={canWrite}
                    onDragStart={(e) => e.dataTransfer.setData("text/plain", task.id)}
                    className="rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm"
                    aria-label={task.title}
                  >
                    <Link
                      href={`/t/${teamSlug}/plans/${planId}/tasks/${task.id}`}
                      className="font-medium text-brand-800 hover:underline"
                    >
                      {task.templateKey ? `${task.templateKey} · ` : ""}
                      {task.title}
                    </Link>
                    <div className="mt-1 flex flex-wrap gap-1 text-xs">
                      <DilemmaBadges links={task.dilemmas} />
                    </div>
                    <p className="mt-1 text-xs text-slate-600">
                      {task.assigneeName ?? t("unassigned")} ·{" "}
                      {format.number(task.progress / 100, { style: "percent" })}
                    </p>
                    {canWrite ? (
                      <label className="mt-1 flex items-center gap-1 text-xs">
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
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
