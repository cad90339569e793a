-- CreateTable
CREATE TABLE "PlanProgressDay" (
    "planId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "teamId" TEXT NOT NULL,
    "weightSums" INTEGER[],
    "weighted" INTEGER[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanProgressDay_pkey" PRIMARY KEY ("planId","day")
);

-- AddForeignKey
ALTER TABLE "PlanProgressDay" ADD CONSTRAINT "PlanProgressDay_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A PlanProgressDay row holds while the plan's activity log up to the end of its
-- day, its tasks and their dilemma links stay as they were. These statement
-- triggers delete the rows a change makes stale. Each takes the plan's advisory
-- lock first, as lib/progress/trend.ts does while it computes and stores rows,
-- so a row computed from data that a concurrent change replaces is deleted too.

CREATE FUNCTION "pathwise_forget_progress_days"(plan_ids TEXT[], from_day DATE) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('plan-progress:' || p)) FROM (SELECT DISTINCT unnest(plan_ids) AS p ORDER BY 1) AS plans;
  DELETE FROM "PlanProgressDay" WHERE "planId" = ANY(plan_ids) AND "day" >= from_day;
END $$;

-- Task–dilemma links changed (the replay weights a day by today's links): every day of those plans.
CREATE FUNCTION "pathwise_links_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE plan_ids TEXT[];
BEGIN
  SELECT array_agg(DISTINCT t."planId") INTO plan_ids FROM changed_links c JOIN "Task" t ON t.id = c."taskId";
  IF plan_ids IS NOT NULL THEN PERFORM "pathwise_forget_progress_days"(plan_ids, '-infinity'::date); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "TaskDilemma_insert_progress_days" AFTER INSERT ON "TaskDilemma" REFERENCING NEW TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_links_changed"();
CREATE TRIGGER "TaskDilemma_update_progress_days" AFTER UPDATE ON "TaskDilemma" REFERENCING NEW TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_links_changed"();
CREATE TRIGGER "TaskDilemma_delete_progress_days" AFTER DELETE ON "TaskDilemma" REFERENCING OLD TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_links_changed"();

-- Tasks deleted (their links and events go with them): every day of those plans.
CREATE FUNCTION "pathwise_tasks_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE plan_ids TEXT[];
BEGIN
  SELECT array_agg(DISTINCT d."planId") INTO plan_ids FROM deleted_tasks d;
  IF plan_ids IS NOT NULL THEN PERFORM "pathwise_forget_progress_days"(plan_ids, '-infinity'::date); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Task_delete_progress_days" AFTER DELETE ON "Task" REFERENCING OLD TABLE AS deleted_tasks FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_tasks_deleted"();

-- Events dated before today (UTC), inserted or moved (imports, seeds, tests):
-- the days from the earliest such date on. Events of today change no settled day.
CREATE FUNCTION "pathwise_events_backdated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE r RECORD;
BEGIN
  FOR r IN
    SELECT "planId", MIN("createdAt")::date AS from_day
      FROM backdated_events
     WHERE "planId" IS NOT NULL AND "createdAt" < (now() AT TIME ZONE 'UTC')::date
     GROUP BY 1
  LOOP
    PERFORM "pathwise_forget_progress_days"(ARRAY[r."planId"], r.from_day);
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER "ActivityEvent_insert_progress_days" AFTER INSERT ON "ActivityEvent" REFERENCING NEW TABLE AS backdated_events FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_events_backdated"();
-- Moved events: the old and the new date both count.
CREATE TRIGGER "ActivityEvent_update_old_progress_days" AFTER UPDATE ON "ActivityEvent" REFERENCING OLD TABLE AS backdated_events FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_events_backdated"();
CREATE TRIGGER "ActivityEvent_update_new_progress_days" AFTER UPDATE ON "ActivityEvent" REFERENCING NEW TABLE AS backdated_events FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_events_backdated"();
