import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getPlan } from "@/lib/plans/get-plan";
import { getTeamContext } from "@/lib/server/team-context";

/** The signed-in member's team context plus one of its plans (404 otherwise); one lookup per request. */
export const getPlanContext = cache(async (teamSlug: string, planId: string) => {
  const context = await getTeamContext(teamSlug);
  const plan = await getPlan({ teamId: context.team.id, planId });
  return { ...context, plan };
});

type PlanPageProps = { params: Promise<{ teamSlug: string; planId: string }> };

/** generateMetadata for a plan sub-page whose namespace has a `metaTitle` message with a {plan} placeholder. */
export function planPageMetadata(namespace: "dashboard" | "report" | "indicators") {
  return async ({ params }: PlanPageProps): Promise<Metadata> => {
    const { teamSlug, planId } = await params;
    const [{ plan }, t] = await Promise.all([getPlanContext(teamSlug, planId), getTranslations(namespace)]);
    return { title: t("metaTitle", { plan: plan.title }) };
  };
}
