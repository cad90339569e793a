"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { WhenNear } from "./when-near";

export type StatusCount = { status: "TODO" | "IN_PROGRESS" | "BLOCKED" | "DONE" | "CANCELLED"; count: number };

// Drawn in the browser only (see TrendChart); the server renders the table.
const StatusBars = dynamic(() => import("./status-bars").then((m) => m.StatusBars), { ssr: false });

/** Task counts per status as a bar chart, with the same numbers in a table. */
export function StatusChart({ counts }: { counts: StatusCount[] }) {
  const t = useTranslations("dashboard");
  const ts = useTranslations("enums.taskStatus");
  const data = counts.map((c) => ({ ...c, label: ts(c.status) }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <div className="flex flex-col gap-3">
      <WhenNear height={220}>
        <StatusBars data={data} />
      </WhenNear>
      <details className="text-sm print:hidden">
        <summary className="cursor-pointer text-brand-700">{t("table.show")}</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{t("status.caption")}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-3">
                {t("status.status")}
              </th>
              <th scope="col" className="py-1 text-right">
                {t("status.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.status} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {d.label}
                </th>
                <td className="py-1 text-right tabular-nums">{d.count}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="py-1 pr-3">
                {t("status.total")}
              </th>
              <td className="py-1 text-right font-medium tabular-nums">{total}</td>
            </tr>
          </tfoot>
        </table>
      </details>
    </div>
  );
}
