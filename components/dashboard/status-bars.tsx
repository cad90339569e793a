"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from "recharts";
import type { StatusCount } from "./status-chart";

// Dark enough to stay distinct when printed in grey.
const colors: Record<StatusCount["status"], string> = {
  TODO: "#64748b",
  IN_PROGRESS: "#1d4ed8",
  BLOCKED: "#b91c1c",
  DONE: "#15803d",
  CANCELLED: "#a8a29e",
};

/** The status bars (recharts); StatusChart loads it in the browser only. */
export function StatusBars({ data }: { data: (StatusCount & { label: string })[] }) {
  const t = useTranslations("dashboard");
  return (
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
  );
}
