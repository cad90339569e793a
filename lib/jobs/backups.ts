import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { createBackup, manifestPathOf, verifyBackup } from "@/lib/backups/backup";
import {
  applyRetention,
  parseScheduledBackupName,
  scheduledBackupName,
  type DatedBackup,
} from "@/lib/backups/retention";
import type { JobDefinition } from "./runner";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** Deletes the scheduled backups (and their manifests) in `dir` that the retention policy does not keep. */
export function pruneBackups(dir: string): string[] {
  const backups: DatedBackup[] = [];
  for (const name of fs.readdirSync(dir)) {
    const at = parseScheduledBackupName(name);
    if (at) backups.push({ name, at });
  }
  const { remove } = applyRetention(backups);
  for (const name of remove) {
    fs.rmSync(path.join(dir, name), { force: true });
    fs.rmSync(manifestPathOf(path.join(dir, name)), { force: true });
  }
  return remove;
}

/**
 * Backs up the database to `dir` (pathwise-<time>.dump and its manifest), records
 * the run, and prunes to 7 daily and 4 weekly copies. A failure is recorded and logged, then thrown.
 */
export async function runScheduledBackup({
  dir,
  databaseUrl = getEnv().DATABASE_URL,
  now = new Date(),
}: {
  dir: string;
  databaseUrl?: string;
  now?: Date;
}) {
  const file = path.join(dir, scheduledBackupName(now));
  try {
    const { sizeBytes, manifest } = await createBackup(databaseUrl, file);
    const removed = pruneBackups(dir);
    log().info({ event: "backup.done", file, sizeBytes, tables: manifest.tables.length, removed }, "backup done");
    return await db.backupRun.create({
      data: {
        kind: "BACKUP",
        status: "OK",
        file: path.basename(file),
        sizeBytes: BigInt(sizeBytes),
        tables: manifest.tables.length,
        startedAt: now,
      },
    });
  } catch (error) {
    log().error({ event: "backup.failed", err: error, file }, "backup failed");
    await db.backupRun.create({
      data: { kind: "BACKUP", status: "FAILED", file: path.basename(file), error: message(error), startedAt: now },
    });
    throw error;
  }
}

/**
 * Restores the newest good backup into a throw-away database and compares every
 * table with its manifest; records the result. Nothing to check is not a failure.
 */
export async function runRestoreCheck({
  dir,
  databaseUrl = getEnv().DATABASE_URL,
}: {
  dir: string;
  databaseUrl?: string;
}) {
  const startedAt = new Date();
  const candidates = await db.backupRun.findMany({
    where: { kind: "BACKUP", status: "OK" },
    orderBy: { finishedAt: "desc" },
    take: 10,
  });
  const latest = candidates.find((run) => run.file && fs.existsSync(path.join(dir, run.file)));
  if (!latest?.file) {
    log().warn({ event: "backup.verify.skipped" }, "no backup to verify yet");
    return null;
  }
  try {
    const { problems, tables } = await verifyBackup(databaseUrl, path.join(dir, latest.file));
    if (problems.length > 0) throw new Error(`restored copy differs: ${problems.slice(0, 10).join("; ")}`);
    log().info({ event: "backup.verified", file: latest.file, tables }, "backup restored and checked");
    return await db.backupRun.create({
      data: { kind: "VERIFY", status: "OK", file: latest.file, tables, startedAt },
    });
  } catch (error) {
    log().error({ event: "backup.verify.failed", err: error, file: latest.file }, "backup restore check failed");
    await db.backupRun.create({
      data: { kind: "VERIFY", status: "FAILED", file: latest.file, error: message(error), startedAt },
    });
    throw error;
  }
}

export type BackupStatus = {
  /** Whether this instance takes scheduled backups (BACKUP_DIR set). */
  scheduled: boolean;
  lastBackupAt: Date | null;
  lastBackupFile: string | null;
  lastVerifiedAt: Date | null;
  /** The newest failure not followed by a success of the same kind. */
  failure: { kind: "BACKUP" | "VERIFY"; at: Date; error: string | null } | null;
};

/** The last good backup, the last verified restore, and an outstanding failure. */
export async function backupStatus(): Promise<BackupStatus> {
  const latest = (kind: "BACKUP" | "VERIFY", status: "OK" | "FAILED") =>
    db.backupRun.findFirst({ where: { kind, status }, orderBy: { finishedAt: "desc" } });
  const [backup, verify, backupFailed, verifyFailed] = await Promise.all([
    latest("BACKUP", "OK"),
    latest("VERIFY", "OK"),
    latest("BACKUP", "FAILED"),
    latest("VERIFY", "FAILED"),
  ]);
  const outstanding = [
    backupFailed && (!backup || backupFailed.finishedAt > backup.finishedAt) ? backupFailed : null,
    verifyFailed && (!verify || verifyFailed.finishedAt > verify.finishedAt) ? verifyFailed : null,
  ]
    .filter((run) => run !== null)
    .sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime())[0];
  return {
    scheduled: Boolean(getEnv().BACKUP_DIR),
    lastBackupAt: backup?.finishedAt ?? null,
    lastBackupFile: backup?.file ?? null,
    lastVerifiedAt: verify?.finishedAt ?? null,
    failure: outstanding ? { kind: outstanding.kind, at: outstanding.finishedAt, error: outstanding.error } : null,
  };
}

export const backupJob: JobDefinition = {
  name: "backup.daily",
  schedule: { cron: "30 2 * * *" },
  retryLimit: 1,
  retryDelay: 600,
  expireInSeconds: 3600,
  handler: async () => {
    const dir = getEnv().BACKUP_DIR;
    if (dir) await runScheduledBackup({ dir });
  },
};

export const restoreCheckJob: JobDefinition = {
  name: "backup.verify-weekly",
  schedule: { cron: "30 4 * * 0" },
  retryLimit: 1,
  retryDelay: 600,
  expireInSeconds: 3600,
  handler: async () => {
    const dir = getEnv().BACKUP_DIR;
    if (dir) await runRestoreCheck({ dir });
  },
};
