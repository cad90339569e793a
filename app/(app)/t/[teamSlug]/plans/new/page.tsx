import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { PlanWizard } from "@/components/plans/plan-wizard";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { areas, mainDilemmasOfArea, templatesForArea } from "@/lib/catalog/catalog";
import { getDilemma, getPath } from "@/lib/catalog/lookup";
import type { DilemmaCode, Weight } from "@/lib/catalog/types";
import { localize } from "@/lib/i18n/config";
import { findMembers } from "@/lib/members/find-members";
import {
  parseWizardState,
  serializeWizardState,
  type WizardAreaView,
  type WizardMember,
  withDefaultDates,
} from "@/lib/plans/wizard-state";
import { getTeamContext } from "@/lib/server/team-context";
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
  const { team, role } = await getTeamContext(teamSlug);
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

  const [memberships, locale, query] = await Promise.all([findMembers({ teamId: team.id }), getLocale(), searchParams]);
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
    templates: templatesForArea(area.code).map((template) => ({
      key: template.key,
      text: localize(template.text, locale),
      weights: (Object.entries(template.weights) as [DilemmaCode, Weight][]).map(([code, weight]) => ({
        code,
        name: localize(getDilemma(code).name, locale),
        weight,
      })),
      path: { code: template.path, name: localize(getPath(template.path).name, locale) },
      durationDays: template.durationDays,
    })),
  }));
  const parsed = parseWizardState(query, { memberIds: members.map((m) => m.userId) });
  // "Today" is the reader's calendar day (their time zone); a fresh wizard starts then and aims six months ahead.
  const today = todayIn(await getTimeZone());
  const initialState = withDefaultDates(parsed, today);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
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
