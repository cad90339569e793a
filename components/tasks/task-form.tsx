"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type ChangeEvent } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { AreaCode, DilemmaCode, PathCode } from "@/lib/catalog/types";
import { createTaskAction, updateTaskAction } from "@/lib/tasks/actions";
import { PRIORITIES, TASK_STATUSES } from "@/lib/tasks/status";
import { taskFieldsSchema, updateTaskSchema, type UpdateTaskInput } from "@/lib/validation/task";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors, type ServerErrors } from "@/components/forms/apply-server-errors";

/** A task's editable fields as loaded or saved, with dates as "YYYY-MM-DD" ("" for none). */
export type TaskSnapshot = {
  title: string;
  description: string;
  areaCode: AreaCode;
  pathCode: PathCode;
  dilemmas: { dilemmaCode: DilemmaCode; weight: number }[];
  priority: (typeof PRIORITIES)[number];
  status: (typeof TASK_STATUSES)[number];
  assigneeId: string | null;
  dueDate: string;
  progress: number;
  version: number;
};

type Option<C extends string> = { code: C; label: string };

export type TemplateText = { titleZh: string; titleEn: string; descriptionZh: string; descriptionEn: string };

/** The snapshot with a template's untouched text in the reader's language, as the page shows it. */
function inReaderLanguage(snapshot: TaskSnapshot, text: TemplateText | null | undefined, locale: string): TaskSnapshot {
  if (!text) return snapshot;
  const pick = (value: string, zh: string, en: string) =>
    value === zh || value === en ? (locale === "zh-CN" ? zh : en) : value;
  return {
    ...snapshot,
    title: pick(snapshot.title, text.titleZh, text.titleEn),
    description: pick(snapshot.description, text.descriptionZh, text.descriptionEn),
  };
}

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

type FormValues = UpdateTaskInput;
/** The fields a conflict compares, in form order. */
const FIELD_NAMES = [
  "title",
  "description",
  "areaCode",
  "pathCode",
  "dilemmas",
  "priority",
  "status",
  "assigneeId",
  "dueDate",
  "progress",
] as const satisfies readonly (keyof TaskSnapshot & keyof FormValues)[];
type FieldName = (typeof FIELD_NAMES)[number];
type Change = { field: FieldName; from: string; to: string; isText?: boolean };
type Conflict = { changes: Change[]; current: TaskSnapshot; isRebased: boolean };

/** The task as saved by someone else, as the server sends it with a CONFLICT. */
const currentTaskSchema = taskFieldsSchema.extend({ dueDate: z.string(), version: z.number().int() });

function parseConflict(details: unknown): TaskSnapshot | null {
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  const parsed = currentTaskSchema.safeParse(details.current);
  return parsed.success ? parsed.data : null;
}

function sortLinks(links: TaskSnapshot["dilemmas"]) {
  return [...links].sort((a, b) => a.dilemmaCode.localeCompare(b.dilemmaCode));
}

/** The form's raw values in the shape of a snapshot, to become the new base after a save. */
function toSnapshot(values: FormValues, version: number): TaskSnapshot {
  return {
    title: values.title.trim(),
    description: values.description ?? "",
    areaCode: values.areaCode,
    pathCode: values.pathCode,
    dilemmas: sortLinks(values.dilemmas.map((l) => ({ dilemmaCode: l.dilemmaCode, weight: Number(l.weight) }))),
    priority: values.priority,
    status: values.status,
    assigneeId: values.assigneeId || null,
    dueDate: values.dueDate ?? "",
    // The server stores a done task at 100 %, whatever the slider said.
    progress: values.status === "DONE" ? 100 : Number(values.progress),
    version,
  };
}

