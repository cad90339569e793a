import { PlanPageTitle } from "@/components/plans/plan-page-title";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { AddIndicatorForm } from "@/components/indicators/add-indicator-form";
import { IndicatorCard } from "@/components/indicators/indicator-card";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { dilemmas, suggestedIndicators } from "@/lib/catalog/catalog";
import { localize } from "@/lib/i18n/config";
import { findIndicators } from "@/lib/indicators/indicators";
import { getPlanContext, planPageMetadata } from "@/lib/plans/get-plan-context";

type Props = { params: Promise<{ teamSlug: string; planId: string }> };

export const generateMetadata = planPageMetadata("indicators");

export default async function PlanIndicatorsPage({ params }: Props) {
  const { teamSlug, planId } = await params;
  const { team, role, plan } = await getPlanContext(teamSlug, planId);
  const [indicators, locale, timeZone, t] = await Promise.all([
    findIndicators({ teamId: team.id, planId: plan.id }),
    getLocale(),
    getTimeZone(),
    getTranslations("indicators"),
  ]);
  const isArchived = plan.status === "ARCHIVED";
  const canManage = can(role, "indicators.write") && !isArchived;
  const canRecord = can(role, "readings.write") && !isArchived;
  const basePath = `/t/${team.slug}/plans/${plan.id}`;
  // "YYYY-MM-DD" in the app's time zone: the default and latest date of a new reading.
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const unitLabels: Record<string, string> = {
    "%": t("units.percent"),
    count: t("units.count"),
    days: t("units.days"),
    CNY: t("units.cny"),
  };
  const dilemmaOptions = dilemmas.map((d) => ({ code: d.code, name: localize(d.name, locale) }));
  const suggestions = suggestedIndicators.map((s) => ({
    key: s.key,
    dilemma: s.dilemma,
    name: localize(s.name, locale),
    unit: unitLabels[s.unit] ?? s.unit,
    direction: s.direction,
  }));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <PlanPageTitle planHref={basePath} backLabel={t("backToPlan")} planTitle={plan.title} pageTitle={t("title")} />
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      {isArchived ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("archivedNotice")}
        </p>
      ) : null}

      {indicators.length === 0 ? (
        <Card className="flex flex-col items-start gap-3">
          <h2 className="text-lg font-semibold">{t("empty.heading")}</h2>
          <p className="max-w-2xl text-sm text-slate-700">{canManage ? t("empty.canAdd") : t("empty.readOnly")}</p>
          {canManage ? (
            <a href="#add-indicator" className={buttonClass("primary")}>
              {t("empty.action")}
            </a>
          ) : null}
        </Card>
      ) : (
        dilemmaOptions.map((d) => {
          const own = indicators.filter((i) => i.dilemmaCode === d.code);
          return (
            <section key={d.code} aria-labelledby={`dilemma-${d.code}`} className="flex flex-col gap-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`dilemma-${d.code}`} className="text-lg font-semibold">
                  {t("dilemmaHeading", { code: d.code, name: d.name })}
                </h2>
                <span className="text-sm text-slate-600">{t("count", { count: own.length })}</span>
              </div>
              {own.length === 0 ? (
                <p className="text-sm text-slate-600">{t("dilemmaEmpty")}</p>
              ) : (
                <div className="grid gap-4 lg:grid-cols-2">
                  {own.map((i) => (
                    <IndicatorCard
                      key={i.id}
                      indicator={i}
                      teamSlug={team.slug}
                      today={today}
                      canDelete={canManage}
                      canRecord={canRecord}
                    />
                  ))}
                </div>
              )}
            </section>
          );
        })
      )}

      {canManage ? (
        <Card id="add-indicator" className="scroll-mt-6">
          <section aria-labelledby="add-indicator-heading" className="flex flex-col gap-3">
            <div>
              <h2 id="add-indicator-heading" className="text-lg font-semibold">
                {t("add.heading")}
              </h2>
              <p className="text-sm text-slate-600">{t("add.description")}</p>
            </div>
            <AddIndicatorForm
              teamSlug={team.slug}
              planId={plan.id}
              dilemmas={dilemmaOptions}
              suggestions={suggestions}
            />
          </section>
        </Card>
      ) : null}
    </div>
  );
}
