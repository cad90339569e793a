"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/config";

/** A select between English and Chinese; saves the choice and re-renders. */
export function LanguageSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const [isPending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("language")}</span>
      <select
        value={locale}
        disabled={isPending}
        onChange={(e) => {
          const value = e.target.value;
          startTransition(() => setLocaleAction(value));
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        aria-label={t("language")}
      >
        {LOCALES.map((value) => (
          <option key={value} value={value} lang={value}>
            {t(`localeNames.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
