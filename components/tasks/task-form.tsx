"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors, type ServerErrors } from "@/components/forms/apply-server-errors";
import { AutosaveTaskForm } from "@/components/tasks/task-form-parts/autosave-task-form";
import {
  FIELD_NAMES,
  toFormValues,
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
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { AreaCode, DilemmaCode, PathCode } from "@/lib/catalog/types";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { createTaskAction } from "@/lib/tasks/actions";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { updateTaskSchema } from "@/lib/validation/task";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

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

/**
 * A task's fields. An existing task saves each field as it changes (with Undo);
 * a new one is created with an explicit button.
 */
export function TaskForm(props: TaskFormProps) {
  return props.mode === "create" ? <CreateTaskForm {...props} /> : <AutosaveTaskForm {...props} />;
}

/** The new task's fields and the Create button; errors under their fields. */
function CreateTaskForm({
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
  planId,
}: TaskFormProps) {
  const router = useRouter();
  const t = useTranslations("task");
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const form = useForm<FormValues, unknown, FormValues>({
    resolver: useLocalizedResolver(zodResolver(updateTaskSchema, { error: zodErrorMap }, { raw: true })),
    defaultValues: toFormValues(taskId, initial),
  });

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      if (!planId) return;
      const { taskId: _placeholder, version: _unused, ...fields } = values;
      const created = await createTaskAction(teamSlug, { ...fields, planId });
      if (created.ok) return router.push(`/t/${teamSlug}/plans/${planId}/tasks/${created.data.id}`);
      showErrors(created);
    });
  });

  function showErrors(result: ServerErrors) {
    if (!applyServerErrors(form.setError, result, FIELD_NAMES, { focus: true })) setFormError(result.message);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("form.legend")} className="flex flex-col gap-5">
      <HydratedFieldset>
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
            {t("form.create")}
          </Button>
        </div>
      </HydratedFieldset>
    </form>
  );
}
