-- "Blocked by" links between two tasks of one plan. The (task, plan) foreign keys keep both tasks in the
-- link's plan (so in its team); a task never blocks itself. Cycles are refused by the app under a per-plan lock.
CREATE TABLE "TaskDependency" (
    "teamId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "blockerId" TEXT NOT NULL,
    "blockedId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskDependency_pkey" PRIMARY KEY ("blockerId","blockedId"),
    CONSTRAINT "TaskDependency_not_self" CHECK ("blockerId" <> "blockedId")
);

CREATE INDEX "TaskDependency_blockedId_idx" ON "TaskDependency"("blockedId");
CREATE INDEX "TaskDependency_planId_idx" ON "TaskDependency"("planId");
CREATE INDEX "TaskDependency_teamId_idx" ON "TaskDependency"("teamId");

CREATE UNIQUE INDEX "Task_id_planId_key" ON "Task"("id", "planId");

ALTER TABLE "TaskDependency" ADD CONSTRAINT "TaskDependency_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TaskDependency" ADD CONSTRAINT "TaskDependency_planId_teamId_fkey" FOREIGN KEY ("planId", "teamId") REFERENCES "Plan"("id", "teamId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TaskDependency" ADD CONSTRAINT "TaskDependency_blockerId_planId_fkey" FOREIGN KEY ("blockerId", "planId") REFERENCES "Task"("id", "planId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TaskDependency" ADD CONSTRAINT "TaskDependency_blockedId_planId_fkey" FOREIGN KEY ("blockedId", "planId") REFERENCES "Task"("id", "planId") ON DELETE CASCADE ON UPDATE CASCADE;
