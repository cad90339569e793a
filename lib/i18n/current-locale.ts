import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_LOCALE, type Locale, toLocale } from "@/lib/i18n/config";

/** A user's saved language, for text a data function writes (e.g. task titles from templates). */
export async function getLocale(userId: string): Promise<Locale> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return toLocale(user?.locale) ?? DEFAULT_LOCALE;
}
