"use client";

import type { ReactNode } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * A form's controls, disabled while the server's HTML shows and enabled once React
 * has hydrated it: a value typed or a box ticked before then would be reset by the
 * form library as it takes over (or sent by a native submit), so nothing can be
 * entered until the form can keep it. Lays out as if it were not there.
 */
export function HydratedFieldset({ children }: { children: ReactNode }) {
  const isHydrated = useHydrated();
  return (
    <fieldset disabled={!isHydrated} className="contents">
      {children}
    </fieldset>
  );
}
