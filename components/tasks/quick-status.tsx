"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setTaskStatusAction } from "@/lib/tasks/actions";
import { TASK_STATUSES } from "@/lib/tasks/status";

/** A status select that saves at once (conflict-checked by version). */
export function QuickStatus({
  teamSlug,
  taskId,
  version,
  status,
  title,
}: {
  teamSlug: string;
  taskId: string;
  version: number;
  status: string;
  title: string;
}) {
  const t = useTranslations("myTasks");
  const ts = useTranslations("enums.taskStatus");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <span className="flex flex-col gap-1">
      <select
        aria-label={t("statusOf", { title })}
        defaultValue={status}
        disabled={isPending}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        onChange={(e) => {
          const next = e.target.value;
          setError(null);
          startTransition(async () => {
            const result = await setTaskStatusAction(teamSlug, { taskId, version, status: next });
            if (!result.ok) setError(result.message);
          });
        }}
      >
        {TASK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ts(s)}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
