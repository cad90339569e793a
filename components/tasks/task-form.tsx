"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors, type ServerErrors } from "@/components/forms/apply-server-errors";
import { useLiveEditing } from "@/components/live/live-provider";
import { ConflictBanner } from "@/components/tasks/task-form-parts/conflict-banner";
import {
  FIELD_NAMES,
  inReaderLanguage,
  parseConflict,
  toFormValues,
  toSnapshot,
  type Conflict,
  type FormValues,
  type Option,
  type TaskSnapshot,
  type TemplateText,
} from "@/components/tasks/task-form-parts/snapshot";
import {
  TaskDilemmaWeights,
  TaskPlanningFields,
  TaskProgressField,
  TaskTextFields,
} from "@/components/tasks/task-form-parts/task-fields";
import { useConflictChanges } from "@/components/tasks/task-form-parts/use-conflict-changes";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { AreaCode, DilemmaCode, PathCode } from "@/lib/catalog/types";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { createTaskAction, updateTaskAction } from "@/lib/tasks/actions";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { updateTaskSchema } from "@/lib/validation/task";

export type { TaskSnapshot, TemplateText };

export type TaskFormProps = {
  teamSlug: string;
  taskId: string;
  initial: TaskSnapshot;
  /** The team's members: assignees, and whom the description may @mention. */
  members: { id: string; name: string; email: string }[];
  areas: Option<AreaCode>[];
  paths: Option<PathCode>[];
  dilemmas: Option<DilemmaCode>[];
  /** The plan's start as "YYYY-MM-DD": no due date before it. */
  minDueDate: string;
  isTemplateTitle: boolean;
  isTemplateDescription?: boolean;
  /** A template task's catalog text in both languages, so a conflict shows untouched text in the reader's language. */
  templateText?: TemplateText | null;
  /** "create" makes a new task in `planId` (taskId and version are then placeholders). */
  mode?: "edit" | "create";
  planId?: string;
  /** Who saved the version in `initial`: named when a change made meanwhile is merged into the form. */
  lastEditorName?: string | null;
};

/** Edits every field of a task; a save based on a stale version shows what the other person changed and keeps the input. */
export function TaskForm({
  teamSlug,
  taskId,
  initial,
  members,
  areas,
  paths,
  dilemmas,
  minDueDate,
  isTemplateTitle,
  isTemplateDescription = false,
  templateText,
  mode = "edit",
  planId,
  lastEditorName = null,
}: TaskFormProps) {
  const router = useRouter();
  const t = useTranslations("task");
  const locale = useLocale();
  const [base, setBase] = useState<TaskSnapshot>(initial);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [hasSaved, setHasSaved] = useState(false);
  const [isPending, startTransition] = useTransition();
  const { changesBetween, fieldLabel } = useConflictChanges({ members, areas, paths });
  const tl = useTranslations("live");
  const format = useFormatter();
  const [liveNote, setLiveNote] = useState<string | null>(null);

  const form = useForm<FormValues, unknown, FormValues>({
    resolver: useLocalizedResolver(zodResolver(updateTaskSchema, { error: zodErrorMap }, { raw: true })),
    defaultValues: toFormValues(taskId, initial),
  });
  const { isDirty } = form.formState;
  useLiveEditing(`task:${taskId}`, mode === "edit" && isDirty);

  // Someone else saved the task while it is open (a live update re-rendered the page with a newer version):
  // fields the user did not touch take their values, fields the user changed stay as typed. If both
  // changed the same field, the form keeps the old version, so saving shows the conflict as before.
  useEffect(() => {
    if (mode !== "edit" || initial.version <= base.version) return;
    const changes = changesBetween(base, initial);
    const dirty = form.formState.dirtyFields as Partial<Record<string, unknown>>;
    const overlaps = changes.some((change) => Boolean(dirty[change.field]));
    form.reset(toFormValues(taskId, initial), { keepDirtyValues: true });
    // The page's data changed under the form (an external system): the form follows it once per version.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!overlaps) setBase(initial);
    else form.setValue("version", base.version);
    if (changes.length === 0) return;
    const fields = format.list(
      changes.map((change) => fieldLabel[change.field].toLocaleLowerCase(locale)),
      { type: "conjunction" },
    );
    setLiveNote(tl("changedBy", { name: lastEditorName ?? tl("someone"), fields }));
    setHasSaved(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per version shown, with that render's values
  }, [initial.version]);

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    setHasSaved(false);
    startTransition(async () => {
      if (mode === "create" && planId) {
        const { taskId: _placeholder, version: _unused, ...fields } = values;
        const created = await createTaskAction(teamSlug, { ...fields, planId });
        if (created.ok) return router.push(`/t/${teamSlug}/plans/${planId}/tasks/${created.data.id}`);
        return showErrors(created);
      }
      const result = await updateTaskAction(teamSlug, values);
      if (result.ok) {
        const saved = toSnapshot(values, result.data.version);
        setBase(saved);
        setConflict(null);
        setHasSaved(true);
        setLiveNote(null);
        form.reset(toFormValues(taskId, saved));
        return;
      }
      if (result.code === "CONFLICT") {
        const parsed = parseConflict(result.details);
        const current = parsed && inReaderLanguage(parsed, templateText, locale);
        if (current) {
          setConflict({ current, changes: changesBetween(base, current), isRebased: false });
          return;
        }
      }
      showErrors(result);
    });
  });

  function showErrors(result: ServerErrors) {
    if (!applyServerErrors(form.setError, result, FIELD_NAMES, { focus: true })) setFormError(result.message);
  }

  function rebaseOnTheirs() {
    if (!conflict) return;
    form.setValue("version", conflict.current.version);
    setBase(conflict.current);
    setConflict({ ...conflict, isRebased: true });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("form.legend")} className="flex flex-col gap-5">
      <input type="hidden" defaultValue={taskId} {...form.register("taskId")} />
      <input type="hidden" defaultValue={initial.version} {...form.register("version")} />

      {liveNote ? (
        <div
          role="status"
          className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800"
        >
          <p>
            <span className="font-medium">{liveNote}</span> {isDirty ? tl("changedByRebased") : null}
          </p>
          <button type="button" className="text-xs underline" onClick={() => setLiveNote(null)}>
            {tl("dismiss")}
          </button>
        </div>
      ) : null}
      {conflict ? <ConflictBanner conflict={conflict} fieldLabel={fieldLabel} onUseTheirs={rebaseOnTheirs} /> : null}
      <FormError message={formError} />

      <TaskTextFields
        form={form}
        initial={initial}
        areas={areas}
        paths={paths}
        members={members}
        isTemplateTitle={isTemplateTitle}
        isTemplateDescription={isTemplateDescription}
      />
      <TaskDilemmaWeights form={form} dilemmas={dilemmas} />
      <TaskPlanningFields form={form} initial={initial} members={members} minDueDate={minDueDate} />
      <TaskProgressField form={form} initial={initial} />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" isPending={isPending}>
          {mode === "create" ? t("form.create") : t("form.save")}
        </Button>
        <span role="status" className="text-sm">
          {isDirty ? (
            <span className="text-slate-600">{t("form.unsaved")}</span>
          ) : hasSaved ? (
            <span className="text-green-800">{t("form.saved")}</span>
          ) : null}
        </span>
      </div>
    </form>
  );
}
