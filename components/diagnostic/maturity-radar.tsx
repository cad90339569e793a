"use client";

import { useTranslations } from "next-intl";
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Legend } from "recharts";

/** One dilemma's maturity in whole percent, now and (if any) at the diagnostic before. */
export type MaturityRow = { code: string; name: string; latest: number; previous: number | null };

/** Maturity per dilemma as a radar (latest and previous diagnostic), with the same numbers in a table. */
export function MaturityRadar({
  rows,
  latestLabel,
  previousLabel,
}: {
  rows: MaturityRow[];
  latestLabel: string;
  previousLabel: string | null;
}) {
  const t = useTranslations("diagnostic");
  const hasPrevious = previousLabel !== null && rows.some((r) => r.previous !== null);
  return (
    <div className="flex flex-col gap-3">
      <div aria-hidden="true" className="mx-auto w-full max-w-md">
        <RadarChart
          accessibilityLayer={false}
          responsive
          style={{ width: "100%", height: 300 }}
          data={rows}
          outerRadius="70%"
        >
          <PolarGrid stroke="#cbd5e1" />
          <PolarAngleAxis dataKey="code" tick={{ fontSize: 13, fill: "#334155" }} />
          <PolarRadiusAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100] as never}
            tick={{ fontSize: 10, fill: "#475569" }}
            angle={90}
          />
          {hasPrevious ? (
            <Radar
              name={previousLabel}
              dataKey="previous"
              stroke="#b45309"
              strokeDasharray="6 3"
              fill="#b45309"
              fillOpacity={0.08}
              isAnimationActive={false}
            />
          ) : null}
          <Radar
            name={latestLabel}
            dataKey="latest"
            stroke="#1d4ed8"
            fill="#1d4ed8"
            fillOpacity={0.25}
            isAnimationActive={false}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
        </RadarChart>
      </div>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("result.caption")}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("result.dilemma")}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              {t("result.maturity")}
            </th>
            {hasPrevious ? (
              <th scope="col" className="py-1 text-right font-medium">
                {t("result.change")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row" className="py-1 pr-3 font-normal">
                {r.code} · {r.name}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums" data-testid={`maturity-${r.code}`}>
                {t("percent", { value: r.latest })}
              </td>
              {hasPrevious ? (
                <td className="py-1 text-right tabular-nums">
                  {r.previous === null ? "–" : t("result.points", { value: r.latest - r.previous })}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
