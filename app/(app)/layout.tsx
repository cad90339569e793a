import type { ReactNode } from "react";
import { headers } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { planOfPath } from "@/components/shell/shortcuts";
import { requireUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/notifications";
import { findPlanTitles } from "@/lib/plans/find-plan-titles";
import { findTeamsOfUser } from "@/lib/teams/find-teams";
import { getThemeChoice } from "@/lib/theme";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [teams, unread, theme, requestHeaders] = await Promise.all([
    findTeamsOfUser({ userId: user.id }),
    countUnread({ userId: user.id }),
    getThemeChoice(),
    headers(),
  ]);
  // The plan of the page being loaded is listed even when it is not among its team's newest (proxy.ts sets x-pathname).
  const { plans, countByTeam } = await findPlanTitles({
    teamIds: teams.map((team) => team.id),
    currentPlanId: planOfPath(requestHeaders.get("x-pathname") ?? ""),
  });
  const slugOf = new Map(teams.map((team) => [team.id, team.slug]));
  return (
    <AppShell
      user={{ name: user.name }}
      teams={teams.map((team) => ({ slug: team.slug, name: team.name, planCount: countByTeam.get(team.id) ?? 0 }))}
      plans={plans.map((plan) => ({ id: plan.id, title: plan.title, teamSlug: slugOf.get(plan.teamId) ?? "" }))}
      unread={unread}
      theme={theme}
    >
      {children}
    </AppShell>
  );
}
