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
  assigneeName: string | null;
  dilemmas: { dilemmaCode: string; weight: number }[];
};

type Group = { code: string; label: string; tasks: ListTask[] };
type Member = { id: string; name: string };

/** Tasks grouped by area with counts, selection and bulk actions (assign, status, due date, delete). */
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
  const allIds = groups.flatMap((g) => g.tasks.map((task) => task.id));

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = (input: BulkTasksInput) => {
    setError(null);
    startTransition(async () => {
      const result = await bulkTasksAction(teamSlug, input);
      if (result.ok) setSelected(new Set());
      else setError(fieldErrorsText(result));
    });
  };
  const taskIds = [...selected];

  return (
    <div className="flex flex-col gap-4">
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
                run({ action: "assign", taskIds, assigneeId: e.target.value === "none" ? null : e.target.value });
                e.target.value = "";
              }}
            >
              <option value="">—</option>
              <option value="none">{t("unassigned")}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
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
                run({ action: "status", taskIds, status: e.target.value as ListTask["status"] });
                e.target.value = "";
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
          {confirmDialog}
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
                <li key={task.id} className="flex flex-col gap-1 py-2 md:flex-row md:items-center md:justify-between">
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
                    <span>{task.assigneeName ?? t("unassigned")}</span>
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
