import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackupStatusCard } from "@/components/ops/backup-status-card";
import { DeleteTeamForm } from "@/components/teams/delete-team-form";
import { TeamSettingsForm } from "@/components/teams/team-settings-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { getTeamContext } from "@/lib/server/team-context";

export default async function TeamSettingsPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const { team, role } = await getTeamContext(teamSlug);
  const [t, ta, tw] = await Promise.all([
    getTranslations("settings"),
    getTranslations("apiTokens"),
    getTranslations("webhooks"),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("general")}</h2>
        {can(role, "team.update") ? (
          <TeamSettingsForm teamSlug={team.slug} name={team.name} />
        ) : (
          <p className="text-sm text-slate-700">{t("readOnly")}</p>
        )}
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{ta("settingsTitle")}</h2>
        <p className="mb-3 text-sm text-slate-700">{ta("settingsText")}</p>
        <div className="flex flex-wrap gap-2">
          <Link href={`/t/${team.slug}/settings/api-tokens`} className={buttonClass("secondary")}>
            {ta("manageTokens")}
          </Link>
          <Link href={`/t/${team.slug}/settings/api-docs`} className={buttonClass("secondary")}>
            {ta("readDocs")}
          </Link>
        </div>
      </Card>
      {can(role, "webhooks.manage") ? (
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{tw("title")}</h2>
          <p className="mb-3 text-sm text-slate-700">{tw("settingsText")}</p>
          <Link href={`/t/${team.slug}/settings/webhooks`} className={buttonClass("secondary")}>
            {tw("manage")}
          </Link>
        </Card>
      ) : null}
      {can(role, "team.export") ? (
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("exportTitle")}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("exportText")}</p>
          {/* A plain link: the route handler answers with the file as a download. */}
          <a href={`/api/teams/${team.slug}/export`} download className={buttonClass("secondary")}>
            {t("exportDownload")}
          </a>
        </Card>
      ) : null}
      {can(role, "backups.view") ? <BackupStatusCard /> : null}
      {can(role, "team.delete") ? (
        <Card className="border-red-200">
          <h2 className="mb-1 text-lg font-semibold text-red-800">{t("dangerZone")}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("deleteExplain")}</p>
          <DeleteTeamForm teamSlug={team.slug} name={team.name} />
        </Card>
      ) : null}
    </div>
  );
}
