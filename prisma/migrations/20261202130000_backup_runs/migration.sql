-- Runs of the scheduled backup and of the weekly restore check (shown on /api/health and to owners).
CREATE TYPE "BackupRunKind" AS ENUM ('BACKUP', 'VERIFY');

CREATE TYPE "BackupRunStatus" AS ENUM ('OK', 'FAILED');

CREATE TABLE "BackupRun" (
    "id" TEXT NOT NULL,
    "kind" "BackupRunKind" NOT NULL,
    "status" "BackupRunStatus" NOT NULL,
    "file" TEXT,
    "sizeBytes" BIGINT,
    "tables" INTEGER,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackupRun_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BackupRun_kind_status_finishedAt_idx" ON "BackupRun"("kind", "status", "finishedAt");
