"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Line, LineChart, ReferenceLine, YAxis } from "recharts";

export type ReadingRow = { id: string; value: number; recordedOn: string; note: string; recordedBy: string | null };

/** A tiny line of an indicator's readings (oldest first) with its target dashed; the same readings in a table for everyone. */
export function IndicatorSparkline({
  name,
  unit,
  target,
  readings,
}: {
  name: string;
  unit: string;
  target: number;
  readings: ReadingRow[];
}) {
  const t = useTranslations("indicators");
  const format = useFormatter();
  if (readings.length === 0) return null;
  const day = (value: string) =>
    format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const value = (v: number) => t("valueWithUnit", { value: format.number(v, { maximumFractionDigits: 4 }), unit });
  return (
    <div className="flex flex-col gap-2">
      {readings.length > 1 ? (
        <div aria-hidden="true">
          <LineChart width={200} height={48} data={readings} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
            <YAxis hide domain={["dataMin", "dataMax"]} />
            <ReferenceLine y={target} stroke="#64748b" strokeDasharray="3 3" ifOverflow="extendDomain" />
            <Line
              type="monotone"
              dataKey="value"
              stroke="#1d4ed8"
              strokeWidth={2}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          </LineChart>
        </div>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">{t("readings.show", { count: readings.length })}</summary>
        <div className="relative mt-2 max-h-64 overflow-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("readings.caption", { name })}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  {t("readings.date")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("readings.value")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("readings.note")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("readings.recordedBy")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...readings].reverse().map((r) => (
                <tr key={r.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">
                    {day(r.recordedOn)}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums whitespace-nowrap">{value(r.value)}</td>
                  <td className="py-1 pr-3 break-words whitespace-pre-line">{r.note}</td>
                  <td className="py-1 pr-3">{r.recordedBy ?? t("readings.unknown")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
