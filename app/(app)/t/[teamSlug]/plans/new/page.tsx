import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { PlanWizard } from "@/components/plans/plan-wizard";
import { Card } from "@/components/ui/card";
import { runOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { areas, mainDilemmasOfArea, templatesForArea } from "@/lib/catalog/catalog";
import { getDilemma, getPath } from "@/lib/catalog/lookup";
import type { DilemmaCode, Weight } from "@/lib/catalog/types";
import { getRecentDiagnostics } from "@/lib/diagnostic/diagnostic";
import { rankTemplates, suggestedAreas, templateNeed } from "@/lib/diagnostic/suggest";
import { localize } from "@/lib/i18n/config";
import { findMembers } from "@/lib/members/find-members";
import {
  parseWizardState,
  serializeWizardState,
  type WizardAreaView,
  type WizardMember,
  withDefaultDates,
} from "@/lib/plans/wizard-state";
import { getTeamContext, operationActor } from "@/lib/server/team-context";
import { todayIn } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wizard");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ teamSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function NewPlanPage({ params, searchParams }: Props) {
  const { teamSlug } = await params;
  const context = await getTeamContext(teamSlug);
  const { team, role } = context;
  const t = await getTranslations("wizard");

  if (!can(role, "plans.create")) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Card>
          <p className="text-slate-700">{t("cannotCreate")}</p>
          <Link
            href={`/t/${team.slug}`}
            className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
          >
            {t("backToPlans")}
          </Link>
        </Card>
      </div>
    );
  }

  const [memberships, locale, query, [diagnostic], format] = await Promise.all([
    findMembers({ teamId: team.id }),
    getLocale(),
    searchParams,
    runOperation(getRecentDiagnostics, operationActor(context), {}),
    getFormatter(),
  ]);
  const members: WizardMember[] = memberships.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
  }));
  const catalog: WizardAreaView[] = areas.map((area) => ({
    code: area.code,
    name: localize(area.name, locale),
    section: area.section,
    dilemmas: mainDilemmasOfArea(area.code).map((code) => ({ code, name: localize(getDilemma(code).name, locale) })),
    // With a diagnostic, the templates that answer its gaps most (gap × weight) come first.
    templates: (diagnostic
      ? rankTemplates(templatesForArea(area.code), diagnostic.maturity)
      : templatesForArea(area.code)
    ).map((template) => ({
      key: template.key,
      text: localize(template.text, locale),
      weights: (Object.entries(template.weights) as [DilemmaCode, Weight][]).map(([code, weight]) => ({
        code,
        name: localize(getDilemma(code).name, locale),
        weight,
      })),
      path: { code: template.path, name: localize(getPath(template.path).name, locale) },
      durationDays: template.durationDays,
      need: diagnostic ? Math.round(templateNeed(template, diagnostic.maturity) * 10) / 10 : undefined,
    })),
  }));
  const parsed = parseWizardState(query, { memberIds: members.map((m) => m.userId) });
  // "Today" is the reader's calendar day (their time zone); a fresh wizard starts then and aims six months ahead.
  const today = todayIn(await getTimeZone());
  // A fresh wizard (no step or areas in the address yet) starts with the areas the latest diagnostic points to.
  const isFresh = !("areas" in query) && (!("step" in query) || query.step === "details");
  const preselected = diagnostic && isFresh ? suggestedAreas(diagnostic.maturity) : [];
  const initialState = withDefaultDates(preselected.length > 0 ? { ...parsed, areas: preselected } : parsed, today);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {diagnostic ? (
          <p role="note" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800">
            {t("fromDiagnostic", {
              date: format.dateTime(diagnostic.createdAt, { dateStyle: "medium" }),
              areas: preselected.join(", "),
              hasAreas: String(preselected.length > 0),
            })}{" "}
            <Link href={`/t/${team.slug}/diagnostic`} className="text-brand-700 underline">
              {t("diagnosticLink")}
            </Link>
          </p>
        ) : (
          <p className="text-sm text-slate-600">
            {t("noDiagnostic")}{" "}
            <Link href={`/t/${team.slug}/diagnostic`} className="text-brand-700 underline">
              {t("diagnosticLink")}
            </Link>
          </p>
        )}
      </div>
      <PlanWizard
        teamSlug={team.slug}
        catalog={catalog}
        members={members}
        initialState={initialState}
        initialQuery={serializeWizardState(parsed)}
        today={today}
      />
    </div>
  );
}
