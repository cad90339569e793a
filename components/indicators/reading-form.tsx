"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Toast } from "@/components/ui/toast";
import { addReadingAction } from "@/lib/indicators/actions";
import { addReadingSchema, type AddReadingInput } from "@/lib/validation/indicator";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

const FIELDS = ["value", "recordedOn", "note"] as const;

/** Records a dated reading of one indicator; `today` ("YYYY-MM-DD") is the default date and the latest allowed. */
export function ReadingForm({
  teamSlug,
  indicatorId,
  unit,
  today,
}: {
  teamSlug: string;
  indicatorId: string;
  unit: string;
  today: string;
}) {
  const t = useTranslations("indicators");
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const defaultValues: AddReadingInput = { indicatorId, value: "", recordedOn: today, note: "" };
  const form = useForm<AddReadingInput>({
    resolver: useLocalizedResolver(zodResolver(addReadingSchema, { error: zodErrorMap }, { raw: true })),
    defaultValues,
  });
  const { errors } = form.formState;
  const id = (field: string) => `reading-${indicatorId}-${field}`;

  const onSubmit = form.handleSubmit((values) => {
    setStatus(null);
    setFormError(null);
    startTransition(async () => {
      const result = await addReadingAction(teamSlug, { ...values, indicatorId });
      if (result.ok) {
        form.reset({ ...defaultValues, recordedOn: values.recordedOn });
        return setStatus(t("record.saved"));
      }
      if (!applyServerErrors(form.setError, result, FIELDS)) setFormError(result.message);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <HydratedFieldset>
        <FormError message={formError} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            id={id("value")}
            label={t("record.value", { unit })}
            inputMode="decimal"
            autoComplete="off"
            error={errors.value?.message}
            {...form.register("value")}
          />
          <Field
            id={id("recordedOn")}
            label={t("record.date")}
            type="date"
            max={today}
            error={errors.recordedOn?.message}
            {...form.register("recordedOn")}
          />
        </div>
        <Field
          id={id("note")}
          label={t("record.note")}
          maxLength={1000}
          error={errors.note?.message}
          {...form.register("note")}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={isPending}>
            {t("record.submit")}
          </Button>
          {status ? <Toast>{status}</Toast> : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}
