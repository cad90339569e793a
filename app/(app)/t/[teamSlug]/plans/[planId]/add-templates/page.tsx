import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AddTemplatesForm } from "@/components/plans/add-templates-form";
import { can } from "@/lib/authz";
import { areas, templatesForArea } from "@/lib/catalog/catalog";
import { localize } from "@/lib/i18n/config";
import { getPlan } from "@/lib/plans/get-plan";
import { findTemplateKeysInPlan } from "@/lib/plans/find-plans";
import { getTeamContext } from "@/lib/server/team-context";

export default async function AddTemplatesPage({ params }: { params: Promise<{ teamSlug: string; planId: string }> }) {
  const { teamSlug, planId } = await params;
  const { team, role } = await getTeamContext(teamSlug);
  const plan = await getPlan({ teamId: team.id, planId });
  const [locale, t, inPlan] = await Promise.all([
    getLocale(),
    getTranslations("addTemplates"),
    findTemplateKeysInPlan({ teamId: team.id, planId }),
  ]);
  const isWritable = can(role, "tasks.write") && plan.status !== "ARCHIVED";
  const groups = areas.map((a) => ({
    code: a.code,
    label: `${a.code} · ${localize(a.name, locale)}`,
    templates: templatesForArea(a.code).map((tpl) => ({
      key: tpl.key,
      text: localize(tpl.text, locale),
      weights: Object.entries(tpl.weights)
        .map(([d, w]) => `${d}×${w}`)
        .join(" · "),
      isInPlan: inPlan.has(tpl.key),
    })),
  }));
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/t/${team.slug}/plans/${plan.id}`} className="text-sm text-brand-700 underline">
        ← {plan.title}
      </Link>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {isWritable ? <AddTemplatesForm teamSlug={team.slug} planId={plan.id} groups={groups} /> : <p>{t("readOnly")}</p>}
    </div>
  );
}
