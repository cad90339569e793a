"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { deleteWebhookAction, rollWebhookSecretAction, setWebhookEnabledAction } from "@/lib/webhooks/actions";

type Confirming = "roll" | "delete" | null;

/** An endpoint's buttons: enable or disable, roll its secret (shown once) and delete, the last two confirmed inline. */
export function EndpointActions({
  teamSlug,
  endpointId,
  url,
  isEnabled,
  afterDelete,
}: {
  teamSlug: string;
  endpointId: string;
  url: string;
  isEnabled: boolean;
  /** Where to go once the endpoint is deleted (from its own page). */
  afterDelete?: string;
}) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const run = (action: () => Promise<{ ok: true } | { ok: false; message: string }>) => {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) setConfirming(null);
      else setError(result.message);
    });
  };

  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm">{confirming === "roll" ? t("confirmRoll") : t("confirmDelete")}</span>
          <Button
            type="button"
            variant="danger"
            isPending={isPending}
            onClick={() =>
              run(async () => {
                if (confirming === "delete") {
                  const deleted = await deleteWebhookAction(teamSlug, endpointId);
                  if (deleted.ok && afterDelete) router.push(afterDelete);
                  return deleted;
                }
                const result = await rollWebhookSecretAction(teamSlug, endpointId);
                if (result.ok) setSecret(result.data.secret);
                return result;
              })
            }
          >
            {t("confirm")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(null)}>
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="secondary"
            isPending={isPending}
            aria-label={isEnabled ? t("disableLabel", { url }) : t("enableLabel", { url })}
            onClick={() => run(() => setWebhookEnabledAction(teamSlug, endpointId, !isEnabled))}
          >
            {isEnabled ? t("disable") : t("enable")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            aria-label={t("rollSecretLabel", { url })}
            onClick={() => {
              setSecret(null);
              setConfirming("roll");
            }}
          >
            {t("rollSecret")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            aria-label={t("deleteLabel", { url })}
            onClick={() => setConfirming("delete")}
          >
            {t("delete")}
          </Button>
        </div>
      )}
      {secret ? (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-3">
          <p className="text-sm">{t("rolledOnce")}</p>
          <CopyField label={t("secretLabel", { url })} value={secret} />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
