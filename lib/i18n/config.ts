import type { Bilingual } from "@/lib/catalog/types";

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "pathwise-locale";

/** Narrows any string to a supported locale, or undefined. */
export function toLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === "en" || v.startsWith("en-")) return "en";
  if (v === "zh" || v.startsWith("zh")) return "zh-CN";
  return undefined;
}

/** The first supported language of an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag, q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

/** The catalog text in the given language. */
export function localize(text: Bilingual, locale: string): string {
  return locale === "zh-CN" ? text.zh : text.en;
}
