-- Saved views of a plan page: personal ones and views shared with the team.
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SavedView_name_length" CHECK (char_length("name") BETWEEN 1 AND 80),
    CONSTRAINT "SavedView_query_length" CHECK (char_length("query") <= 2000)
);

CREATE INDEX "SavedView_planId_userId_idx" ON "SavedView"("planId", "userId");
CREATE INDEX "SavedView_planId_shared_idx" ON "SavedView"("planId", "shared");
CREATE INDEX "SavedView_teamId_idx" ON "SavedView"("teamId");
CREATE INDEX "SavedView_userId_idx" ON "SavedView"("userId");

-- A name is unique among one person's personal views of a plan, and among the plan's shared views.
CREATE UNIQUE INDEX "SavedView_personal_name_key" ON "SavedView"("planId", "userId", "name") WHERE NOT "shared";
CREATE UNIQUE INDEX "SavedView_shared_name_key" ON "SavedView"("planId", "name") WHERE "shared";

ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_planId_teamId_fkey" FOREIGN KEY ("planId", "teamId") REFERENCES "Plan"("id", "teamId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
