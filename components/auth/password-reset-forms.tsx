"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { requestPasswordResetAction, resetPasswordAction } from "@/lib/users/actions";
import {
  forgotPasswordSchema,
  resetPasswordSchema,
  type ForgotPasswordInput,
  type ResetPasswordInput,
} from "@/lib/validation/profile";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors, fieldErrorOf } from "@/components/forms/apply-server-errors";

/** Asks for a reset link; always answers the same, whether or not the email has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [isSent, setIsSent] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const form = useForm<ForgotPasswordInput>({
    resolver: useLocalizedResolver(zodResolver(forgotPasswordSchema, { error: zodErrorMap })),
    defaultValues: { email: "" },
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await requestPasswordResetAction(values);
      if (result.ok) setIsSent(true);
      else setFormError(fieldErrorOf(result, "email") ?? result.message);
    });
  });
  if (isSent)
    return (
      <p role="status" className="text-slate-800">
        {t("resetSent")}
      </p>
    );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field
        label={t("email")}
        type="email"
        autoComplete="email"
        error={form.formState.errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" isPending={isPending} disabled={!isHydrated}>
        {t("sendResetLink")}
      </Button>
    </form>
  );
}

/** Chooses a new password with a reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const form = useForm<ResetPasswordInput>({
    resolver: useLocalizedResolver(zodResolver(resetPasswordSchema, { error: zodErrorMap })),
    defaultValues: { password: "" },
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await resetPasswordAction(token, values);
      if (result && !result.ok) {
        if (!applyServerErrors(form.setError, result, ["password"])) setFormError(result.message);
      }
    });
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={form.formState.errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" isPending={isPending} disabled={!isHydrated}>
        {t("setPassword")}
      </Button>
    </form>
  );
}
