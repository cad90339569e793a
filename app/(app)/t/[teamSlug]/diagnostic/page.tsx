import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DiagnosticForm } from "@/components/diagnostic/diagnostic-form";
import { MaturityRadar } from "@/components/diagnostic/maturity-radar";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { runOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { dilemmas } from "@/lib/catalog/catalog";
import { getAreaOfDilemmaLabel, maturityRows } from "@/lib/diagnostic/view";
import { getRecentDiagnostics } from "@/lib/diagnostic/diagnostic";
import { statementsOf } from "@/lib/diagnostic/statements";
import { suggestedAreas } from "@/lib/diagnostic/suggest";
import { frameworkHref } from "@/lib/catalog/framework-href";
import { localize } from "@/lib/i18n/config";
import { getTeamContext, operationActor } from "@/lib/server/team-context";

type Props = { params: Promise<{ teamSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("diagnostic");
  return { title: t("title") };
}

export default async function DiagnosticPage({ params }: Props) {
  const { teamSlug } = await params;
  const context = await getTeamContext(teamSlug);
  const { team, role } = context;
  const [recent, locale, format, t] = await Promise.all([
    runOperation(getRecentDiagnostics, operationActor(context), {}),
    getLocale(),
    getFormatter(),
    getTranslations("diagnostic"),
  ]);
  const [latest, previous] = recent;
  const formatDay = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const groups = dilemmas.map((d) => ({
    code: d.code,
    name: localize(d.name, locale),
    section: d.section,
    statements: statementsOf(d.code).map((s) => ({ key: s.key, text: localize(s.text, locale) })),
  }));
  const canTake = can(role, "diagnostics.take");

  return (
    <div className="flex flex-col gap-6">
      <div className="flex max-w-3xl flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <p className="text-sm text-slate-600">
          {t("rule")}{" "}
          <Link href={frameworkHref("dilemmas")} className="text-brand-700 underline">
            {t("frameworkLink")}
          </Link>
        </p>
      </div>

      {latest ? (
        <Card>
          <section aria-labelledby="maturity-heading" className="flex flex-col gap-3">
            <h2 id="maturity-heading" className="text-lg font-semibold">
              {t("result.heading")}
            </h2>
            <p className="text-sm text-slate-600">
              {t("result.takenOn", { date: formatDay(latest.createdAt), name: latest.takenBy ?? t("result.someone") })}
              {previous ? ` ${t("result.previousOn", { date: formatDay(previous.createdAt) })}` : null}
            </p>
            <MaturityRadar
              rows={maturityRows(latest, previous, locale)}
              latestLabel={formatDay(latest.createdAt)}
              previousLabel={previous ? formatDay(previous.createdAt) : null}
            />
            <p className="text-sm text-slate-700">
              {t("result.suggested", {
                areas: suggestedAreas(latest.maturity)
                  .map((code) => getAreaOfDilemmaLabel(code, locale))
                  .join(t("result.listSeparator")),
              })}
            </p>
            {can(role, "plans.create") ? (
              <div>
                <Link href={`/t/${team.slug}/plans/new`} className={buttonClass("primary")}>
                  {t("result.buildPlan")}
                </Link>
              </div>
            ) : null}
          </section>
        </Card>
      ) : null}

      <section aria-labelledby="form-heading" className="flex flex-col gap-3">
        <h2 id="form-heading" className="text-lg font-semibold">
          {latest ? t("form.retake") : t("form.heading")}
        </h2>
        {canTake ? (
          <DiagnosticForm teamSlug={team.slug} groups={groups} initial={latest ? { ...latest.answers } : {}} />
        ) : (
          <p className="text-sm text-slate-600">{t("form.readOnly")}</p>
        )}
      </section>
    </div>
  );
}
