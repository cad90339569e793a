import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import { getThemeChoice } from "@/lib/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Pathwise", template: "%s · Pathwise" }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce
  // (see proxy.ts), which a page prerendered at build time could not know.
  await connection();
  const [locale, theme] = await Promise.all([getLocale(), getThemeChoice()]);
  return (
    <html lang={locale} className={theme === "system" ? undefined : theme} suppressHydrationWarning>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          {children}
          <TimeZoneCookie />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
