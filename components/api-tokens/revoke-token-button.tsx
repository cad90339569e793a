"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { revokeApiTokenAction } from "@/lib/api-tokens/actions";

/** Revokes a token after an inline confirmation. */
export function RevokeTokenButton({ teamSlug, tokenId, name }: { teamSlug: string; tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (!isConfirming) {
    return (
      <Button
        type="button"
        variant="ghost"
        aria-label={t("revokeLabel", { name })}
        onClick={() => setIsConfirming(true)}
      >
        {t("revoke")}
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm">{t("confirmRevoke", { name })}</span>
      <Button
        type="button"
        variant="danger"
        isPending={isPending}
        onClick={() => {
          setError(null);
          startTransition(async () => {
            const result = await revokeApiTokenAction(teamSlug, tokenId);
            if (result.ok) setIsConfirming(false);
            else setError(result.message);
          });
        }}
      >
        {t("confirm")}
      </Button>
      <Button type="button" variant="ghost" onClick={() => setIsConfirming(false)}>
        {t("cancel")}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </div>
  );
}
