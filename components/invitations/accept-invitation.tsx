"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { acceptInvitationAction, signUpAndAcceptAction } from "@/lib/invitations/actions";
import { signUpSchema } from "@/lib/validation/auth";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/** The join button for a signed-in invitee. */
export function AcceptInvitationButton({ token, label }: { token: string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      <Button
        type="button"
        isPending={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptInvitationAction(token);
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {label}
      </Button>
    </div>
  );
}

const joinSchema = signUpSchema.pick({ name: true, password: true });
type JoinInput = { name: string; password: string };

/** Sign-up for a new invitee: the email is the invitation's; joining happens in the same step. */
export function SignUpAndJoinForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth");
  const ti = useTranslations("invite");
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<JoinInput>({
    resolver: useLocalizedResolver(zodResolver(joinSchema, { error: zodErrorMap })),
    defaultValues: { name: "", password: "" },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await signUpAndAcceptAction(token, values);
      if (result && !result.ok) {
        if (!applyServerErrors(form.setError, result, ["name", "password"])) setFormError(result.message);
      }
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <HydratedFieldset>
        <FormError message={formError} />
        <Field label={t("email")} name="email" value={email} readOnly />
        <Field label={t("name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
        <Field
          label={t("password")}
          type="password"
          autoComplete="new-password"
          hint={t("passwordHint")}
          error={errors.password?.message}
          {...form.register("password")}
        />
        <Button type="submit" isPending={isPending}>
          {ti("createAndJoin")}
        </Button>
      </HydratedFieldset>
    </form>
  );
}
