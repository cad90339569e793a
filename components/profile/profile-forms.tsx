"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useFormStatus } from "react-dom";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Select } from "@/components/ui/select";
import { Toast } from "@/components/ui/toast";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { changePasswordAction, updateProfileAction } from "@/lib/users/actions";
import {
  changePasswordSchema,
  updateProfileSchema,
  type ChangePasswordInput,
  type UpdateProfileInput,
} from "@/lib/validation/profile";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { LOCALES } from "@/lib/i18n/config";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import {} from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/** Display name, preferred language and time zone (offered from the browser until saved). */
export function ProfileForm({
  defaults,
  timeZones,
  timeZoneSaved,
}: {
  defaults: UpdateProfileInput;
  timeZones: readonly string[];
  timeZoneSaved: boolean;
}) {
  const t = useTranslations("profile");
  const tCommon = useTranslations("common");
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<UpdateProfileInput>({
    resolver: useLocalizedResolver(zodResolver(updateProfileSchema, { error: zodErrorMap })),
    defaultValues: defaults,
  });
  const onSubmit = form.handleSubmit((values) => {
    setStatus(null);
    setFormError(null);
    startTransition(async () => {
      const result = await updateProfileAction(values);
      if (result.ok) return setStatus(t("saved"));
      if (!applyServerErrors(form.setError, result, ["name", "timeZone"])) setFormError(result.message);
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-lg flex-col gap-4">
      <HydratedFieldset>
        <FormError message={formError} />
        <Field
          label={t("name")}
          autoComplete="name"
          error={form.formState.errors.name?.message}
          {...form.register("name")}
        />
        <Select label={t("language")} {...form.register("locale")}>
          {LOCALES.map((value) => (
            <option key={value} value={value} lang={value}>
              {tCommon(`localeNames.${value}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t("timeZone")}
          aria-describedby="timeZone-hint"
          error={form.formState.errors.timeZone?.message}
          {...form.register("timeZone")}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
        <p id="timeZone-hint" className="-mt-3 text-sm text-slate-600">
          {timeZoneSaved ? t("timeZoneHint") : t("timeZoneFromBrowser")}
        </p>
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={isPending}>
            {t("save")}
          </Button>
          {status ? <Toast>{status}</Toast> : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}

/** Change password; the current one is required. On success the action returns to the profile page, which says so. */
export function ChangePasswordForm() {
  const t = useTranslations("profile");
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<ChangePasswordInput>({
    resolver: useLocalizedResolver(zodResolver(changePasswordSchema, { error: zodErrorMap })),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await changePasswordAction(values); // on success, a redirect to this page
      if (result.ok) return;
      applyServerErrors(form.setError, result, ["currentPassword", "newPassword"]);
      if (!result.fieldErrors) setFormError(result.message);
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-lg flex-col gap-4">
      <HydratedFieldset>
        <FormError message={formError} />
        <Field
          label={t("currentPassword")}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register("currentPassword")}
        />
        <Field
          label={t("newPassword")}
          type="password"
          autoComplete="new-password"
          error={errors.newPassword?.message}
          {...form.register("newPassword")}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={isPending}>
            {t("changePassword")}
          </Button>
        </div>
      </HydratedFieldset>
    </form>
  );
}

/** Ends every session of the user (this one too) and goes to sign-in. */
export function SignOutEverywhereForm() {
  const t = useTranslations("profile");
  return (
    <form action={signOutEverywhereAction}>
      <HydratedFieldset>
        <SignOutEverywhereButton label={t("signOutEverywhere")} />
      </HydratedFieldset>
    </form>
  );
}

function SignOutEverywhereButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" isPending={pending}>
      {label}
    </Button>
  );
}
