"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { EventTypeChoices } from "@/components/webhooks/event-type-choices";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { updateWebhookSchema, type UpdateWebhookInput, type WebhookEventType } from "@/lib/validation/webhook";
import { updateWebhookAction } from "@/lib/webhooks/actions";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

type Saved = { url: string; description: string; eventTypes: string[]; version: number };

/**
 * Edits an endpoint's address, description and event types from the version
 * shown. When someone saved it meanwhile, their version is shown and the input
 * kept: saving again replaces theirs knowingly.
 */
export function EditWebhookForm({ teamSlug, endpoint }: { teamSlug: string; endpoint: { id: string } & Saved }) {
  const t = useTranslations("webhooks");
  const [formError, setFormError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<Saved | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const [isPending, startTransition] = useTransition();
  const form = useForm<UpdateWebhookInput>({
    resolver: useLocalizedResolver(zodResolver(updateWebhookSchema, { error: zodErrorMap })),
    defaultValues: {
      endpointId: endpoint.id,
      version: endpoint.version,
      url: endpoint.url,
      description: endpoint.description,
      eventTypes: endpoint.eventTypes as WebhookEventType[],
    },
  });
  const typesError = form.formState.errors.eventTypes?.message;

  // A newer version from elsewhere (another admin, seen on refresh) replaces an untouched
  // form; one being edited keeps its input, and saving it meets the version check.
  const { id, url, description, eventTypes, version } = endpoint;
  useEffect(() => {
    if (form.getValues("version") === version || form.formState.isDirty) return;
    form.reset({ endpointId: id, version, url, description, eventTypes: eventTypes as WebhookEventType[] });
  }, [form, id, url, description, eventTypes, version]);

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    setIsSaved(false);
    startTransition(async () => {
      const result = await updateWebhookAction(teamSlug, values);
      if (result.ok) {
        setTheirs(null);
        setIsSaved(true);
        form.reset({ ...values, version: result.data.version });
        return;
      }
      const current = (result.details as { current?: Saved } | undefined)?.current;
      if (result.code === "CONFLICT" && current) {
        setTheirs(current);
        form.setValue("version", current.version);
      }
      if (!applyServerErrors(form.setError, result, ["url", "description", "eventTypes"], { focus: true }))
        setFormError(result.message);
    });
  });

  return (
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
          onSetAll={(types) => form.setValue("eventTypes", types, { shouldValidate: form.formState.isSubmitted })}
          error={typesError}
          errorId="webhook-edit-event-types-error"
        />
        <FormError message={formError} />
        {theirs ? (
          <div className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            <p className="font-medium">{t("theirVersion")}</p>
            <p className="font-mono wrap-anywhere">{theirs.url}</p>
            {theirs.description ? <p>{theirs.description}</p> : null}
            <p className="font-mono text-xs wrap-anywhere">{theirs.eventTypes.join(", ")}</p>
          </div>
        ) : null}
        {isSaved ? (
          <p role="status" className="text-sm text-green-800">
            {t("saved")}
          </p>
        ) : null}
        <div>
          <Button type="submit" isPending={isPending}>
            {t("save")}
          </Button>
        </div>
      </HydratedFieldset>
    </form>
  );
}
