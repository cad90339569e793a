import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { loadMessages } from "@/lib/i18n/messages";
import { resolveTimeZone, TIME_ZONE_COOKIE, toTimeZone } from "@/lib/i18n/time-zone";
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, localeFromAcceptLanguage, toLocale } from "@/lib/i18n/config";

/** The request's language: the user's saved preference, then the cookie, then Accept-Language. */
export async function resolveLocale(): Promise<Locale> {
  const user = await getCurrentUser().catch(() => null);
  const fromUser = toLocale(user?.locale);
  if (fromUser) return fromUser;
  const fromCookie = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  if (fromCookie) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

/** The request's time zone: the user's saved choice, then the browser's (cookie), then the language's default. */
export async function resolveRequestTimeZone(locale: Locale): Promise<string> {
  const user = await getCurrentUser().catch(() => null);
  return toTimeZone(user?.timeZone) ?? resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value, locale);
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const timeZone = await resolveRequestTimeZone(locale);
  return { locale, messages: loadMessages(locale), timeZone };
});
