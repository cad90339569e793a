"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import {
  createWebhookSchema,
  WEBHOOK_EVENT_GROUPS,
  WEBHOOK_EVENT_TYPES,
  type CreateWebhookInput,
} from "@/lib/validation/webhook";
import { createWebhookAction } from "@/lib/webhooks/actions";

/** Registers an endpoint (address and event types, all ticked at first) and shows its secret once, to copy. */
export function CreateWebhookForm({ teamSlug }: { teamSlug: string }) {
  const t = useTranslations("webhooks");
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<CreateWebhookInput>({
    resolver: useLocalizedResolver(zodResolver(createWebhookSchema, { error: zodErrorMap })),
    defaultValues: { url: "", eventTypes: [...WEBHOOK_EVENT_TYPES] },
  });
  const typesError = form.formState.errors.eventTypes?.message;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    setCreated(null);
    startTransition(async () => {
      const result = await createWebhookAction(teamSlug, values);
      if (result.ok) {
        setCreated({ url: result.data.url, secret: result.data.secret });
        form.reset({ url: "", eventTypes: [...WEBHOOK_EVENT_TYPES] });
        return;
      }
      if (!applyServerErrors(form.setError, result, ["url", "eventTypes"], { focus: true }))
        setFormError(result.message);
    });
  });

  const setAll = (types: CreateWebhookInput["eventTypes"]) =>
    form.setValue("eventTypes", types, { shouldValidate: form.formState.isSubmitted });

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field
          label={t("url")}
          hint={t("urlHint")}
          type="url"
          inputMode="url"
          autoComplete="off"
          maxLength={2000}
          error={form.formState.errors.url?.message}
          {...form.register("url")}
        />
        <fieldset
          className="flex flex-col gap-3"
          aria-describedby={typesError ? "webhook-event-types-error" : undefined}
        >
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("eventTypes")}</legend>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={() => setAll([...WEBHOOK_EVENT_TYPES])}>
              {t("selectAll")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAll([])}>
              {t("selectNone")}
            </Button>
          </div>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {WEBHOOK_EVENT_GROUPS.map(([group, types]) => (
              <fieldset key={group} className="flex flex-col gap-1 rounded-md border border-slate-200 p-2">
                <legend className="px-1 text-sm font-medium">{t(`groups.${group}` as "groups.task")}</legend>
                {types.map((type) => (
                  <label key={type} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" value={type} className="size-4" {...form.register("eventTypes")} />
                    <span className="font-mono text-xs wrap-anywhere">{type}</span>
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
          {typesError ? (
            <p id="webhook-event-types-error" role="alert" className="text-sm text-red-700">
              {typesError}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" isPending={isPending}>
            {t("create")}
          </Button>
        </div>
      </form>
      <FormError message={formError} />
      {created ? (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-3">
          <p className="text-sm">{t("createdOnce")}</p>
          <CopyField label={t("secretLabel", { url: created.url })} value={created.secret} />
        </div>
      ) : null}
    </div>
  );
}
