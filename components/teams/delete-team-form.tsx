"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { deleteTeamAction } from "@/lib/teams/actions";
import { fieldErrorOf } from "@/components/forms/apply-server-errors";

/** Deletes the team once its name is typed exactly. */
export function DeleteTeamForm({ teamSlug, name }: { teamSlug: string; name: string }) {
  const t = useTranslations("settings");
  const [confirmName, setConfirmName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="flex max-w-lg flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await deleteTeamAction(teamSlug, { confirmName });
          if (result && !result.ok) setError(fieldErrorOf(result, "confirmName") ?? result.message);
        });
      }}
    >
      <Field
        name="confirmName"
        label={t("typeToConfirm", { name })}
        value={confirmName}
        onChange={(e) => setConfirmName(e.target.value)}
        error={error}
        autoComplete="off"
      />
      <Button type="submit" variant="danger" isPending={isPending} disabled={confirmName.trim() !== name.trim()}>
        {t("deleteTeam")}
      </Button>
    </form>
  );
}
