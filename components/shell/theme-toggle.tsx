"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

export type ThemeChoice = "system" | "light" | "dark";
export const THEME_COOKIE = "pathwise-theme";

/** Applies a theme choice to the page at once and keeps it in a cookie for the next server render. */
export function applyTheme(choice: ThemeChoice) {
  const root = document.documentElement;
  root.classList.toggle("dark", choice === "dark");
  root.classList.toggle("light", choice === "light");
  document.cookie = `${THEME_COOKIE}=${choice}; path=/; max-age=31536000; samesite=lax`;
}

/** A select between the system's theme, light and dark. */
export function ThemeToggle({ initial }: { initial: ThemeChoice }) {
  const t = useTranslations("shell");
  const [choice, setChoice] = useState<ThemeChoice>(initial);
  return (
    <select
      aria-label={t("theme")}
      value={choice}
      onChange={(e) => {
        const next = e.target.value as ThemeChoice;
        setChoice(next);
        applyTheme(next);
      }}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
    >
      <option value="system">{t("themeSystem")}</option>
      <option value="light">{t("themeLight")}</option>
      <option value="dark">{t("themeDark")}</option>
    </select>
  );
}
