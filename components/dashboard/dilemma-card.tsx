import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChangeLabel } from "@/components/dashboard/change-label";
import { HealthBadge } from "@/components/dashboard/health-badge";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { frameworkHref } from "@/lib/catalog/framework-href";
import { getDilemma } from "@/lib/catalog/lookup";
import type { Health } from "@/lib/progress/formula";
import { toPercent } from "@/lib/progress/formula";

export type DashboardIndicator = {
  id: string;
  name: string;
  unit: string;
  current: number | null;
  target: number;
  progress: number | null;
};

/** One dilemma: its progress, the tasks behind it, the change over 7 and 30 days and the plan's indicators of it. */
export async function DilemmaCard({
  code,
  name,
  progress,
  taskCount,
  health,
  weekAgo,
  monthAgo,
  indicators,
}: {
  code: string;
  name: string;
  progress: number | null;
  taskCount: number;
  health: Health;
  weekAgo: number | null;
  monthAgo: number | null;
  indicators: DashboardIndicator[];
}) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const headingId = `dilemma-${code}`;
  return (
    <Card className="flex break-inside-avoid flex-col gap-3 print:shadow-none">
      <section aria-labelledby={headingId} className="flex flex-col gap-3">
        <div className="flex items-start justify-between gap-2">
          <h3 id={headingId} className="font-semibold">
            {code} · {name}
          </h3>
          <HealthBadge health={health} />
        </div>
        <p className="text-sm">
          <Link href={frameworkHref(code)} className="text-brand-700 underline">
            {t("dilemmas.explained", { code, section: getDilemma(code).section })}
          </Link>
        </p>
        <ProgressBar value={progress} label={`${code} ${name}`} notAddressed={t("notAddressed")} />
        <p className="text-sm text-slate-600">{t("dilemmas.tasks", { count: taskCount })}</p>
        <div className="text-sm">
          <h4 className="mb-1 font-medium">{t("dilemmas.changes")}</h4>
          <dl className="flex flex-wrap gap-x-4 gap-y-1">
            <div className="flex gap-2">
              <dt className="text-slate-600">{t("dilemmas.change7")}</dt>
              <dd>
                <ChangeLabel now={progress} past={weekAgo} />
              </dd>
            </div>
            <div className="flex gap-2">
              <dt className="text-slate-600">{t("dilemmas.change30")}</dt>
              <dd>
                <ChangeLabel now={progress} past={monthAgo} />
              </dd>
            </div>
          </dl>
        </div>
        <div>
          <h4 className="mb-1 text-sm font-medium">{t("dilemmas.indicators")}</h4>
          {indicators.length === 0 ? (
            <p className="text-sm text-slate-600">{t("dilemmas.noIndicators")}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {indicators.map((i) => (
                <li key={i.id} className="text-sm">
                  <div className="flex flex-wrap justify-between gap-2">
                    <span>{i.name}</span>
                    <span className="tabular-nums text-slate-700">
                      {i.current === null
                        ? t("dilemmas.noReading")
                        : t("dilemmas.indicatorValue", {
                            current: format.number(i.current),
                            target: format.number(i.target),
                            unit: i.unit,
                          })}
                    </span>
                  </div>
                  {i.progress === null ? null : (
                    <div className="mt-1 flex items-center gap-2">
                      <div
                        role="progressbar"
                        aria-label={t("dilemmas.indicatorProgress", { name: i.name })}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={toPercent(i.progress)}
                        className="h-1.5 w-full overflow-hidden rounded bg-slate-200"
                      >
                        <div className="h-full bg-slate-600" style={{ width: `${toPercent(i.progress)}%` }} />
                      </div>
                      <span className="w-12 text-right tabular-nums">
                        {t("percent", { value: toPercent(i.progress) })}
                      </span>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </Card>
  );
}
