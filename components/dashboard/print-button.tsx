"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { DRAW_ALL_CHARTS } from "./when-near";

/** Until every chart on the page has drawn its SVG, or `timeoutMs` has passed. */
async function chartsDrawn(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  const pending = () =>
    [...document.querySelectorAll("[data-chart]")].some(
      (el) => el.getAttribute("data-chart") !== "drawn" || !el.querySelector("svg"),
    );
  while (pending() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Opens the browser's print dialog once the charts not yet scrolled to are drawn (they load
 * when near the viewport, see WhenNear); hidden on paper.
 */
export function PrintButton() {
  const t = useTranslations("dashboard");
  const [isPreparing, setPreparing] = useState(false);
  const print = async () => {
    setPreparing(true);
    try {
      window.dispatchEvent(new Event(DRAW_ALL_CHARTS));
      await chartsDrawn(5000);
    } finally {
      setPreparing(false);
    }
    window.print();
  };
  return (
    <button
      type="button"
      onClick={() => void print()}
      aria-busy={isPreparing}
      className={`${buttonClass("secondary")} print:hidden`}
    >
      {t("print")}
    </button>
  );
}
