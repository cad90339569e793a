import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { ImportTeamForm } from "@/components/teams/import-team-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { MAX_ARCHIVE_MB } from "@/lib/team-archive/archive";
import { findTeamsOfUser } from "@/lib/teams/find-teams";

export default async function TeamsPage() {
  const user = await requireUser();
  const [teams, t, tr] = await Promise.all([
    findTeamsOfUser({ userId: user.id }),
    getTranslations("teams"),
    getTranslations("enums.role"),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("yourTeams")}</h1>
      {teams.length === 0 ? (
        <p className="text-slate-700">{t("noTeams")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label={t("yourTeams")}>
          {teams.map((team) => (
            <li key={team.id}>
              <Link
                href={`/t/${team.slug}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="font-medium">{team.name}</span>
                  <Badge>{tr(team.role)}</Badge>
                </span>
                <span className="mt-1 block text-sm text-slate-600">
                  {t("members", { count: team._count.memberships })} · {t("planCount", { count: team._count.plans })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("createTitle")}</h2>
        <CreateTeamForm />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("importTitle")}</h2>
        <ImportTeamForm maxMb={MAX_ARCHIVE_MB} />
      </Card>
    </div>
  );
}
