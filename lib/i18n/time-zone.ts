import type { Locale } from "@/lib/i18n/config";

/** The browser's IANA time zone, set by TimeZoneCookie on the first visit (and whenever it changes). */
export const TIME_ZONE_COOKIE = "pathwise-tz";

/** Without the cookie (first response, no JavaScript): China Standard Time for Chinese, UTC otherwise. */
export function defaultTimeZone(locale: Locale): string {
  return locale === "zh-CN" ? "Asia/Shanghai" : "UTC";
}

/** The zone if it is a well-formed IANA name the runtime knows, else undefined (cookies are user input). */
export function toTimeZone(value: string | null | undefined): string | undefined {
  if (!value || value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The time zone dates and times are shown in: the browser's (from the cookie), else the language's default. */
export function resolveTimeZone(cookie: string | null | undefined, locale: Locale): string {
  return toTimeZone(cookie) ?? defaultTimeZone(locale);
}
