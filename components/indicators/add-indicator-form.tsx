"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Select } from "@/components/ui/select";
import { Toast } from "@/components/ui/toast";
import type { DilemmaCode } from "@/lib/catalog/types";
import { createIndicatorAction } from "@/lib/indicators/actions";
import { createIndicatorSchema, DIRECTIONS, type CreateIndicatorInput } from "@/lib/validation/indicator";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/** A catalog suggestion as shown to this user: name and unit already in their language. */
export type SuggestionOption = {
  key: string;
  dilemma: DilemmaCode;
  name: string;
  unit: string;
  direction: (typeof DIRECTIONS)[number];
};

const FIELDS = [
  "dilemmaCode",
  "suggestedKey",
  "name",
  "unit",
  "direction",
  "baseline",
  "target",
  "targetDate",
] as const;

/** Adds an indicator: choose a dilemma, then one of its suggestions (prefilling name, unit, direction) or a custom one. */
export function AddIndicatorForm({
  teamSlug,
  planId,
  dilemmas,
  suggestions,
}: {
  teamSlug: string;
  planId: string;
  dilemmas: { code: DilemmaCode; name: string }[];
  suggestions: SuggestionOption[];
}) {
  const t = useTranslations("indicators");
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const empty = {
    planId,
    suggestedKey: "",
    name: "",
    unit: "",
    direction: "UP",
    baseline: "",
    target: "",
    targetDate: "",
  } as const;
  const form = useForm<CreateIndicatorInput>({
    resolver: useLocalizedResolver(zodResolver(createIndicatorSchema, { error: zodErrorMap }, { raw: true })),
    defaultValues: empty,
  });
  const { errors } = form.formState;
  const dilemmaCode = useWatch({ control: form.control, name: "dilemmaCode" });
  const options = suggestions.filter((s) => s.dilemma === dilemmaCode);

  const dilemmaField = form.register("dilemmaCode", {
    onChange: () => {
      // A suggestion belongs to one dilemma: switching dilemma starts the choice again.
      if (form.getValues("suggestedKey")) form.reset({ ...empty, dilemmaCode: form.getValues("dilemmaCode") });
    },
  });
  const suggestionField = form.register("suggestedKey", {
    onChange: (event: { target: { value: string } }) => {
      const chosen = suggestions.find((s) => s.key === event.target.value);
      const fill = chosen ?? { name: "", unit: "", direction: "UP" as const };
      form.setValue("name", fill.name, { shouldValidate: form.formState.isSubmitted });
      form.setValue("unit", fill.unit, { shouldValidate: form.formState.isSubmitted });
      form.setValue("direction", fill.direction);
    },
  });

  const onSubmit = form.handleSubmit((values) => {
    setStatus(null);
    setFormError(null);
    startTransition(async () => {
      const result = await createIndicatorAction(teamSlug, { ...values, planId });
      if (result.ok) {
        form.reset({ ...empty, dilemmaCode: values.dilemmaCode });
        return setStatus(t("add.added"));
      }
      if (!applyServerErrors(form.setError, result, FIELDS)) setFormError(result.message);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <HydratedFieldset>
        <FormError message={formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Select id="indicator-dilemma" label={t("add.dilemma")} error={errors.dilemmaCode?.message} {...dilemmaField}>
            <option value="">{t("add.chooseDilemma")}</option>
            {dilemmas.map((d) => (
              <option key={d.code} value={d.code}>
                {t("dilemmaHeading", { code: d.code, name: d.name })}
              </option>
            ))}
          </Select>
          <Select
            id="indicator-suggestion"
            label={t("add.kind")}
            disabled={!dilemmaCode}
            error={errors.suggestedKey?.message}
            {...suggestionField}
          >
            <option value="">{t("add.custom")}</option>
            {options.length > 0 ? (
              <optgroup label={t("add.suggestions")}>
                {options.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        </div>
        <Field
          id="indicator-name"
          label={t("add.name")}
          maxLength={200}
          error={errors.name?.message}
          {...form.register("name")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="indicator-unit"
            label={t("add.unit")}
            hint={t("add.unitHint")}
            maxLength={20}
            error={errors.unit?.message}
            {...form.register("unit")}
          />
          <Select
            id="indicator-direction"
            label={t("add.direction")}
            error={errors.direction?.message}
            {...form.register("direction")}
          >
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`direction.${d}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            id="indicator-baseline"
            label={t("add.baseline")}
            hint={t("add.baselineHint")}
            inputMode="decimal"
            autoComplete="off"
            error={errors.baseline?.message}
            {...form.register("baseline")}
          />
          <Field
            id="indicator-target"
            label={t("add.target")}
            hint={t("add.targetHint")}
            inputMode="decimal"
            autoComplete="off"
            error={errors.target?.message}
            {...form.register("target")}
          />
          <Field
            id="indicator-target-date"
            label={t("add.targetDate")}
            type="date"
            error={errors.targetDate?.message}
            {...form.register("targetDate")}
          />
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={isPending}>
            {t("add.submit")}
          </Button>
          {status ? <Toast>{status}</Toast> : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}
