"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { Conflict, FieldName } from "@/components/tasks/task-form-parts/snapshot";

/** What someone else changed since the form was loaded, and the button that takes their version as the base. */
export function ConflictBanner({
  conflict,
  fieldLabel,
  onUseTheirs,
}: {
  conflict: Conflict;
  fieldLabel: Record<FieldName, string>;
  onUseTheirs: () => void;
}) {
  const t = useTranslations("task");
  const rebasedRef = useRef<HTMLParagraphElement>(null);
  const isRebased = conflict.isRebased;

  // The "use their version" button disappears once used; keep keyboard focus on the note that replaces it.
  useEffect(() => {
    if (isRebased) rebasedRef.current?.focus();
  }, [isRebased]);

  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <p className="font-semibold">{t("conflict.title")}</p>
      <p>{t("conflict.message")}</p>
      {conflict.changes.length === 0 ? (
        <p>{t("conflict.noVisibleChanges")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {conflict.changes.map((change) => (
            <li key={change.field} className="break-words">
              {change.isText
                ? t("conflict.changedText", { field: fieldLabel[change.field] })
                : t("conflict.change", { field: fieldLabel[change.field], from: change.from, to: change.to })}
            </li>
          ))}
        </ul>
      )}
      {conflict.isRebased ? (
        <p ref={rebasedRef} tabIndex={-1} role="status" className="font-medium">
          {t("conflict.rebased")}
        </p>
      ) : (
        <div>
          <Button type="button" variant="secondary" onClick={onUseTheirs}>
            {t("conflict.useTheirs")}
          </Button>
        </div>
      )}
    </div>
  );
}
