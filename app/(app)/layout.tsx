import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/notifications";
import { findPlanTitles } from "@/lib/plans/find-plan-titles";
import { findTeamsOfUser } from "@/lib/teams/find-teams";
import { getThemeChoice } from "@/lib/theme";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [teams, unread, theme] = await Promise.all([
    findTeamsOfUser({ userId: user.id }),
    countUnread({ userId: user.id }),
    getThemeChoice(),
  ]);
  const plans = await findPlanTitles({ teamIds: teams.map((team) => team.id) });
  const slugOf = new Map(teams.map((team) => [team.id, team.slug]));
  return (
    <AppShell
      user={{ name: user.name }}
      teams={teams.map((team) => ({ slug: team.slug, name: team.name }))}
      plans={plans.map((plan) => ({ id: plan.id, title: plan.title, teamSlug: slugOf.get(plan.teamId) ?? "" }))}
      unread={unread}
      theme={theme}
    >
      {children}
    </AppShell>
  );
}
