"use client";

import { useTranslations } from "next-intl";

export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16">
      <p role="alert">{t("somethingWrong")}</p>
      <button
        type="button"
        onClick={reset}
        className="self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      >
        ↻
      </button>
    </main>
  );
}
