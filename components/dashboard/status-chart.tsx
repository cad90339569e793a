"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from "recharts";

export type StatusCount = { status: "TODO" | "IN_PROGRESS" | "BLOCKED" | "DONE" | "CANCELLED"; count: number };

// Dark enough to stay distinct when printed in grey.
const colors: Record<StatusCount["status"], string> = {
  TODO: "#64748b",
  IN_PROGRESS: "#1d4ed8",
  BLOCKED: "#b91c1c",
  DONE: "#15803d",
  CANCELLED: "#a8a29e",
};

/** Task counts per status as a bar chart, with the same numbers in a table. */
export function StatusChart({ counts }: { counts: StatusCount[] }) {
  const t = useTranslations("dashboard");
  const ts = useTranslations("enums.taskStatus");
  const data = counts.map((c) => ({ ...c, label: ts(c.status) }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <div className="flex flex-col gap-3">
      <div aria-hidden="true">
        <BarChart
          accessibilityLayer={false}
          responsive
          style={{ width: "100%", height: 220 }}
          data={data}
          margin={{ top: 20, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
          <Bar dataKey="count" name={t("status.count")} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.status} fill={colors[d.status]} />
            ))}
            <LabelList dataKey="count" position="top" fontSize={12} fill="#0f172a" />
          </Bar>
        </BarChart>
      </div>
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