function toFormValues(taskId: string, snapshot: TaskSnapshot): FormValues {
  return { taskId, ...snapshot, dilemmas: sortLinks(snapshot.dilemmas) };
}

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
  const ts = useTranslations("enums.taskStatus");
  const tp = useTranslations("enums.priority");
  const format = useFormatter();
  const locale = useLocale();
  const [base, setBase] = useState<TaskSnapshot>(initial);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [hasSaved, setHasSaved] = useState(false);
  const [isPending, startTransition] = useTransition();
  const rebasedRef = useRef<HTMLParagraphElement>(null);
  const isRebased = conflict?.isRebased ?? false;

  // The "use their version" button disappears once used; keep keyboard focus on the note that replaces it.
  useEffect(() => {
    if (isRebased) rebasedRef.current?.focus();
  }, [isRebased]);

  const form = useForm<FormValues, unknown, FormValues>({
    resolver: useLocalizedResolver(zodResolver(updateTaskSchema, { error: zodErrorMap }, { raw: true })),
    defaultValues: toFormValues(taskId, initial),
  });
  // Inputs also get their first value as defaultValue, so the server-rendered form is filled before hydration.
  const { errors, isDirty } = form.formState;
  const progress = Number(useWatch({ control: form.control, name: "progress" }));
  const status = useWatch({ control: form.control, name: "status" });

  const memberName = (id: string | null) =>
    id ? (members.find((m) => m.id === id)?.name ?? t("values.formerMember")) : t("values.unassigned");
  const labelOf = <C extends string>(options: Option<C>[], code: string) =>
    options.find((o) => o.code === code)?.label ?? code;
  const dateLabel = (value: string) =>
    value
      ? format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })
      : t("values.noDueDate");
  const linksLabel = (links: TaskSnapshot["dilemmas"]) =>
    links.length === 0
      ? t("values.none")
      : sortLinks(links)
          .map((l) => t("values.dilemmaLink", { code: l.dilemmaCode, weight: l.weight }))
          .join(", ");

  function display(field: FieldName, snapshot: TaskSnapshot): string {
    switch (field) {
      case "areaCode":
        return labelOf(areas, snapshot.areaCode);
      case "pathCode":
        return labelOf(paths, snapshot.pathCode);
      case "dilemmas":
        return linksLabel(snapshot.dilemmas);
      case "priority":
        return tp(snapshot.priority);
      case "status":
        return ts(snapshot.status);
      case "assigneeId":
        return memberName(snapshot.assigneeId);
      case "dueDate":
        return dateLabel(snapshot.dueDate);
      case "progress":
        return t("percent", { value: snapshot.progress });
      default:
        return String(snapshot[field]) || t("values.none");
    }
  }

  function changesBetween(before: TaskSnapshot, after: TaskSnapshot): Change[] {
    return FIELD_NAMES.filter((field) => {
      const x = field === "dilemmas" ? sortLinks(before.dilemmas) : before[field];
      const y = field === "dilemmas" ? sortLinks(after.dilemmas) : after[field];
      return JSON.stringify(x ?? null) !== JSON.stringify(y ?? null);
    }).map((field) => ({
      field,
      from: display(field, before),
      to: display(field, after),
      isText: field === "description",
    }));
  }

  const fieldLabel: Record<FieldName, string> = {
    title: t("fields.title"),
    description: t("fields.description"),
    areaCode: t("fields.area"),
    pathCode: t("fields.path"),
    dilemmas: t("fields.dilemmas"),
    priority: t("fields.priority"),
    status: t("fields.status"),
    assigneeId: t("fields.assignee"),
    dueDate: t("fields.dueDate"),
    progress: t("fields.progress"),
  };

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

  const dilemmaError = errors.dilemmas?.message ?? errors.dilemmas?.root?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("form.legend")} className="flex flex-col gap-5">
      <input type="hidden" defaultValue={taskId} {...form.register("taskId")} />
      <input type="hidden" defaultValue={initial.version} {...form.register("version")} />

      {conflict ? (
        <div
          role="alert"
          className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
        >
          <p className="font-semibold">{t("conflict.title")}</p>
          <p>{t("conflict.message")}</p>
          {conflict.changes.length === 0 ? (
            <p>{t("conflict.noVisibleChanges")}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {conflict.changes.map((change) => (
                <li key={change.field} className="break-words">
                  {change.isText
                    ? t("conflict.changedText", { field: fieldLabel[change.field] })
                    : t("conflict.change", { field: fieldLabel[change.field], from: change.from, to: change.to })}
                </li>
              ))}
            </ul>
          )}
          {conflict.isRebased ? (
            <p ref={rebasedRef} tabIndex={-1} role="status" className="font-medium">
              {t("conflict.rebased")}
            </p>
          ) : (
            <div>
              <Button type="button" variant="secondary" onClick={rebaseOnTheirs}>
                {t("conflict.useTheirs")}
              </Button>
            </div>
          )}
        </div>
      ) : null}
      <FormError message={formError} />

      <Field
        label={t("fields.title")}
        error={errors.title?.message}
        hint={isTemplateTitle ? t("form.templateTitleHint") : undefined}
        autoComplete="off"
        defaultValue={initial.title}
        {...form.register("title")}
      />
      <Textarea
        label={t("fields.description")}
        rows={5}
        error={errors.description?.message}
        hint={isTemplateDescription ? t("form.templateDescriptionHint") : undefined}
        defaultValue={initial.description}
        {...form.register("description")}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label={t("fields.area")}
          error={errors.areaCode?.message}
          defaultValue={initial.areaCode}
          {...form.register("areaCode")}
        >
          {areas.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </Select>
        <Select
          label={t("fields.path")}
          error={errors.pathCode?.message}
          defaultValue={initial.pathCode}
          {...form.register("pathCode")}
        >
          {paths.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>

      <Controller
        control={form.control}
        name="dilemmas"
        render={({ field }) => (
          <DilemmaLinks
            legend={t("fields.dilemmas")}
            hint={t("form.dilemmasHint")}
            error={dilemmaError}
            options={dilemmas}
            value={field.value}
            onChange={field.onChange}
            weightLabel={(code) => t("form.weightOf", { code })}
            weightOptions={[
              { value: 1, label: t("form.weight1") },
              { value: 2, label: t("form.weight2") },
              { value: 3, label: t("form.weight3") },
            ]}
          />
        )}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label={t("fields.priority")}
          error={errors.priority?.message}
          defaultValue={initial.priority}
          {...form.register("priority")}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {tp(p)}
            </option>
          ))}
        </Select>
        <Select
          label={t("fields.status")}
          error={errors.status?.message}
          defaultValue={initial.status}
          {...form.register("status", {
            onChange: (e: ChangeEvent<HTMLSelectElement>) => {
              if (e.target.value === "DONE") form.setValue("progress", 100, { shouldDirty: true });
            },
          })}
        >
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </Select>
        <Select
          label={t("fields.assignee")}
          error={errors.assigneeId?.message}
          defaultValue={initial.assigneeId ?? ""}
          {...form.register("assigneeId", { setValueAs: (v: string | null) => (v ? v : null) })}
        >
          <option value="">{t("values.unassigned")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
        <Field
          type="date"
          label={t("fields.dueDate")}
          min={minDueDate || undefined}
          error={errors.dueDate?.message}
          defaultValue={initial.dueDate}
          {...form.register("dueDate")}
        />
      </div>

      <div className="flex flex-col gap-1">
        <div className="flex items-center justify-between gap-2">
          <label htmlFor="progress" className="text-sm font-medium text-slate-800">
            {t("fields.progress")}
          </label>
          <output htmlFor="progress" className="text-sm tabular-nums text-slate-800">
            {t("percent", { value: Number.isFinite(progress) ? progress : 0 })}
          </output>
        </div>
        <input
          type="range"
          id="progress"
          min={0}
          max={100}
          step={5}
          aria-valuetext={t("percent", { value: Number.isFinite(progress) ? progress : 0 })}
          aria-invalid={errors.progress ? true : undefined}
          aria-describedby={
            [status === "DONE" ? "progress-hint" : null, errors.progress ? "progress-error" : null]
              .filter(Boolean)
              .join(" ") || undefined
          }
          className="w-full accent-brand-600"
          defaultValue={initial.progress}
          {...form.register("progress")}
        />
        {status === "DONE" ? (
          <p id="progress-hint" className="text-xs text-slate-600">
            {t("form.doneHint")}
          </p>
        ) : null}
        {errors.progress?.message ? (
          <p id="progress-error" className="text-sm text-red-700">
            {errors.progress.message}
          </p>
        ) : null}
      </div>

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

type DilemmaLinksProps = {
  legend: string;
  hint: string;
  error?: string;
  options: Option<DilemmaCode>[];
  value: FormValues["dilemmas"];
  onChange: (value: FormValues["dilemmas"]) => void;
  weightLabel: (code: DilemmaCode) => string;
  weightOptions: { value: number; label: string }[];
};

/** One checkbox and weight per dilemma, edited as the schema's list of links. */
function DilemmaLinks({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  weightLabel,
  weightOptions,
}: DilemmaLinksProps) {
  const [weights, setWeights] = useState<Partial<Record<DilemmaCode, number>>>(() =>
    Object.fromEntries(value.map((l) => [l.dilemmaCode, Number(l.weight)])),
  );
  const linkOf = (code: DilemmaCode) => value.find((l) => l.dilemmaCode === code);

  function toggle(code: DilemmaCode, isChecked: boolean) {
    const rest = value.filter((l) => l.dilemmaCode !== code);
    const next = isChecked ? [...rest, { dilemmaCode: code, weight: weights[code] ?? 1 }] : rest;
    onChange(next.sort((a, b) => a.dilemmaCode.localeCompare(b.dilemmaCode)));
  }

  function setWeight(code: DilemmaCode, weight: number) {
    setWeights((w) => ({ ...w, [code]: weight }));
    onChange(value.map((l) => (l.dilemmaCode === code ? { ...l, weight } : l)));
  }

  return (
    <fieldset
      aria-describedby={["dilemmas-hint", error ? "dilemmas-error" : null].filter(Boolean).join(" ")}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p id="dilemmas-hint" className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      <ul className="mt-2 flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
        {options.map((option) => {
          const link = linkOf(option.code);
          const checkboxId = `dilemma-${option.code}`;
          return (
            <li
              key={option.code}
              className="flex flex-col gap-2 px-3 py-2 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="flex items-start gap-2">
                <input
                  type="checkbox"
                  id={checkboxId}
                  checked={Boolean(link)}
                  onChange={(e) => toggle(option.code, e.target.checked)}
                  className="mt-0.5 size-4 shrink-0 accent-brand-600"
                />
                <label htmlFor={checkboxId} className="text-sm">
                  {option.label}
                </label>
              </div>
              <div className="pl-6 sm:pl-0">
                <label htmlFor={`${checkboxId}-weight`} className="sr-only">
                  {weightLabel(option.code)}
                </label>
                <select
                  id={`${checkboxId}-weight`}
                  value={link ? Number(link.weight) : (weights[option.code] ?? 1)}
                  disabled={!link}
                  onChange={(e) => setWeight(option.code, Number(e.target.value))}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-500"
                >
                  {weightOptions.map((w) => (
                    <option key={w.value} value={w.value}>
                      {w.label}
                    </option>
                  ))}
                </select>
              </div>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id="dilemmas-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
