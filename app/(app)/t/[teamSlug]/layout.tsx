import type { ReactNode } from "react";
import { LiveProvider } from "@/components/live/live-provider";
import { latestEventId } from "@/lib/live/team-stream";
import { getTeamContext } from "@/lib/server/team-context";

// The membership guard of every team page: non-members get a 404. The team's
// navigation lives in the app sidebar (components/shell/app-shell.tsx); the live
// provider keeps the team's open pages up to date (components/live/live-provider.tsx).
export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ teamSlug: string }>;
}) {
  const { teamSlug } = await params;
  const { team } = await getTeamContext(teamSlug);
  const since = await latestEventId(team.id);
  return (
    <LiveProvider teamSlug={team.slug} since={since.toString()}>
      <div className="flex flex-col gap-6">{children}</div>
    </LiveProvider>
  );
}
