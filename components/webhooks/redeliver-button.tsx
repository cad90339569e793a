"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { redeliverWebhookAction } from "@/lib/webhooks/actions";

/** Queues one more attempt of a delivery (the next run, within a minute). */
export function RedeliverButton({
  teamSlug,
  deliveryId,
  event,
}: {
  teamSlug: string;
  deliveryId: string;
  event: string;
}) {
  const t = useTranslations("webhooks");
  const [isQueued, setIsQueued] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant="secondary"
        isPending={isPending}
        disabled={isQueued}
        aria-label={isQueued ? undefined : t("redeliverLabel", { event })}
        onClick={() => {
          setError(null);
          startTransition(async () => {
            const result = await redeliverWebhookAction(teamSlug, deliveryId);
            if (result.ok) setIsQueued(true);
            else setError(result.message);
          });
        }}
      >
        {isQueued ? t("redelivered") : t("redeliver")}
      </Button>
      <FormError message={error} />
    </div>
  );
}
