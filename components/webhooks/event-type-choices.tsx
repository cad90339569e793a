"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { WEBHOOK_EVENT_GROUPS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/validation/webhook";

/** The event types of an endpoint as checkboxes grouped by area, with "select all" and "select none". */
export function EventTypeChoices({
  register,
  onSetAll,
  error,
  errorId,
}: {
  register: UseFormRegisterReturn;
  onSetAll: (types: WebhookEventType[]) => void;
  error?: string;
  errorId: string;
}) {
  const t = useTranslations("webhooks");
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("eventTypes")}</legend>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => onSetAll([...WEBHOOK_EVENT_TYPES])}>
          {t("selectAll")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onSetAll([])}>
          {t("selectNone")}
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {WEBHOOK_EVENT_GROUPS.map(([group, types]) => (
          <fieldset key={group} className="flex flex-col gap-1 rounded-md border border-slate-200 p-2">
            <legend className="px-1 text-sm font-medium">{t(`groups.${group}` as "groups.task")}</legend>
            {types.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={type} className="size-4" {...register} />
                <span className="font-mono text-xs wrap-anywhere">{type}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
