"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { fieldErrorsText } from "@/components/forms/apply-server-errors";
import { addTemplatesAction } from "@/lib/plans/actions";

/** Adds one catalog template to the plan in one click (the add-templates operation), then refreshes the page. */
export function AddTemplateButton({
  teamSlug,
  planId,
  templateKey,
  label,
}: {
  teamSlug: string;
  planId: string;
  templateKey: string;
  label: string;
}) {
  const t = useTranslations("guide");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <span className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant="secondary"
        className="px-2 py-1"
        isPending={isPending}
        aria-label={label}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await addTemplatesAction(teamSlug, planId, [templateKey], false);
            if (!result.ok) return setError(fieldErrorsText(result));
            router.refresh();
          })
        }
      >
        {t("actions.add")}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
