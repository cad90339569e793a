"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

/** One day of the trend: whole percent per dilemma code, null when not addressed. */
export type TrendRow = { day: string; values: Record<string, number | null> };

// Distinct hues plus distinct dash patterns, so the lines stay apart in greyscale print.
const styles = [
  { stroke: "#1d4ed8", dash: undefined },
  { stroke: "#b45309", dash: "6 3" },
  { stroke: "#047857", dash: "2 3" },
  { stroke: "#7e22ce", dash: "10 3 2 3" },
] as const;

/** One line per dilemma over time, y 0–100 %, with the same numbers in a table. */
export function TrendChart({ rows, dilemmas }: { rows: TrendRow[]; dilemmas: { code: string; name: string }[] }) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const dayLabel = (day: string) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  const data = rows.map((r) => ({ day: r.day, ...r.values }));
  const percent = (value: unknown) => (typeof value === "number" ? t("percent", { value }) : t("notAddressed"));
  return (
    <div className="flex flex-col gap-3">
      <div aria-hidden="true">
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
      </div>
      <details className="text-sm print:hidden">
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
              {rows.map((r) => (
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
