"use client";

import { useTranslations } from "next-intl";
import { useRef, type ChangeEvent } from "react";
import { Controller, useWatch, type UseFormReturn } from "react-hook-form";
import { useMentions, type Mentionable } from "@/components/mentions/use-mentions";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { DilemmaLinks } from "@/components/tasks/task-form-parts/dilemma-links";
import type { FormValues, Option, TaskSnapshot } from "@/components/tasks/task-form-parts/snapshot";
import type { AreaCode, DilemmaCode, PathCode } from "@/lib/catalog/types";
import { PRIORITIES, TASK_STATUSES } from "@/lib/tasks/status";

type Form = UseFormReturn<FormValues, unknown, FormValues>;

// Inputs also get their first value as defaultValue, so the server-rendered form is filled before hydration.

/** Title, description (with @mentions of the team's members), area and path. */
export function TaskTextFields({
  form,
  initial,
  areas,
  paths,
  members,
  isTemplateTitle,
  isTemplateDescription,
}: {
  form: Form;
  initial: TaskSnapshot;
  areas: Option<AreaCode>[];
  paths: Option<PathCode>[];
  members: Mentionable[];
  isTemplateTitle: boolean;
  isTemplateDescription: boolean;
}) {
  const t = useTranslations("task");
  const tm = useTranslations("mentions");
  const { errors } = form.formState;
  const description = useRef<HTMLTextAreaElement | null>(null);
  const mentions = useMentions(members, (text, caret) => {
    form.setValue("description", text, { shouldDirty: true });
    // At once: a caret set a frame later would land behind what the person typed meanwhile.
    description.current?.setSelectionRange(caret, caret);
  });
  const { ref: registerDescription, ...descriptionField } = form.register("description");
  return (
    <>
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
        hint={isTemplateDescription ? t("form.templateDescriptionHint") : tm("mentionHint")}
        defaultValue={initial.description}
        {...mentions.inputProps}
        onKeyDown={(e) => void mentions.onKeyDown(e)}
        {...descriptionField}
        ref={(el) => {
          registerDescription(el);
          description.current = el;
        }}
      />
      {mentions.list(() => form.getValues("description") ?? "")}

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
    </>
  );
}

/** The dilemmas the task serves, each with its weight. */
export function TaskDilemmaWeights({ form, dilemmas }: { form: Form; dilemmas: Option<DilemmaCode>[] }) {
  const t = useTranslations("task");
  const { errors } = form.formState;
  const dilemmaError = errors.dilemmas?.message ?? errors.dilemmas?.root?.message;
  return (
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
  );
}

/** Priority, status (DONE sets the progress to 100 %), start and due date, assignee. */
export function TaskPlanningFields({
  form,
  initial,
  members,
  minDueDate,
}: {
  form: Form;
  initial: TaskSnapshot;
  members: { id: string; name: string }[];
  minDueDate: string;
}) {
  const t = useTranslations("task");
  const ts = useTranslations("enums.taskStatus");
  const tp = useTranslations("enums.priority");
  const { errors } = form.formState;
  return (
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
      <Field
        type="date"
        label={t("fields.startDate")}
        min={minDueDate || undefined}
        error={errors.startDate?.message}
        defaultValue={initial.startDate}
        {...form.register("startDate")}
      />
      <Field
        type="date"
        label={t("fields.dueDate")}
        min={minDueDate || undefined}
        error={errors.dueDate?.message}
        defaultValue={initial.dueDate}
        {...form.register("dueDate")}
      />
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
    </div>
  );
}

/** The progress slider with its value, the note that a done task counts as 100 %, and its error. */
export function TaskProgressField({ form, initial }: { form: Form; initial: TaskSnapshot }) {
  const t = useTranslations("task");
  const { errors } = form.formState;
  const progress = Number(useWatch({ control: form.control, name: "progress" }));
  const status = useWatch({ control: form.control, name: "status" });
  return (
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
  );
}
