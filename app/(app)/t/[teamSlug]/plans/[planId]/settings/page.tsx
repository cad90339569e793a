import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlanDetailsForm } from "@/components/plans/plan-details-form";
import { DeletePlanForm, PlanLifecycle } from "@/components/plans/plan-lifecycle";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { getPlan } from "@/lib/plans/get-plan";
import { getTeamContext } from "@/lib/server/team-context";
import { toDateInput } from "@/lib/validation/common";
import { PLAN_TRANSITIONS } from "@/lib/validation/plan";

export default async function PlanSettingsPage({ params }: { params: Promise<{ teamSlug: string; planId: string }> }) {
  const { teamSlug, planId } = await params;
  const { team, role } = await getTeamContext(teamSlug);
  const plan = await getPlan({ teamId: team.id, planId });
  const t = await getTranslations("planSettings");
  const canArchive = can(role, "plans.archive");
  const moves = can(role, "plans.lifecycle")
    ? PLAN_TRANSITIONS[plan.status].filter((s) => canArchive || (s !== "ARCHIVED" && plan.status !== "ARCHIVED"))
    : [];
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/t/${team.slug}/plans/${plan.id}`} className="text-sm text-brand-700 underline">
        ← {plan.title}
      </Link>
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <PlanStatusBadge status={plan.status} />
      </div>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("details")}</h2>
        {can(role, "plans.update") && plan.status !== "ARCHIVED" ? (
          <PlanDetailsForm
            teamSlug={team.slug}
            defaults={{
              planId: plan.id,
              version: plan.version,
              title: plan.title,
              description: plan.description,
              startDate: toDateInput(plan.startDate),
              targetDate: toDateInput(plan.targetDate),
            }}
          />
        ) : (
          <p className="text-sm text-slate-700">{t("detailsReadOnly")}</p>
        )}
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("lifecycle")}</h2>
        <p className="mb-3 text-sm text-slate-700">{t("lifecycleExplain")}</p>
        <PlanLifecycle teamSlug={team.slug} planId={plan.id} moves={moves} canDuplicate={can(role, "plans.create")} />
      </Card>
      {can(role, "plans.delete") ? (
        <Card className="border-red-200">
          <h2 className="mb-1 text-lg font-semibold text-red-800">{t("deleteHeading")}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("deleteExplain")}</p>
          <DeletePlanForm teamSlug={team.slug} planId={plan.id} title={plan.title} />
        </Card>
      ) : null}
    </div>
  );
}
