"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A read-only value with a copy-to-clipboard button. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useTranslations("common");
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="flex flex-col gap-1">
      <label className="text-sm font-medium" htmlFor="copy-field">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id="copy-field"
          readOnly
          value={value}
          className="flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setIsCopied(true));
          }}
        >
          {isCopied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
