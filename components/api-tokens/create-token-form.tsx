"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Select } from "@/components/ui/select";
import { createApiTokenAction } from "@/lib/api-tokens/actions";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { API_TOKEN_LIFETIMES, createApiTokenSchema, type CreateApiTokenInput } from "@/lib/validation/api-token";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/** Creates a personal API token and shows its secret once, to copy. */
export function CreateTokenForm({ teamSlug }: { teamSlug: string }) {
  const t = useTranslations("apiTokens");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<CreateApiTokenInput>({
    resolver: useLocalizedResolver(zodResolver(createApiTokenSchema, { error: zodErrorMap })),
    defaultValues: { name: "", expiresInDays: "90" },
  });

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    setCreated(null);
    startTransition(async () => {
      const result = await createApiTokenAction(teamSlug, values);
      if (result.ok) {
        setCreated({ name: result.data.name, token: result.data.token });
        form.reset({ name: "", expiresInDays: values.expiresInDays });
        return;
      }
      if (!applyServerErrors(form.setError, result, ["name"])) setFormError(result.message);
    });
  });

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <HydratedFieldset>
          <Field
            className="flex-1"
            label={t("name")}
            hint={t("nameHint")}
            maxLength={100}
            error={form.formState.errors.name?.message}
            {...form.register("name")}
          />
          <Select label={t("expiry")} {...form.register("expiresInDays")}>
            {API_TOKEN_LIFETIMES.map((days) => (
              <option key={days} value={String(days)}>
                {t("expiryDays", { days })}
              </option>
            ))}
            <option value="">{t("expiryNever")}</option>
          </Select>
          <Button type="submit" isPending={isPending} className="sm:mt-6">
            {t("create")}
          </Button>
        </HydratedFieldset>
      </form>
      <FormError message={formError} />
      {created ? (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-3">
          <p className="text-sm">{t("createdOnce")}</p>
          <CopyField label={t("secret", { name: created.name })} value={created.token} />
        </div>
      ) : null}
    </div>
  );
}
