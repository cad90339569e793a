"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { WEBHOOK_ERRORS } from "@/lib/validation/webhook";
import { pingWebhookAction } from "@/lib/webhooks/actions";

type Answer = { statusCode: number | null; error: string | null; durationMs: number; isDelivered: boolean };

/** Sends a signed test event ("ping") to the endpoint now and shows what it answered. */
export function PingButton({ teamSlug, endpointId, url }: { teamSlug: string; endpointId: string; url: string }) {
  const t = useTranslations("webhooks");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const problem = (code: string) =>
    (WEBHOOK_ERRORS as readonly string[]).includes(code) ? t(`attemptErrors.${code}` as "attemptErrors.timeout") : code;
  return (
    <div className="flex flex-col gap-1">
      <div>
        <Button
          type="button"
          variant="secondary"
          isPending={isPending}
          aria-label={t("pingLabel", { url })}
          onClick={() => {
            setError(null);
            setAnswer(null);
            startTransition(async () => {
              const result = await pingWebhookAction(teamSlug, endpointId);
              if (result.ok) setAnswer(result.data);
              else setError(result.message);
            });
          }}
        >
          {t("ping")}
        </Button>
      </div>
      {answer ? (
        <p role="status" className={`text-sm ${answer.isDelivered ? "text-green-800" : "text-red-800"}`}>
          {answer.statusCode !== null
            ? t("pingAnswered", { code: answer.statusCode, ms: answer.durationMs })
            : t("pingFailed", { error: problem(answer.error ?? "") })}
        </p>
      ) : null}
      <FormError message={error} />
    </div>
  );
}
