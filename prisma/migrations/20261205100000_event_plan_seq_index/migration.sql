-- A plan's newest event in commit order, in one index probe: the dashboards'
-- change marker (lib/progress/plan-dashboard.ts) reads it on every view.
CREATE INDEX "ActivityEvent_planId_seq_idx" ON "ActivityEvent"("planId", "seq");
