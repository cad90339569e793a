"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

/** Sets the UI language: saved on the user when signed in, and in a cookie for signed-out pages. */
export async function setLocaleAction(value: string) {
  const locale = toLocale(value);
  if (!locale) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  revalidatePath("/", "layout");
}
