"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { signInAction } from "@/lib/auth/actions";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";

/** Email + password sign-in with field errors from the server's schema. */
export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const form = useForm<SignInInput>({
    resolver: useLocalizedResolver(zodResolver(signInSchema, { error: zodErrorMap })),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await signInAction(values, next);
      if (result?.error) setFormError(t(result.error));
    });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field
        label={t("email")}
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Field
        label={t("password")}
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" isPending={isPending} disabled={!isHydrated}>
        {t("signIn")}
      </Button>
      <Link className="text-sm text-brand-700 underline" href="/forgot-password">
        {t("forgotPassword")}
      </Link>
      <p className="text-sm text-slate-700">
        {t("noAccount")}{" "}
        <Link
          className="font-medium text-brand-700 underline"
          href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"}
        >
          {t("createAccount")}
        </Link>
      </p>
    </form>
  );
}
