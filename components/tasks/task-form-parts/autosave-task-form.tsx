"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useLiveEditing } from "@/components/live/live-provider";
import { toFormValues, type FieldName, type FormValues } from "@/components/tasks/task-form-parts/snapshot";
import {
  TaskDilemmaWeights,
  TaskPlanningFields,
  TaskProgressField,
  TaskTextFields,
} from "@/components/tasks/task-form-parts/task-fields";
import { fieldOf, UNDO_MS, useAutosave, type Clash } from "@/components/tasks/task-form-parts/use-autosave";
import { useConflictChanges } from "@/components/tasks/task-form-parts/use-conflict-changes";
import type { TaskFormProps } from "@/components/tasks/task-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { updateTaskSchema } from "@/lib/validation/task";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/**
 * An existing task's fields, each saved on its own as it changes: "Saving…",
 * "Saved" with Undo for 10 s, errors under their field. A teammate's change
 * fills the fields the user is not changing and says who changed what; when
 * both changed the same field, the user's input stays and they choose.
 */
export function AutosaveTaskForm({
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
  lastEditorName = null,
}: TaskFormProps) {
  const t = useTranslations("task");
  const ta = useTranslations("autosave");
  const tl = useTranslations("live");
  const locale = useLocale();
  const format = useFormatter();
  const hintId = useId();
  const { fieldLabel, display } = useConflictChanges({ members, areas, paths });
  const form = useForm<FormValues, unknown, FormValues>({
    resolver: useLocalizedResolver(zodResolver(updateTaskSchema, { error: zodErrorMap }, { raw: true })),
    defaultValues: toFormValues(taskId, initial),
  });
  const autosave = useAutosave({ form, teamSlug, taskId, initial, lastEditorName, templateText, locale });
  const { status, setStatus, clashes, liveChange } = autosave;
  const [isTyping, setIsTyping] = useState(false);
  const clashFields = Object.keys(clashes) as FieldName[];
  useLiveEditing(`task:${taskId}`, isTyping || clashFields.length > 0);

  const undoEntry = status.kind === "saved" ? status.undo : null;
  const undoId = useId();
  // Undo is offered for 10 s; if it had the focus, the focus goes back to the field it would have changed.
  useEffect(() => {
    if (!undoEntry) return;
    const timer = setTimeout(() => {
      if (document.activeElement?.id === undoId) form.setFocus(undoEntry.field);
      setStatus((s) => (s.kind === "saved" && s.undo?.id === undoEntry.id ? { ...s, undo: null } : s));
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoEntry, undoId, form, setStatus]);

  const lower = (field: FieldName) => fieldLabel[field].toLocaleLowerCase(locale);
  const statusText =
    status.kind === "saving"
      ? ta("saving")
      : status.kind === "saved"
        ? ta("saved")
        : status.kind === "invalid"
          ? ta("invalid")
          : status.kind === "conflicted"
            ? ta("conflicted")
            : status.kind === "undoRefused"
              ? ta("undoRefused", { field: fieldLabel[status.field] })
              : status.kind === "failed"
                ? ta("failed")
                : "";
  const statusTone =
    status.kind === "saved"
      ? "border-green-200 bg-green-50 text-green-800"
      : status.kind === "saving"
        ? "border-slate-200 bg-white text-slate-700"
        : "border-red-200 bg-red-50 text-red-800";

  return (
    <form
      onSubmit={(e) => e.preventDefault()}
      noValidate
      aria-label={t("form.legend")}
      aria-describedby={hintId}
      className="flex flex-col gap-5"
      onKeyDownCapture={autosave.handlers.onKeyDownCapture}
      onFocusCapture={(e) => setIsTyping(isText(fieldOf((e.target as Element).getAttribute("name") ?? undefined)))}
      onBlurCapture={(e) => {
        setIsTyping(false);
        autosave.handlers.onBlurCapture(e);
      }}
    >
      <HydratedFieldset>
        <p id={hintId} className="text-sm text-slate-600">
          {ta("hint")}
        </p>

        {liveChange ? (
          <div
            role="status"
            className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800"
          >
            <p className="font-medium">
              {tl("changedBy", {
                name: liveChange.by ?? tl("someone"),
                fields: format.list(liveChange.fields.map(lower), { type: "conjunction" }),
              })}
            </p>
            <button type="button" className="text-xs underline" onClick={autosave.dismissLiveChange}>
              {tl("dismiss")}
            </button>
          </div>
        ) : null}

        {clashFields.length > 0 ? (
          <div
            role="alert"
            className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
          >
            <p className="font-semibold">{ta("clashTitle")}</p>
            <ul className="flex flex-col gap-3">
              {clashFields.map((field) => (
                <ClashItem
                  key={field}
                  field={field}
                  clash={clashes[field]!}
                  label={fieldLabel[field]}
                  theirs={display(field, clashes[field]!.theirs)}
                  mine={display(field, autosave.mine())}
                  onKeepMine={() => autosave.keepMine(field)}
                  onUseTheirs={() => autosave.useTheirs(field)}
                />
              ))}
            </ul>
          </div>
        ) : null}
        <FormError message={autosave.formError} />

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

        <div className="sticky bottom-2 z-10 flex min-h-9 flex-wrap items-center gap-2">
          <span
            role="status"
            data-autosave-status
            className={statusText ? `rounded-md border px-3 py-1.5 text-sm shadow-sm ${statusTone}` : undefined}
          >
            {statusText}
          </span>
          {undoEntry ? (
            <Button
              id={undoId}
              type="button"
              variant="secondary"
              className="shadow-sm"
              aria-label={ta("undoLabel", { field: fieldLabel[undoEntry.field] })}
              onClick={() => autosave.undo(undoEntry)}
            >
              {ta("undo")}
            </Button>
          ) : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}

const isText = (field: FieldName | undefined) => field === "title" || field === "description";

function ClashItem({
  field,
  clash,
  label,
  theirs,
  mine,
  onKeepMine,
  onUseTheirs,
}: {
  field: FieldName;
  clash: Clash;
  label: string;
  theirs: string;
  mine: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const ta = useTranslations("autosave");
  const name = clash.by ?? ta("someoneElse");
  return (
    <li className="flex flex-col gap-2">
      {field === "description" ? (
        <>
          <p>{ta("clashText", { name, field: label })}</p>
          <blockquote className="max-h-40 overflow-auto rounded border border-amber-200 bg-white px-3 py-2 break-words whitespace-pre-line">
            {theirs}
          </blockquote>
          <p>{ta("clashTextMine")}</p>
        </>
      ) : (
        <p className="break-words">{ta("clash", { name, field: label, theirs, mine })}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          aria-label={ta("keepMineLabel", { field: label })}
          onClick={onKeepMine}
        >
          {ta("keepMine")}
        </Button>
        <Button type="button" variant="ghost" aria-label={ta("useTheirsLabel", { field: label })} onClick={onUseTheirs}>
          {ta("useTheirs")}
        </Button>
      </div>
    </li>
  );
}
