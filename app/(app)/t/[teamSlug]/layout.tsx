import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LiveProvider } from "@/components/live/live-provider";
import { TeamNav } from "@/components/teams/team-nav";
import { Badge } from "@/components/ui/badge";
import { latestEventId } from "@/lib/live/team-stream";
import { getTeamContext } from "@/lib/server/team-context";

// The membership guard of every team page: non-members get a 404.
export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ teamSlug: string }>;
}) {
  const { teamSlug } = await params;
  const { team, role } = await getTeamContext(teamSlug);
  const [tr, since] = await Promise.all([getTranslations("enums.role"), latestEventId(team.id)]);
  return (
    <LiveProvider teamSlug={team.slug} since={since.toString()}>
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-center gap-3">
          <Link href={`/t/${team.slug}`} className="text-xl font-semibold hover:underline">
            {team.name}
          </Link>
          <Badge tone="blue">{tr(role)}</Badge>
        </div>
        <TeamNav teamSlug={team.slug} />
        {children}
      </div>
    </LiveProvider>
  );
}
