"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { deleteIndicatorAction } from "@/lib/indicators/actions";

/** Deletes an indicator and its readings after a confirmation. */
export function DeleteIndicatorButton({
  teamSlug,
  indicatorId,
  name,
}: {
  teamSlug: string;
  indicatorId: string;
  name: string;
}) {
  const t = useTranslations("indicators");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [confirmDialog, confirm] = useConfirm();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="ghost"
        className="text-red-700"
        aria-label={t("delete.label", { name })}
        isPending={isPending}
        onClick={() =>
          confirm(t("delete.confirm", { name }), () => {
            setError(null);
            startTransition(async () => {
              const result = await deleteIndicatorAction(teamSlug, indicatorId);
              if (!result.ok) setError(result.message);
            });
          })
        }
      >
        {t("delete.button")}
      </Button>
      {confirmDialog}
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
