"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton() {
  const t = useTranslations("dashboard");
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass("secondary")} print:hidden`}>
      {t("print")}
    </button>
  );
}
