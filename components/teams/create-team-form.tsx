"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { createTeamAction } from "@/lib/teams/actions";
import { createTeamSchema, type CreateTeamInput } from "@/lib/validation/team";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors, fieldErrorOf } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/** Creates a team; the signed-in user becomes its owner. */
export function CreateTeamForm() {
  const t = useTranslations("teams");
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<CreateTeamInput>({
    resolver: useLocalizedResolver(zodResolver(createTeamSchema, { error: zodErrorMap })),
    defaultValues: { name: "" },
  });

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await createTeamAction(values);
      if (result && !result.ok) {
        if (!applyServerErrors(form.setError, result, ["name"]))
          setFormError(fieldErrorOf(result, "slug") ?? result.message);
      }
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <HydratedFieldset>
        <Field
          className="flex-1"
          label={t("teamName")}
          error={form.formState.errors.name?.message}
          {...form.register("name")}
        />
        <Button type="submit" isPending={isPending}>
          {t("create")}
        </Button>
        <FormError message={formError} />
      </HydratedFieldset>
    </form>
  );
}
