import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { isShuttingDown } from "@/lib/ops/shutdown";
import { backupStatus } from "@/lib/jobs/backups";

/** The health endpoint's body. */
export type Readiness = {
  status: "ok" | "unavailable" | "shutting_down";
  database: "up" | "down" | "unknown";
  catalogVersion: string | null;
  migrations: "applied" | "pending" | "unknown";
  pendingMigrations?: string[];
  /** The scheduled backups (absent while the database is down): ISO times, and a failure not yet followed by a success. */
  backups?: { lastBackupAt: string | null; lastVerifiedAt: string | null; failing: "backup" | "verify" | null };
};

let expectedMigrations: string[] | undefined;

/** The migrations shipped with this build (prisma/migrations/<name>/migration.sql). */
function shippedMigrations(): string[] {
  if (!expectedMigrations) {
    const dir = path.join(process.cwd(), "prisma", "migrations");
    expectedMigrations = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
          .sort()
      : [];
  }
  return expectedMigrations;
}

/** Ready means: not shutting down, PostgreSQL answers, and every shipped migration is applied. */
export async function checkReadiness(): Promise<{ isReady: boolean; body: Readiness }> {
  if (isShuttingDown()) {
    return {
      isReady: false,
      body: { status: "shutting_down", database: "unknown", catalogVersion: null, migrations: "unknown" },
    };
  }
  try {
    const [catalog, applied, backups] = await Promise.all([
      db.catalogVersion.findMany({ orderBy: { appliedAt: "desc" }, take: 1, select: { version: true } }),
      db.$queryRaw<
        { name: string }[]
      >`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      // Before the BackupRun migration is applied the table is missing: no status rather than "down".
      backupStatus().catch(() => null),
    ]);
    const appliedNames = new Set(applied.map((row) => row.name));
    const pending = shippedMigrations().filter((name) => !appliedNames.has(name));
    const catalogVersion = catalog[0]?.version ?? null;
    if (pending.length > 0) {
      return {
        isReady: false,
        body: {
          status: "unavailable",
          database: "up",
          catalogVersion,
          migrations: "pending",
          pendingMigrations: pending,
        },
      };
    }
    return {
      isReady: true,
      body: {
        status: "ok",
        database: "up",
        catalogVersion,
        migrations: "applied",
        ...(backups
          ? {
              backups: {
                lastBackupAt: backups.lastBackupAt?.toISOString() ?? null,
                lastVerifiedAt: backups.lastVerifiedAt?.toISOString() ?? null,
                failing: backups.failure ? (backups.failure.kind === "BACKUP" ? "backup" : "verify") : null,
              },
            }
          : {}),
      },
    };
  } catch {
    return {
      isReady: false,
      body: { status: "unavailable", database: "down", catalogVersion: null, migrations: "unknown" },
    };
  }
}
