"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { EventTypeChoices } from "@/components/webhooks/event-type-choices";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import {
  createWebhookSchema,
  WEBHOOK_EVENT_TYPES,
  type CreateWebhookInput,
  type WebhookEventType,
} from "@/lib/validation/webhook";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/** Registers an endpoint (address and event types, all ticked at first) and shows its secret once, to copy. */
export function CreateWebhookForm({ teamSlug }: { teamSlug: string }) {
  const t = useTranslations("webhooks");
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<CreateWebhookInput>({
    resolver: useLocalizedResolver(zodResolver(createWebhookSchema, { error: zodErrorMap })),
    defaultValues: { url: "", description: "", eventTypes: [...WEBHOOK_EVENT_TYPES] },
  });
  const typesError = form.formState.errors.eventTypes?.message;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    setCreated(null);
    startTransition(async () => {
      const result = await createWebhookAction(teamSlug, values);
      if (result.ok) {
        setCreated({ url: result.data.url, secret: result.data.secret });
        form.reset({ url: "", description: "", eventTypes: [...WEBHOOK_EVENT_TYPES] });
        return;
      }
      if (!applyServerErrors(form.setError, result, ["url", "description", "eventTypes"], { focus: true }))
        setFormError(result.message);
    });
  });

  const setAll = (types: WebhookEventType[]) =>
    form.setValue("eventTypes", types, { shouldValidate: form.formState.isSubmitted });

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <HydratedFieldset>
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
          <Field
            label={t("description")}
            hint={t("descriptionHint")}
            autoComplete="off"
            maxLength={200}
            error={form.formState.errors.description?.message}
            {...form.register("description")}
          />
          <EventTypeChoices
            register={form.register("eventTypes")}
            onSetAll={setAll}
            error={typesError}
            errorId="webhook-event-types-error"
          />
          <div>
            <Button type="submit" isPending={isPending}>
              {t("create")}
            </Button>
          </div>
        </HydratedFieldset>
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
