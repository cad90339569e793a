-- A task update changes its rollups through a row trigger that fires only when a
-- counted field changed (status, progress, due date, area, path, plan or team), so
-- a change of title, description, priority or assignee costs nothing here. The
-- common change, status, progress or due date within the same plan, area and path,
-- appends its difference straight from the task's links, without building arrays;
-- a task moved to another plan, area or path goes through "pathwise_rollup_apply"
-- as before. The rows are those of "pathwise_rollup_rows" (migration plan_rollups),
-- and, as there, the touched keys are folded into one row each when the plan's
-- compaction lock is free (never waited for).

DROP TRIGGER "Task_update_rollups" ON "Task";
DROP FUNCTION "pathwise_rollup_tasks_updated"();

CREATE FUNCTION "pathwise_rollup_task_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  -- Completion in hundredths of a counted task (NULL when it does not count: CANCELLED).
  c_old BIGINT := CASE WHEN OLD.status = 'CANCELLED' THEN NULL WHEN OLD.status = 'DONE' THEN 100
                       ELSE LEAST(GREATEST(COALESCE(OLD.progress, 0), 0), 100) END;
  c_new BIGINT := CASE WHEN NEW.status = 'CANCELLED' THEN NULL WHEN NEW.status = 'DONE' THEN 100
                       ELSE LEAST(GREATEST(COALESCE(NEW.progress, 0), 0), 100) END;
  counted INT := (c_new IS NOT NULL)::int - (c_old IS NOT NULL)::int;
  links "pathwise_rollup_link"[];
BEGIN
  IF (OLD."teamId", OLD."planId", OLD."areaCode", OLD."pathCode")
     IS DISTINCT FROM (NEW."teamId", NEW."planId", NEW."areaCode", NEW."pathCode") THEN
    SELECT array_agg(ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link") INTO links
      FROM "TaskDilemma" l WHERE l."taskId" = NEW.id;
    PERFORM "pathwise_rollup_apply"(
      ARRAY[ROW(OLD.id, OLD."teamId", OLD."planId", OLD."areaCode", OLD."pathCode", OLD.status::text, OLD.progress, OLD."dueDate")::"pathwise_rollup_task"],
      COALESCE(links, '{}'),
      ARRAY[ROW(NEW.id, NEW."teamId", NEW."planId", NEW."areaCode", NEW."pathCode", NEW.status::text, NEW.progress, NEW."dueDate")::"pathwise_rollup_task"],
      COALESCE(links, '{}'));
    RETURN NULL;
  END IF;

  WITH linked AS (
    SELECT l."dilemmaCode", l.weight FROM "TaskDilemma" l WHERE l."taskId" = NEW.id AND l.weight > 0
  ),
  delta AS (
    SELECT x.dimension, x.key, SUM(x.n)::int AS "taskCount", SUM(x.w)::int AS "weightSum", SUM(x.wc)::bigint AS weighted
      FROM (
        -- one row per counted link
        SELECT 'dilemma' AS dimension, l."dilemmaCode" AS key, counted AS n, l.weight * counted AS w,
               l.weight * (COALESCE(c_new, 0) - COALESCE(c_old, 0)) AS wc
          FROM linked l
        UNION ALL
        -- the task's area, path and plan, when it has a counted link
        SELECT v.dimension, v.key, counted, s.weight * counted, s.weight * (COALESCE(c_new, 0) - COALESCE(c_old, 0))
          FROM (SELECT SUM(l.weight)::bigint AS weight FROM linked l HAVING COUNT(*) > 0) s
         CROSS JOIN (VALUES ('area', NEW."areaCode"), ('path', NEW."pathCode"), ('plan', '')) AS v(dimension, key)
        UNION ALL
        -- one row per task under its status
        SELECT 'status', OLD.status::text, -1, 0, 0
        UNION ALL
        SELECT 'status', NEW.status::text, 1, 0, 0
        UNION ALL
        -- one row per open task under its due date
        SELECT 'due', to_char(OLD."dueDate", 'YYYY-MM-DD'), -1, 0, 0
         WHERE OLD.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND OLD."dueDate" IS NOT NULL
        UNION ALL
        SELECT 'due', to_char(NEW."dueDate", 'YYYY-MM-DD'), 1, 0, 0
         WHERE NEW.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NEW."dueDate" IS NOT NULL
      ) x
     GROUP BY x.dimension, x.key
    HAVING SUM(x.n) <> 0 OR SUM(x.w) <> 0 OR SUM(x.wc) <> 0
  ),
  folded AS (
    DELETE FROM "PlanRollup" r
     USING delta d
     WHERE r."planId" = NEW."planId" AND r.dimension = d.dimension AND r.key = d.key
       AND pg_try_advisory_xact_lock(hashtext('plan-rollup:' || NEW."planId"))
    RETURNING r.dimension, r.key, r."taskCount", r."weightSum", r.weighted
  )
  INSERT INTO "PlanRollup" ("planId", "teamId", dimension, key, "taskCount", "weightSum", weighted)
  SELECT NEW."planId", NEW."teamId", x.dimension, x.key, SUM(x."taskCount"), SUM(x."weightSum"), SUM(x.weighted)
    FROM (SELECT * FROM folded UNION ALL SELECT * FROM delta) x
   GROUP BY x.dimension, x.key
  HAVING SUM(x."taskCount") <> 0 OR SUM(x."weightSum") <> 0 OR SUM(x.weighted) <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "Task_update_rollups" AFTER UPDATE ON "Task" FOR EACH ROW
  WHEN ((OLD."teamId", OLD."planId", OLD."areaCode", OLD."pathCode", OLD.status, OLD.progress, OLD."dueDate")
        IS DISTINCT FROM (NEW."teamId", NEW."planId", NEW."areaCode", NEW."pathCode", NEW.status, NEW.progress, NEW."dueDate"))
  EXECUTE FUNCTION "pathwise_rollup_task_updated"();
