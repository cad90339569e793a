"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { DilemmaBadges, StatusBadge } from "@/components/tasks/task-meta";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { bulkTasksAction } from "@/lib/tasks/actions";
import type { BulkTasksInput } from "@/lib/validation/task";
import { TASK_STATUSES } from "@/lib/tasks/status";
import { fieldErrorsText } from "@/components/forms/apply-server-errors";
import { Avatar, memberLabels } from "@/components/tasks/member-label";

export type ListTask = {
  id: string;
  title: string;
  templateKey: string | null;
  status: (typeof TASK_STATUSES)[number];
  priority: string;
  progress: number;
  dueDate: Date | null;
  isOverdue: boolean;
  pathLabel: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dilemmas: { dilemmaCode: string; weight: number }[];
};

type Group = { code: string; label: string; tasks: ListTask[] };
type Member = { id: string; name: string; email: string };
type Done = { message: string; undo: BulkTasksInput[] | null };

/**
 * Tasks grouped by area with counts, selection and bulk actions (assign, status,
 * due date, delete). Assigning and changing status ask first and then offer Undo,
 * which puts each task back as it was; delete asks first.
 */
export function TaskList({
  teamSlug,
  planId,
  groups,
  members,
  canWrite,
}: {
  teamSlug: string;
  planId: string;
  groups: Group[];
  members: Member[];
  canWrite: boolean;
}) {
  const t = useTranslations("planView");
  const ts = useTranslations("enums.taskStatus");
  const format = useFormatter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [confirmDialog, confirm] = useConfirm();
  const [done, setDone] = useState<Done | null>(null);
  const allTasks = groups.flatMap((g) => g.tasks);
  const allIds = allTasks.map((task) => task.id);
  const names = memberLabels(members);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? "") : t("unassigned"));

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = (input: BulkTasksInput, after?: { message: string; undo: BulkTasksInput[] | null }) => {
    setError(null);
    setDone(null);
    startTransition(async () => {
      const result = await bulkTasksAction(teamSlug, input);
      if (result.ok) {
        setSelected(new Set());
        if (after) setDone(after);
      } else setError(fieldErrorsText(result));
    });
  };

  /** The batches that put the chosen tasks back: one per earlier value. */
  const undoBatches = <K extends "assigneeId" | "status">(
    key: K,
    make: (value: ListTask[K], ids: string[]) => BulkTasksInput,
  ) => {
    const byValue = new Map<ListTask[K], string[]>();
    for (const task of allTasks.filter((x) => selected.has(x.id))) {
      byValue.set(task[key], [...(byValue.get(task[key]) ?? []), task.id]);
    }
    return [...byValue.entries()].map(([value, ids]) => make(value, ids));
  };

  const undo = (batches: BulkTasksInput[]) => {
    setError(null);
    setDone(null);
    startTransition(async () => {
      for (const batch of batches) {
        const result = await bulkTasksAction(teamSlug, batch);
        if (!result.ok) {
          setError(fieldErrorsText(result));
          return;
        }
      }
      setDone({ message: t("undone"), undo: null });
    });
  };
  const taskIds = [...selected];

  return (
    <div className="flex flex-col gap-4">
      {done ? (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-lg border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          <span>{done.message}</span>
          {done.undo ? (
            <Button
              type="button"
              variant="secondary"
              isPending={isPending}
              onClick={() => done.undo && undo(done.undo)}
            >
              {t("undo")}
            </Button>
          ) : null}
          <Button type="button" variant="ghost" onClick={() => setDone(null)}>
            {t("dismiss")}
          </Button>
        </div>
      ) : null}
      {confirmDialog}
      {canWrite && selected.size > 0 ? (
        <div
          role="region"
          aria-label={t("bulkActions")}
          className="sticky top-0 z-10 flex flex-wrap items-end gap-3 rounded-lg border border-brand-600 bg-brand-50 p-3"
        >
          <span className="text-sm font-medium">{t("selected", { count: selected.size })}</span>
          <label className="flex flex-col gap-1 text-xs font-medium">
            {t("assignTo")}
            <select
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              defaultValue=""
              disabled={isPending}
              onChange={(e) => {
                if (e.target.value === "") return;
                const assigneeId = e.target.value === "none" ? null : e.target.value;
                e.target.value = "";
                const count = selected.size;
                const name = nameOf(assigneeId);
                confirm(t("confirmAssign", { count, name }), () =>
                  run(
                    { action: "assign", taskIds, assigneeId },
                    {
                      message: t("assignedSummary", { count, name }),
                      undo: undoBatches("assigneeId", (value, ids) => ({
                        action: "assign",
                        taskIds: ids,
                        assigneeId: value,
                      })),
                    },
                  ),
                );
              }}
            >
              <option value="">—</option>
              <option value="none">{t("unassigned")}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {names.get(m.id) ?? m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            {t("setStatus")}
            <select
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              defaultValue=""
              disabled={isPending}
              onChange={(e) => {
                if (e.target.value === "") return;
                const status = e.target.value as ListTask["status"];
                e.target.value = "";
                const count = selected.size;
                confirm(t("confirmStatus", { count, status: ts(status) }), () =>
                  run(
                    { action: "status", taskIds, status },
                    {
                      message: t("statusSummary", { count, status: ts(status) }),
                      undo: undoBatches("status", (value, ids) => ({ action: "status", taskIds: ids, status: value })),
                    },
                  ),
                );
              }}
            >
              <option value="">—</option>
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ts(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            {t("setDueDate")}
            <input
              type="date"
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
              disabled={isPending}
              onChange={(e) => e.target.value && run({ action: "dueDate", taskIds, dueDate: e.target.value })}
            />
          </label>
          <Button
            type="button"
            variant="danger"
            isPending={isPending}
            onClick={() =>
              confirm(t("confirmBulkDelete", { count: selected.size }), () => run({ action: "delete", taskIds }))
            }
          >
            {t("delete")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setSelected(new Set())}>
            {t("clearSelection")}
          </Button>
          <FormError message={error} />
        </div>
      ) : null}

      {canWrite && allIds.length > 0 ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={selected.size === allIds.length}
            onChange={(e) => setSelected(e.target.checked ? new Set(allIds) : new Set())}
          />
          {t("selectAll")}
        </label>
      ) : null}

      {groups.map((group) => (
        <section
          key={group.code}
          aria-labelledby={`group-${group.code}`}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h3 id={`group-${group.code}`} className="mb-2 font-medium">
            {group.label} <span className="text-slate-600">({group.tasks.length})</span>
          </h3>
          {group.tasks.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noTasksInGroup")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {group.tasks.map((task) => (
                <li
                  key={task.id}
                  data-task-item
                  className="flex flex-col gap-1 py-2 md:flex-row md:items-center md:justify-between"
                >
                  <span className="flex items-start gap-2 text-sm">
                    {canWrite ? (
                      <input
                        type="checkbox"
                        className="mt-1"
                        checked={selected.has(task.id)}
                        onChange={() => toggle(task.id)}
                        aria-label={t("selectTask", { title: task.title })}
                      />
                    ) : null}
                    <span>
                      {task.templateKey ? <span className="mr-2 text-slate-500">{task.templateKey}</span> : null}
                      <Link
                        href={`/t/${teamSlug}/plans/${planId}/tasks/${task.id}`}
                        className="text-brand-800 hover:underline"
                      >
                        {task.title}
                      </Link>
                    </span>
                  </span>
                  <span className="flex flex-wrap items-center gap-2 text-xs text-slate-700 md:justify-end">
                    <DilemmaBadges links={task.dilemmas} />
                    <Badge tone="blue">{task.pathLabel}</Badge>
                    <StatusBadge status={task.status} label={ts(task.status)} />
                    {task.assigneeId && task.assigneeName ? (
                      <span className="flex items-center gap-1">
                        <Avatar
                          id={task.assigneeId}
                          name={task.assigneeName}
                          label={nameOf(task.assigneeId) || task.assigneeName}
                        />
                        <span>{nameOf(task.assigneeId) || task.assigneeName}</span>
                      </span>
                    ) : (
                      <span>{t("unassigned")}</span>
                    )}
                    {task.dueDate ? (
                      <span className={task.isOverdue ? "font-medium text-red-700" : undefined}>
                        {task.isOverdue ? `${t("overdue")} · ` : ""}
                        {format.dateTime(task.dueDate, { dateStyle: "medium", timeZone: "UTC" })}
                      </span>
                    ) : null}
                    <span className="tabular-nums">{format.number(task.progress / 100, { style: "percent" })}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
