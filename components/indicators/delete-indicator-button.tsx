"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { deleteIndicatorAction } from "@/lib/indicators/actions";

/** Deletes an indicator and its readings after a confirmation. */
export function DeleteIndicatorButton({ teamSlug, indicatorId, name }: { teamSlug: string; indicatorId: string; name: string }) {
  const t = useTranslations("indicators");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="ghost"
        className="text-red-700"
        aria-label={t("delete.label", { name })}
        isPending={isPending}
        onClick={() => {
          if (!window.confirm(t("delete.confirm", { name }))) return;
          setError(null);
          startTransition(async () => {
            const result = await deleteIndicatorAction(teamSlug, indicatorId);
            if (!result.ok) setError(result.message);
          });
        }}
      >
        {t("delete.button")}
      </Button>
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
