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
import { inviteAction } from "@/lib/members/actions";
import { inviteSchema, type InviteInput } from "@/lib/validation/member";
import { useLocalizedResolver } from "@/lib/i18n/use-localized-resolver";
import { zodErrorMap } from "@/lib/validation/field-errors";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

/** Invites someone by email with a role and shows the link to copy. */
export function InviteForm({ teamSlug, canInviteOwners }: { teamSlug: string; canInviteOwners: boolean }) {
  const t = useTranslations("members");
  const tr = useTranslations("enums.role");
  const [link, setLink] = useState<{ url: string; email: string; delivery: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const form = useForm<InviteInput>({
    resolver: useLocalizedResolver(zodResolver(inviteSchema, { error: zodErrorMap })),
    defaultValues: { email: "", role: "MEMBER" },
  });

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    setLink(null);
    startTransition(async () => {
      const result = await inviteAction(teamSlug, values);
      if (result.ok) {
        setLink(result.data);
        form.reset({ email: "", role: values.role });
        return;
      }
      if (!applyServerErrors(form.setError, result, ["email"])) setFormError(result.message);
    });
  });

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <HydratedFieldset>
          <Field
            className="flex-1"
            label={t("inviteEmail")}
            type="email"
            error={form.formState.errors.email?.message}
            {...form.register("email")}
          />
          <Select label={t("inviteRole")} {...form.register("role")}>
            {(["VIEWER", "MEMBER", "ADMIN", ...(canInviteOwners ? ["OWNER"] : [])] as const).map((role) => (
              <option key={role} value={role}>
                {tr(role)}
              </option>
            ))}
          </Select>
          <Button type="submit" isPending={isPending} className="sm:mt-6">
            {t("invite")}
          </Button>
        </HydratedFieldset>
      </form>
      <FormError message={formError} />
      {link ? (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-3">
          <p className="text-sm">
            {link.delivery === "sent"
              ? t("inviteSent", { email: link.email })
              : t("inviteCreated", { email: link.email })}
          </p>
          <CopyField label={t("inviteLink")} value={link.url} />
        </div>
      ) : null}
    </div>
  );
}
