-- A team's self-assessment against the paper's four dilemmas: the answers (1–5
-- per statement) and the maturity per dilemma they gave, kept with their date.
CREATE TABLE "Diagnostic" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "takenById" TEXT,
    "answers" JSONB NOT NULL,
    "maturity" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Diagnostic_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Diagnostic_teamId_createdAt_idx" ON "Diagnostic"("teamId", "createdAt");

ALTER TABLE "Diagnostic" ADD CONSTRAINT "Diagnostic_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Diagnostic" ADD CONSTRAINT "Diagnostic_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
