"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type KeyboardEvent } from "react";
import { StatusBadge } from "@/components/tasks/task-meta";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Toast } from "@/components/ui/toast";
import { addTaskDependencyAction, removeTaskDependencyAction } from "@/lib/dependencies/actions";

/** A task as the dependency lists show it. */
export type DependencyTask = {
  id: string;
  href: string;
  name: string;
  status: "TODO" | "IN_PROGRESS" | "BLOCKED" | "DONE" | "CANCELLED";
  statusLabel: string;
  due: string | null;
  /** Why this task starting when it does clashes with the blocker (shown under it). */
  warning?: string;
};

const MAX_MATCHES = 8;

/**
 * "Blocked by" (with add and remove) and "Blocking" lists of a task. A blocker
 * is added through a combobox of the plan's tasks: type to filter, arrows to
 * choose, Enter to add; the server refuses cycles and other plans' tasks.
 */
export function TaskDependencies({
  teamSlug,
  taskId,
  blockedBy,
  blocking,
  choices,
  canEdit,
}: {
  teamSlug: string;
  taskId: string;
  blockedBy: DependencyTask[];
  blocking: DependencyTask[];
  choices: DependencyTask[];
  canEdit: boolean;
}) {
  const t = useTranslations("dependencies");
  const router = useRouter();
  const id = useId();
  const [query, setQuery] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = choices.filter((c) => words.every((w) => c.name.toLowerCase().includes(w))).slice(0, MAX_MATCHES);
  const listId = `${id}-options`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const run = (action: () => Promise<{ ok: boolean; message?: string }>, done: string) => {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setNotice(done);
        router.refresh();
      } else {
        setError(result.message ?? null);
      }
    });
  };

  const add = (choice: DependencyTask) => {
    setQuery("");
    setIsOpen(false);
    run(() => addTaskDependencyAction(teamSlug, { taskId, blockerId: choice.id }), t("added", { name: choice.name }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!isOpen) return setIsOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (matches.length === 0 ? 0 : (i + step + matches.length) % matches.length));
    } else if (e.key === "Enter") {
      const choice = isOpen ? matches[active] : undefined;
      if (choice) {
        e.preventDefault();
        add(choice);
      }
    } else if (e.key === "Escape" && isOpen) {
      e.preventDefault();
      setIsOpen(false);
    }
  };

  const list = (tasks: DependencyTask[], removable: boolean) => (
    <ul className="flex flex-col divide-y divide-slate-100">
      {tasks.map((task) => (
        <li key={task.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
          <Link href={task.href} className="min-w-0 flex-1 break-words text-brand-800 hover:underline">
            {task.name}
          </Link>
          <StatusBadge status={task.status} label={task.statusLabel} />
          <span className="text-slate-600">{task.due ? t("due", { date: task.due }) : t("noDue")}</span>
          {task.warning ? (
            <p className="basis-full text-amber-800 dark:text-amber-300">
              <span aria-hidden="true">⚠ </span>
              <span>{task.warning}</span>
            </p>
          ) : null}
          {removable ? (
            <Button
              type="button"
              variant="ghost"
              className="px-2 py-1"
              disabled={isPending}
              aria-label={t("removeLabel", { name: task.name })}
              onClick={() =>
                run(
                  () => removeTaskDependencyAction(teamSlug, { taskId, blockerId: task.id }),
                  t("removed", { name: task.name }),
                )
              }
            >
              {t("remove")}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby={`${id}-blocked-by`} className="flex flex-col gap-2">
        <h2 id={`${id}-blocked-by`} className="text-lg font-semibold">
          {t("blockedBy")} <span className="text-sm font-normal text-slate-500">({blockedBy.length})</span>
        </h2>
        {blockedBy.length > 0 ? list(blockedBy, canEdit) : <p className="text-sm text-slate-600">{t("noBlockers")}</p>}
        {canEdit ? (
          <div className="relative flex flex-col gap-1">
            <label htmlFor={`${id}-search`} className="text-sm font-medium text-slate-700">
              {t("addLabel")}
            </label>
            <input
              id={`${id}-search`}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={isOpen}
              aria-controls={listId}
              aria-activedescendant={isOpen && matches[active] ? optionId(active) : undefined}
              aria-describedby={`${id}-hint`}
              placeholder={t("placeholder")}
              value={query}
              disabled={isPending}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
                setIsOpen(true);
              }}
              onFocus={() => setIsOpen(true)}
              onBlur={() => setIsOpen(false)}
              onKeyDown={onKeyDown}
            />
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {t("hint")}
            </p>
            {isOpen ? (
              <ul
                id={listId}
                role="listbox"
                aria-label={t("options")}
                className="absolute top-full right-0 left-0 z-30 mt-1 max-h-72 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
              >
                {matches.length === 0 ? (
                  <li role="option" aria-selected={false} aria-disabled className="px-3 py-2 text-slate-600">
                    {t("noMatches")}
                  </li>
                ) : (
                  matches.map((choice, i) => (
                    <li
                      key={choice.id}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand-50 text-brand-900" : ""}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => add(choice)}
                    >
                      {choice.name}
                    </li>
                  ))
                )}
              </ul>
            ) : null}
          </div>
        ) : null}
        <FormError message={error} />
        {notice ? <Toast>{notice}</Toast> : null}
      </section>
      <section aria-labelledby={`${id}-blocking`} className="flex flex-col gap-2">
        <h2 id={`${id}-blocking`} className="text-lg font-semibold">
          {t("blocking")} <span className="text-sm font-normal text-slate-500">({blocking.length})</span>
        </h2>
        {blocking.length > 0 ? list(blocking, false) : <p className="text-sm text-slate-600">{t("noBlocking")}</p>}
      </section>
    </div>
  );
}
