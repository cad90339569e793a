"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/** Event the print button sends so that every deferred chart draws before the print dialog opens. */
export const DRAW_ALL_CHARTS = "pathwise:draw-all-charts";

/**
 * Keeps a chart's space and mounts it (and so loads its code) only when the space comes within
 * a screen of the viewport, or when the page is about to be printed. The dashboards' charts sit
 * below the cards, often below the fold on a phone: a visitor who never scrolls down never pays
 * for the charting library's download and first render.
 */
export function WhenNear({ height, children }: { height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [isNear, setNear] = useState(false);
  useEffect(() => {
    if (isNear) return;
    const show = () => setNear(true);
    window.addEventListener("beforeprint", show);
    window.addEventListener(DRAW_ALL_CHARTS, show);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: "100% 0px",
    });
    if (ref.current) observer.observe(ref.current);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", show);
      window.removeEventListener(DRAW_ALL_CHARTS, show);
    };
  }, [isNear]);
  return (
    <div ref={ref} aria-hidden="true" data-chart={isNear ? "drawn" : "deferred"} style={{ height }}>
      {isNear ? children : null}
    </div>
  );
}
