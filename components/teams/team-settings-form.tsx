"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Toast } from "@/components/ui/toast";
import { updateTeamAction } from "@/lib/teams/actions";
import { updateTeamSchema, type UpdateTeamInput } from "@/lib/validation/team";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/** Rename the team and edit its address. */
export function TeamSettingsForm({ teamSlug, name }: { teamSlug: string; name: string }) {
  const t = useTranslations("settings");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<UpdateTeamInput>({
    resolver: useLocalizedResolver(zodResolver(updateTeamSchema, { error: zodErrorMap })),
    defaultValues: { name, slug: teamSlug },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    startTransition(async () => {
      const result = await updateTeamAction(teamSlug, values);
      if (!result) return;
      if (result.ok) return setMessage({ ok: true, text: t("saved") });
      applyServerErrors(form.setError, result, ["name", "slug"]);
      if (!result.fieldErrors) setMessage({ ok: false, text: result.message });
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-lg flex-col gap-4">
      <HydratedFieldset>
        <FormError message={message && !message.ok ? message.text : null} />
        <Field label={t("teamName")} error={errors.name?.message} {...form.register("name")} />
        <Field label={t("address")} hint={t("addressHint")} error={errors.slug?.message} {...form.register("slug")} />
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={isPending}>
            {t("save")}
          </Button>
          {message?.ok ? <Toast>{message.text}</Toast> : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}
