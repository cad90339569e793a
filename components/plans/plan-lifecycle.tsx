"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { deletePlanAction, duplicatePlanAction, setPlanStatusAction } from "@/lib/plans/actions";
import { fieldErrorOf } from "@/components/forms/apply-server-errors";

/** Lifecycle buttons for the moves allowed now, plus duplicate. */
export function PlanLifecycle({
  teamSlug,
  planId,
  moves,
  canDuplicate,
}: {
  teamSlug: string;
  planId: string;
  moves: string[];
  canDuplicate: boolean;
}) {
  const t = useTranslations("planSettings");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const act = (fn: () => Promise<{ ok: boolean; message?: string } | undefined>) => {
    setError(null);
    startTransition(async () => {
      const result = await fn();
      if (result && !result.ok) setError(result.message ?? null);
    });
  };
  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        {moves.map((status) => (
          <Button
            key={status}
            type="button"
            variant="secondary"
            isPending={isPending}
            onClick={() => act(() => setPlanStatusAction(teamSlug, planId, status))}
          >
            {t(`move.${status}`)}
          </Button>
        ))}
        {canDuplicate ? (
          <Button
            type="button"
            variant="secondary"
            isPending={isPending}
            onClick={() => act(() => duplicatePlanAction(teamSlug, planId))}
          >
            {t("duplicate")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** Deletes the plan once its title is typed exactly. */
export function DeletePlanForm({ teamSlug, planId, title }: { teamSlug: string; planId: string; title: string }) {
  const t = useTranslations("planSettings");
  const [confirmTitle, setConfirmTitle] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="flex max-w-lg flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await deletePlanAction(teamSlug, planId, confirmTitle);
          if (result && !result.ok) setError(fieldErrorOf(result, "confirmTitle") ?? result.message);
        });
      }}
    >
      <Field
        name="confirmTitle"
        label={t("typeToConfirm", { title })}
        value={confirmTitle}
        onChange={(e) => setConfirmTitle(e.target.value)}
        error={error}
        autoComplete="off"
      />
      <Button type="submit" variant="danger" isPending={isPending} disabled={confirmTitle.trim() !== title.trim()}>
        {t("deletePlan")}
      </Button>
    </form>
  );
}
