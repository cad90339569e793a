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
import { signUpAction } from "@/lib/auth/actions";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

/**
 * Account creation with field errors from the server's schema. Every accepted
 * address gets the same answer ("check your inbox"): the mail finishes the
 * sign-up, or tells an existing account's owner how to sign in.
 */
export function SignUpForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const form = useForm<SignUpInput>({
    resolver: useLocalizedResolver(zodResolver(signUpSchema, { error: zodErrorMap })),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await signUpAction(values, next);
      if (result.ok) {
        setSentTo(values.email.trim());
        form.reset();
      } else {
        applyServerErrors(form.setError, result, ["name", "email", "password"]);
        if (!result.fieldErrors) setFormError(result.message);
      }
    });
  });

  const signInHref = next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";

  if (sentTo)
    return (
      <div role="status" className="flex flex-col gap-3 text-slate-800">
        <h2 className="text-lg font-semibold">{t("checkInboxTitle")}</h2>
        <p>{t("checkInboxBody", { email: sentTo })}</p>
        <p>
          {t("checkInboxHaveAccount")}{" "}
          <Link className="font-medium text-brand-700 underline" href={signInHref}>
            {t("signIn")}
          </Link>
        </p>
        <p className="text-sm text-slate-700">{t("checkInboxNoMail")}</p>
        <button
          type="button"
          className="self-start text-sm font-medium text-brand-700 underline"
          onClick={() => setSentTo(null)}
        >
          {t("useAnotherEmail")}
        </button>
      </div>
    );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label={t("name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
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
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" isPending={isPending} disabled={!isHydrated}>
        {t("signUp")}
      </Button>
      <p className="text-sm text-slate-700">
        {t("haveAccount")}{" "}
        <Link className="font-medium text-brand-700 underline" href={signInHref}>
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}
