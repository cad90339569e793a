"use client";

import { useFormatter, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useState } from "react";
import { WhenNear } from "./when-near";

/** One day of the trend: whole percent per dilemma code, null when not addressed. */
export type TrendRow = { day: string; values: Record<string, number | null> };

// The chart is drawn in the browser only, once its space is near the viewport (WhenNear):
// recharts is loaded with it, and the server renders the table and a space of the chart's
// height instead of computing SVG paths.
const TrendLines = dynamic(() => import("./trend-lines").then((m) => m.TrendLines), { ssr: false });

/** One line per dilemma over time, y 0–100 %, with the same numbers in a table. */
export function TrendChart({ rows, dilemmas }: { rows: TrendRow[]; dilemmas: { code: string; name: string }[] }) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const dayLabel = (day: string) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  const data = rows.map((r) => ({ day: r.day, ...r.values }));
  const percent = (value: unknown) => (typeof value === "number" ? t("percent", { value }) : t("notAddressed"));
  // A day per row for the plan's whole life: the rows are rendered when the table is opened.
  const [isTableOpen, setTableOpen] = useState(false);
  return (
    <div className="flex flex-col gap-3">
      <WhenNear height={300}>
        <TrendLines data={data} dilemmas={dilemmas} />
      </WhenNear>
      <details className="text-sm print:hidden" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer text-brand-700">{t("table.show")}</summary>
        <div className="relative mt-2 max-h-96 overflow-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("trend.caption")}</caption>
            <thead className="sticky top-0 bg-white">
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  {t("trend.day")}
                </th>
                {dilemmas.map((d) => (
                  <th key={d.code} scope="col" className="py-1 pr-3 text-right" title={d.name}>
                    {d.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(isTableOpen ? rows : []).map((r) => (
                <tr key={r.day} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {dayLabel(r.day)}
                  </th>
                  {dilemmas.map((d) => (
                    <td key={d.code} className="py-1 pr-3 text-right tabular-nums">
                      {percent(r.values[d.code])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
