import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div>
        <p className="text-2xl font-bold text-brand-800">{t("appName")}</p>
        <p className="text-sm text-slate-700">{t("tagline")}</p>
      </div>
      {children}
    </main>
  );
}
