"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { confirmSignUpAction } from "@/lib/auth/actions";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { confirmSignUpSchema, type ConfirmSignUpInput } from "@/lib/validation/auth";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

/** Finishes a sign-up from its mailed link: the password chosen at sign-up, then the account is created and signed in. */
export function ConfirmSignUpForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth");
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const form = useForm<ConfirmSignUpInput>({
    resolver: useLocalizedResolver(zodResolver(confirmSignUpSchema, { error: zodErrorMap })),
    defaultValues: { password: "" },
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await confirmSignUpAction(token, values);
      if (!result.ok) {
        if (!applyServerErrors(form.setError, result, ["password"])) setFormError(result.message);
      }
    });
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-slate-700">{t("confirmSignUpBody", { email })}</p>
      <FormError message={formError} />
      <Field
        label={t("password")}
        type="password"
        autoComplete="current-password"
        error={form.formState.errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" isPending={isPending} disabled={!isHydrated}>
        {t("confirmSignUpSubmit")}
      </Button>
    </form>
  );
}
