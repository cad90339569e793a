import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto flex min-h-screen w-full max-w-md flex-col gap-6 px-4 py-6">
      <header className="flex items-start justify-between gap-3">
        <div>
          <p className="text-2xl font-bold text-brand-800">{t("appName")}</p>
          <p className="text-sm text-slate-700">{t("tagline")}</p>
        </div>
        <LanguageSwitcher />
      </header>
      <main id="main" className="flex flex-1 flex-col justify-center gap-6 pb-10">
        {children}
      </main>
    </div>
  );
}
