import { getFormatter, getTranslations } from "next-intl/server";
import { DeleteIndicatorButton } from "@/components/indicators/delete-indicator-button";
import { IndicatorSparkline } from "@/components/indicators/indicator-sparkline";
import { ReadingForm } from "@/components/indicators/reading-form";
import { Badge } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { IndicatorWithReadings } from "@/lib/indicators/indicators";

/** One indicator: baseline → current → target, progress, its readings, and (for members) recording and deleting. */
export async function IndicatorCard({
  indicator: i,
  teamSlug,
  today,
  canDelete,
  canRecord,
}: {
  indicator: IndicatorWithReadings;
  teamSlug: string;
  today: string;
  canDelete: boolean;
  canRecord: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("indicators"), getFormatter()]);
  const value = (v: number) =>
    t("valueWithUnit", { value: format.number(v, { maximumFractionDigits: 4 }), unit: i.unit });
  const day = (v: string) => format.dateTime(new Date(`${v}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const headingId = `indicator-${i.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <h3 id={headingId} className="font-medium break-words">
            {i.name}
          </h3>
          <div className="flex flex-wrap gap-2">
            <Badge tone={i.suggestedKey ? "blue" : "slate"}>
              {i.suggestedKey ? t("suggestedBadge", { key: i.suggestedKey }) : t("customBadge")}
            </Badge>
            <Badge tone="slate">{t(`direction.${i.direction}`)}</Badge>
          </div>
        </div>
        {canDelete ? <DeleteIndicatorButton teamSlug={teamSlug} indicatorId={i.id} name={i.name} /> : null}
      </div>
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-slate-600">{t("baseline")}</dt>
          <dd className="tabular-nums">{value(i.baseline)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("current")}</dt>
          <dd className="tabular-nums">
            {i.current === null ? (
              t("noReading")
            ) : (
              <>
                <span className="font-semibold">{value(i.current)}</span>
                {i.currentOn ? (
                  <span className="block text-xs text-slate-600">{t("currentOn", { date: day(i.currentOn) })}</span>
                ) : null}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("target")}</dt>
          <dd className="tabular-nums">
            {value(i.target)}
            {i.targetDate ? (
              <span className="block text-xs text-slate-600">{t("targetBy", { date: day(i.targetDate) })}</span>
            ) : null}
          </dd>
        </div>
      </dl>
      <ProgressBar value={i.progress} label={t("progressLabel", { name: i.name })} notAddressed={t("noReading")} />
      <IndicatorSparkline name={i.name} unit={i.unit} target={i.target} readings={i.readings} />
      {canRecord ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">{t("record.open")}</summary>
          <div className="mt-3">
            <ReadingForm teamSlug={teamSlug} indicatorId={i.id} unit={i.unit} today={today} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
