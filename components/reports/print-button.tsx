"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** Opens the browser's print dialog (print or save as PDF); hidden on paper. */
export function PrintButton() {
  const t = useTranslations("report");
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass("primary")} print:hidden`}>
      {t("print")}
    </button>
  );
}
