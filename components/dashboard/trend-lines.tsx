"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

// Distinct hues plus distinct dash patterns, so the lines stay apart in greyscale print.
const styles = [
  { stroke: "#1d4ed8", dash: undefined },
  { stroke: "#b45309", dash: "6 3" },
  { stroke: "#047857", dash: "2 3" },
  { stroke: "#7e22ce", dash: "10 3 2 3" },
] as const;

/** The trend's lines (recharts); TrendChart loads it in the browser only. */
export function TrendLines({
  data,
  dilemmas,
}: {
  data: Record<string, string | number | null>[];
  dilemmas: { code: string; name: string }[];
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const dayLabel = (day: string) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  const percent = (value: unknown) => (typeof value === "number" ? t("percent", { value }) : t("notAddressed"));
  return (
    <LineChart
      accessibilityLayer={false}
      responsive
      style={{ width: "100%", height: 300 }}
      data={data}
      margin={{ top: 8, right: 16, bottom: 0, left: -8 }}
    >
      <CartesianGrid stroke="#e2e8f0" />
      <XAxis dataKey="day" tickFormatter={dayLabel} tick={{ fontSize: 12, fill: "#334155" }} minTickGap={24} />
      <YAxis
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        tickFormatter={(v: number) => t("percent", { value: v })}
        tick={{ fontSize: 12, fill: "#334155" }}
      />
      <Tooltip
        labelFormatter={(label) => dayLabel(typeof label === "string" ? label : "")}
        formatter={(value) => percent(value)}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {dilemmas.map((d, i) => {
        const style = styles[i % styles.length]!;
        return (
          <Line
            key={d.code}
            type="monotone"
            dataKey={d.code}
            name={`${d.code} · ${d.name}`}
            stroke={style.stroke}
            strokeDasharray={style.dash}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        );
      })}
    </LineChart>
  );
}
