"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Toast } from "@/components/ui/toast";
import { updatePlanAction } from "@/lib/plans/actions";
import { updatePlanSchema, type UpdatePlanInput } from "@/lib/validation/plan";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

type Values = {
  planId: string;
  version: number;
  title: string;
  description: string;
  startDate: string;
  targetDate: string;
};
type Current = Omit<Values, "planId">;

/** Edits a plan's details; a concurrent save is refused and shown, with the user's input kept. */
export function PlanDetailsForm({ teamSlug, defaults }: { teamSlug: string; defaults: Values }) {
  const t = useTranslations("planSettings");
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ message: string; current: Current } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<UpdatePlanInput>({
    resolver: useLocalizedResolver(zodResolver(updatePlanSchema, { error: zodErrorMap }, { raw: true })),
    defaultValues: defaults,
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setStatus(null);
    setFormError(null);
    startTransition(async () => {
      const result = await updatePlanAction(teamSlug, { ...values, planId: defaults.planId });
      if (result.ok) {
        form.setValue("version", result.data.version);
        setConflict(null);
        return setStatus(t("saved"));
      }
      if (result.code === "CONFLICT") {
        const current = (result.details as { current: Current }).current;
        return setConflict({ message: result.message, current });
      }
      applyServerErrors(form.setError, result, ["title", "description", "startDate", "targetDate"]);
      if (!result.fieldErrors) setFormError(result.message);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-4">
      <HydratedFieldset>
        <FormError message={formError} />
        {conflict ? (
          <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            <p>{conflict.message}</p>
            <ul className="list-inside list-disc">
              {(["title", "startDate", "targetDate", "description"] as const)
                .filter((k) => conflict.current[k] !== defaults[k])
                .map((k) => (
                  <li key={k}>
                    {t(k)}: “{String(defaults[k]).slice(0, 80)}” → “{String(conflict.current[k]).slice(0, 80)}”
                  </li>
                ))}
            </ul>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                form.setValue("version", conflict.current.version);
                setConflict(null);
              }}
            >
              {t("useTheirBase")}
            </Button>
          </div>
        ) : null}
        <input type="hidden" {...form.register("version", { valueAsNumber: true })} />
        <Field label={t("title")} error={errors.title?.message} {...form.register("title")} />
        <div className="flex flex-col gap-1">
          <label htmlFor="plan-description" className="text-sm font-medium">
            {t("description")}
          </label>
          <textarea
            id="plan-description"
            rows={4}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm"
            {...form.register("description")}
          />
          {errors.description ? <p className="text-sm text-red-700">{errors.description.message}</p> : null}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("startDate")} type="date" error={errors.startDate?.message} {...form.register("startDate")} />
          <Field
            label={t("targetDate")}
            type="date"
            error={errors.targetDate?.message}
            {...form.register("targetDate")}
          />
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={isPending}>
            {t("save")}
          </Button>
          {status ? <Toast>{status}</Toast> : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}
