"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { leaveTeamAction } from "@/lib/teams/actions";

/** Leaves the team after a confirmation; the last owner gets an explanation instead. */
export function LeaveTeamButton({ teamSlug }: { teamSlug: string }) {
  const t = useTranslations("members");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [confirmDialog, confirm] = useConfirm();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="secondary"
        isPending={isPending}
        onClick={() =>
          confirm(t("confirmLeave"), () => {
            startTransition(async () => {
              const result = await leaveTeamAction(teamSlug);
              if (result && !result.ok) setError(result.message);
            });
          })
        }
      >
        {t("leave")}
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
