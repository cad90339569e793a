// Renders a client component for a component test (happy-dom): with the UI
// messages of a locale and an app router that records where it was sent.
import { render } from "@testing-library/react";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement } from "react";
import { vi } from "vitest";
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

export function renderComponent(ui: ReactElement, { locale = "en" }: { locale?: Locale } = {}) {
  const router = {
    back: vi.fn(),
    forward: vi.fn(),
    refresh: vi.fn(),
    push: vi.fn(),
    replace: vi.fn(),
    prefetch: vi.fn(),
  };
  const wrap = (element: ReactElement) => (
    <AppRouterContext.Provider value={router as unknown as AppRouterInstance}>
      <NextIntlClientProvider locale={locale} messages={loadMessages(locale)} timeZone="UTC">
        {element}
      </NextIntlClientProvider>
    </AppRouterContext.Provider>
  );
  const result = render(wrap(ui));
  /** Renders the component again with new props (as a server re-render would), keeping its state. */
  const rerenderWith = (element: ReactElement) => result.rerender(wrap(element));
  return { ...result, router, rerenderWith };
}
