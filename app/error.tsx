"use client";

import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

const RETRY_MS = 5000;

type State = "checking" | "unavailable" | "error";

/**
 * The error page. In production the browser gets no detail of a server error, so
 * it asks /api/health: when the database is down (or the server is restarting)
 * it shows that, tries again every few seconds and, once the database answers,
 * renders the page again by itself; any other error shows the generic message.
 */
export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  const router = useRouter();
  const [state, setState] = useState<State>("checking");
  const [attempt, setAttempt] = useState(0);
  const wasUnavailable = useRef(false);

  const retry = useCallback(() => {
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [router, reset]);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function check() {
      const response = await fetch("/api/health", { cache: "no-store" }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { status?: string; database?: string } | null;
      if (cancelled) return;
      const unavailable =
        !response || (response.status === 503 && (body?.database === "down" || body?.status === "shutting_down"));
      if (unavailable) {
        wasUnavailable.current = true;
        setState("unavailable");
        timer = setTimeout(() => void check(), RETRY_MS);
      } else if (wasUnavailable.current) retry();
      else setState("error");
    }
    void check();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [attempt, retry]);

  if (state === "unavailable")
    return (
      <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16" aria-live="polite">
        <h1 className="text-xl font-semibold">{t("dbUnavailableTitle")}</h1>
        <p role="alert">{t("dbUnavailableText")}</p>
        <button
          type="button"
          onClick={() => setAttempt((n) => n + 1)}
          className="self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        >
          {t("tryAgainNow")}
        </button>
      </main>
    );
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16">
      {state === "error" ? <p role="alert">{t("somethingWrong")}</p> : null}
      <button
        type="button"
        onClick={reset}
        aria-label={t("tryAgainNow")}
        className="self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      >
        ↻
      </button>
    </main>
  );
}
