import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HealthBadge } from "@/components/dashboard/health-badge";
import { Card } from "@/components/ui/card";
import { frameworkHref } from "@/lib/catalog/framework-href";
import type { DilemmaGap } from "@/lib/guide/guide";
import { toPercent } from "@/lib/progress/formula";

const barTone = {
  ON_TRACK: "bg-green-700",
  AT_RISK: "bg-amber-600",
  OFF_TRACK: "bg-red-700",
  NOT_ADDRESSED: "",
} as const;

/** Dilemmas ranked by how far they are behind the elapsed time: a bar each, with a marker where the time says it should be. */
export async function DilemmaGapsCard({
  ranked,
  names,
}: {
  ranked: readonly DilemmaGap[];
  names: Record<string, string>;
}) {
  const t = await getTranslations("guide");
  const lagging = ranked.find((d) => d.behindPoints !== null && d.behindPoints > 0);
  const expected = toPercent(ranked[0]?.expected ?? 0);
  return (
    <Card className="break-inside-avoid print:shadow-none">
      <section aria-labelledby="gaps-heading" className="flex flex-col gap-3">
        <h2 id="gaps-heading" className="text-lg font-semibold">
          {t("gaps.heading")}
        </h2>
        <p className="text-sm font-medium text-slate-800" data-testid="gap-summary">
          {lagging ? t("gaps.behind", { code: lagging.code, points: lagging.behindPoints! }) : t("gaps.noneBehind")}
        </p>
        <p className="text-xs text-slate-600">{t("gaps.rule", { expected })}</p>
        <ol className="flex flex-col gap-3">
          {ranked.map((d) => (
            <li key={d.code} className="flex flex-col gap-1" data-testid={`gap-${d.code}`}>
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <Link href={frameworkHref(d.code)} className="font-medium hover:underline">
                  {d.code} · {names[d.code]}
                </Link>
                <span className="flex items-center gap-2">
                  <span className="text-slate-700 tabular-nums">
                    {d.progress === null
                      ? t("gaps.notAddressed")
                      : d.behindPoints! > 0
                        ? t("gaps.pointsBehind", { points: d.behindPoints! })
                        : t("gaps.pointsAhead", { points: -d.behindPoints! })}
                  </span>
                  <HealthBadge health={d.health} />
                </span>
              </div>
              {d.progress === null ? null : (
                <div
                  role="img"
                  aria-label={t("gaps.barLabel", { code: d.code, progress: toPercent(d.progress), expected })}
                  className="relative h-3 w-full rounded bg-slate-200"
                >
                  <div
                    className={`h-full rounded ${barTone[d.health]}`}
                    style={{ width: `${toPercent(d.progress)}%` }}
                  />
                  <div
                    aria-hidden="true"
                    title={t("gaps.expectedMarker", { expected })}
                    className="absolute -top-1 h-5 w-0.5 bg-slate-900"
                    style={{ left: `calc(${expected}% - 1px)` }}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
        <p className="flex items-center gap-2 text-xs text-slate-600">
          <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-slate-900" />
          {t("gaps.legend", { expected })}
        </p>
      </section>
    </Card>
  );
}
