import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { backupStatus } from "@/lib/jobs/backups";

/** The instance's backups for owners: last good backup, last verified restore, and a failure not yet followed by a success. */
export async function BackupStatusCard() {
  const [t, format, status] = await Promise.all([getTranslations("settings"), getFormatter(), backupStatus()]);
  const when = (at: Date | null) =>
    at ? format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }) : t("never");
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t("backupsTitle")}</h2>
      <p className="mb-3 text-sm text-slate-700">{status.scheduled ? t("backupsExplain") : t("backupsNotScheduled")}</p>
      {status.failure ? (
        <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {t(status.failure.kind === "BACKUP" ? "backupFailed" : "verifyFailed", {
            when: when(status.failure.at),
            error: status.failure.error ?? "",
          })}
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">{t("lastBackup")}</dt>
        <dd data-testid="last-backup">
          {when(status.lastBackupAt)}
          {status.lastBackupFile ? (
            <span className="ml-2 break-all text-slate-500">{status.lastBackupFile}</span>
          ) : null}
        </dd>
        <dt className="text-slate-600">{t("lastVerified")}</dt>
        <dd data-testid="last-verified">{when(status.lastVerifiedAt)}</dd>
      </dl>
    </Card>
  );
}
