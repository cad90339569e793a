"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors, type ServerErrors } from "@/components/forms/apply-server-errors";
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
  members: { id: string; name: string }[];
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

  const form = useForm<FormValues, unknown, FormValues>({
    resolver: useLocalizedResolver(zodResolver(updateTaskSchema, { error: zodErrorMap }, { raw: true })),
    defaultValues: toFormValues(taskId, initial),
  });
  const { isDirty } = form.formState;

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

      {conflict ? <ConflictBanner conflict={conflict} fieldLabel={fieldLabel} onUseTheirs={rebaseOnTheirs} /> : null}
      <FormError message={formError} />

      <TaskTextFields
        form={form}
        initial={initial}
        areas={areas}
        paths={paths}
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
