-- Maintained rollups of every plan's tasks, so that the dashboards and the progress
-- JSON read a few pre-summed rows instead of every task. A plan's rollup for a
-- (dimension, key) is the SUM of its "PlanRollup" rows with that dimension and key:
--   dilemma / <code>   one per counted link: taskCount 1, weightSum w, weighted w × c
--   area / <code>      one per counted task with ≥ 1 link: taskCount 1, Σ w, Σ w × c
--   path / <code>      the same, by the task's path
--   plan / ''          the same, for the plan as a whole
--   status / <status>  one per task (every status), taskCount 1
--   due / YYYY-MM-DD   one per open task (TODO, IN_PROGRESS, BLOCKED) with that due date
-- where a counted task is one that is not CANCELLED and c is its completion in
-- hundredths (DONE 100, else its progress clamped to 0–100): the integers of
-- Σ w·c / Σ w in docs/DOMAIN.md, so sums are exact and the reader divides once.
--
-- Statement triggers on "Task" and "TaskDilemma" append the difference each write
-- makes (rows are only ever added, so concurrent writers never wait for each other
-- nor lose an increment) and, when the plan's compaction lock is free, fold the
-- touched keys into one row each. `npm run db:rollups -- --check` compares with a
-- recomputation and `--rebuild` recomputes them.

CREATE TABLE "PlanRollup" (
    "id" BIGSERIAL NOT NULL,
    "planId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "taskCount" INTEGER NOT NULL,
    "weightSum" INTEGER NOT NULL,
    "weighted" BIGINT NOT NULL,

    CONSTRAINT "PlanRollup_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PlanRollup_planId_dimension_key_idx" ON "PlanRollup"("planId", "dimension", "key");

ALTER TABLE "PlanRollup" ADD CONSTRAINT "PlanRollup_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The slices of a task and of a link the rollups depend on.
CREATE TYPE "pathwise_rollup_task" AS (id TEXT, "teamId" TEXT, "planId" TEXT, "areaCode" TEXT, "pathCode" TEXT, status TEXT, progress INTEGER, "dueDate" DATE);
CREATE TYPE "pathwise_rollup_link" AS ("taskId" TEXT, "dilemmaCode" TEXT, weight INTEGER);

-- The rollup rows of the given tasks with the given links (see the table above).
CREATE FUNCTION "pathwise_rollup_rows"(tasks "pathwise_rollup_task"[], links "pathwise_rollup_link"[])
RETURNS TABLE ("planId" TEXT, "teamId" TEXT, dimension TEXT, key TEXT, "taskCount" INTEGER, "weightSum" INTEGER, weighted BIGINT)
LANGUAGE sql IMMUTABLE AS $$
  WITH t AS (SELECT * FROM unnest(tasks)),
  counted AS (
    SELECT t.id, t."teamId", t."planId", t."areaCode", t."pathCode", l."dilemmaCode", l.weight,
           l.weight::bigint * CASE WHEN t.status = 'DONE' THEN 100 ELSE LEAST(GREATEST(COALESCE(t.progress, 0), 0), 100) END AS weighted
      FROM t
      JOIN unnest(links) l ON l."taskId" = t.id
     WHERE t.status <> 'CANCELLED' AND l.weight > 0
  ),
  per_task AS (
    SELECT id, "teamId", "planId", "areaCode", "pathCode", SUM(weight)::int AS weight, SUM(weighted)::bigint AS weighted
      FROM counted
     GROUP BY 1, 2, 3, 4, 5
  )
  SELECT "planId", "teamId", 'dilemma', "dilemmaCode", 1, weight, weighted FROM counted
  UNION ALL
  SELECT p."planId", p."teamId", v.dimension, v.key, 1, p.weight, p.weighted
    FROM per_task p
   CROSS JOIN LATERAL (VALUES ('area', p."areaCode"), ('path', p."pathCode"), ('plan', '')) AS v(dimension, key)
  UNION ALL
  SELECT "planId", "teamId", 'status', status, 1, 0, 0::bigint FROM t
  UNION ALL
  SELECT "planId", "teamId", 'due', to_char("dueDate", 'YYYY-MM-DD'), 1, 0, 0::bigint
    FROM t
   WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND "dueDate" IS NOT NULL
$$;

-- Adds (rows of the new state) − (rows of the old state). Where the plan's
-- compaction lock is free (never waited for), the touched keys' rows are folded
-- into one each, and keys summing to zero go away.
CREATE FUNCTION "pathwise_rollup_apply"(
  old_tasks "pathwise_rollup_task"[], old_links "pathwise_rollup_link"[],
  new_tasks "pathwise_rollup_task"[], new_links "pathwise_rollup_link"[]
) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  WITH changes AS (
    SELECT r."planId", r."teamId", r.dimension, r.key, -r."taskCount" AS "taskCount", -r."weightSum" AS "weightSum", -r.weighted AS weighted
      FROM "pathwise_rollup_rows"(old_tasks, old_links) r
    UNION ALL
    SELECT * FROM "pathwise_rollup_rows"(new_tasks, new_links)
  ),
  delta AS (
    SELECT c."planId", c."teamId", c.dimension, c.key,
           SUM(c."taskCount")::int AS "taskCount", SUM(c."weightSum")::int AS "weightSum", SUM(c.weighted)::bigint AS weighted
      FROM changes c
     GROUP BY 1, 2, 3, 4
    HAVING SUM(c."taskCount") <> 0 OR SUM(c."weightSum") <> 0 OR SUM(c.weighted) <> 0
  ),
  compacted AS (
    SELECT p."planId"
      FROM (SELECT DISTINCT d."planId" FROM delta d) p
     WHERE pg_try_advisory_xact_lock(hashtext('plan-rollup:' || p."planId"))
  ),
  folded AS (
    DELETE FROM "PlanRollup" r
     USING delta d
     WHERE r."planId" = d."planId" AND r.dimension = d.dimension AND r.key = d.key
       AND r."planId" IN (SELECT c."planId" FROM compacted c)
    RETURNING r."planId", r."teamId", r.dimension, r.key, r."taskCount", r."weightSum", r.weighted
  )
  INSERT INTO "PlanRollup" ("planId", "teamId", dimension, key, "taskCount", "weightSum", weighted)
  SELECT x."planId", x."teamId", x.dimension, x.key, SUM(x."taskCount"), SUM(x."weightSum"), SUM(x.weighted)
    FROM (SELECT * FROM folded UNION ALL SELECT * FROM delta) x
   WHERE EXISTS (SELECT 1 FROM "Plan" p WHERE p.id = x."planId")
   GROUP BY 1, 2, 3, 4
  HAVING SUM(x."taskCount") <> 0 OR SUM(x."weightSum") <> 0 OR SUM(x.weighted) <> 0;
END $$;

-- Tasks inserted: their rows (links come after, through the TaskDilemma trigger).
CREATE FUNCTION "pathwise_rollup_tasks_inserted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "pathwise_rollup_apply"(
    '{}', '{}',
    (SELECT array_agg(ROW(n.id, n."teamId", n."planId", n."areaCode", n."pathCode", n.status::text, n.progress, n."dueDate")::"pathwise_rollup_task") FROM new_tasks n),
    (SELECT array_agg(ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link") FROM "TaskDilemma" l WHERE l."taskId" IN (SELECT n.id FROM new_tasks n)));
  RETURN NULL;
END $$;
CREATE TRIGGER "Task_insert_rollups" AFTER INSERT ON "Task" REFERENCING NEW TABLE AS new_tasks FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_rollup_tasks_inserted"();

-- Tasks updated: the old state out, the new one in, for the tasks whose counted fields changed.
CREATE FUNCTION "pathwise_rollup_tasks_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE changed TEXT[];
BEGIN
  SELECT array_agg(n.id) INTO changed
    FROM new_tasks n JOIN old_tasks o ON o.id = n.id
   WHERE (o."teamId", o."planId", o."areaCode", o."pathCode", o.status, o.progress, o."dueDate")
         IS DISTINCT FROM (n."teamId", n."planId", n."areaCode", n."pathCode", n.status, n.progress, n."dueDate");
  IF changed IS NULL THEN RETURN NULL; END IF;
  PERFORM "pathwise_rollup_apply"(
    (SELECT array_agg(ROW(o.id, o."teamId", o."planId", o."areaCode", o."pathCode", o.status::text, o.progress, o."dueDate")::"pathwise_rollup_task") FROM old_tasks o WHERE o.id = ANY(changed)),
    (SELECT array_agg(ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link") FROM "TaskDilemma" l WHERE l."taskId" = ANY(changed)),
    (SELECT array_agg(ROW(n.id, n."teamId", n."planId", n."areaCode", n."pathCode", n.status::text, n.progress, n."dueDate")::"pathwise_rollup_task") FROM new_tasks n WHERE n.id = ANY(changed)),
    (SELECT array_agg(ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link") FROM "TaskDilemma" l WHERE l."taskId" = ANY(changed)));
  RETURN NULL;
END $$;
CREATE TRIGGER "Task_update_rollups" AFTER UPDATE ON "Task" REFERENCING OLD TABLE AS old_tasks NEW TABLE AS new_tasks FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_rollup_tasks_updated"();

-- A task about to be deleted: its rows out while its links are still there (they
-- go by cascade after the task, when the TaskDilemma trigger no longer finds it).
-- Nothing to do when its plan is being deleted: the plan's rows go by cascade.
CREATE FUNCTION "pathwise_rollup_task_deleting"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Plan" p WHERE p.id = OLD."planId") THEN
    PERFORM "pathwise_rollup_apply"(
      ARRAY[ROW(OLD.id, OLD."teamId", OLD."planId", OLD."areaCode", OLD."pathCode", OLD.status::text, OLD.progress, OLD."dueDate")::"pathwise_rollup_task"],
      (SELECT array_agg(ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link") FROM "TaskDilemma" l WHERE l."taskId" = OLD.id),
      '{}', '{}');
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER "Task_delete_rollups" BEFORE DELETE ON "Task" FOR EACH ROW EXECUTE FUNCTION "pathwise_rollup_task_deleting"();

-- Links changed: each affected task's rows with its links before the statement out,
-- with its links now in. The task row is locked so that its state cannot change
-- under the computation (the app's writes hold it already).
CREATE FUNCTION "pathwise_rollup_links_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  affected TEXT[];
  tasks "pathwise_rollup_task"[];
  links_now "pathwise_rollup_link"[];
  links_before "pathwise_rollup_link"[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."taskId") INTO affected FROM new_links n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."taskId") INTO affected FROM old_links o;
  ELSE
    SELECT array_agg(DISTINCT x."taskId") INTO affected FROM (SELECT n."taskId" FROM new_links n UNION SELECT o."taskId" FROM old_links o) x;
  END IF;
  IF affected IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg(ROW(t.id, t."teamId", t."planId", t."areaCode", t."pathCode", t.status::text, t.progress, t."dueDate")::"pathwise_rollup_task" ORDER BY t.id)
    INTO tasks
    FROM (SELECT * FROM "Task" WHERE id = ANY(affected) ORDER BY id FOR NO KEY UPDATE) t;
  IF tasks IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg(ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link")
    INTO links_now
    FROM "TaskDilemma" l WHERE l."taskId" = ANY(affected);
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link") INTO links_before
      FROM "TaskDilemma" l
     WHERE l."taskId" = ANY(affected)
       AND NOT EXISTS (SELECT 1 FROM new_links n WHERE n."taskId" = l."taskId" AND n."dilemmaCode" = l."dilemmaCode");
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.link) INTO links_before FROM (
      SELECT ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link" AS link FROM "TaskDilemma" l WHERE l."taskId" = ANY(affected)
      UNION ALL
      SELECT ROW(o."taskId", o."dilemmaCode", o.weight)::"pathwise_rollup_link" FROM old_links o) x;
  ELSE
    SELECT array_agg(x.link) INTO links_before FROM (
      SELECT ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link" AS link
        FROM "TaskDilemma" l
       WHERE l."taskId" = ANY(affected)
         AND NOT EXISTS (SELECT 1 FROM new_links n WHERE n."taskId" = l."taskId" AND n."dilemmaCode" = l."dilemmaCode")
      UNION ALL
      SELECT ROW(o."taskId", o."dilemmaCode", o.weight)::"pathwise_rollup_link" FROM old_links o) x;
  END IF;
  PERFORM "pathwise_rollup_apply"(tasks, COALESCE(links_before, '{}'), tasks, COALESCE(links_now, '{}'));
  RETURN NULL;
END $$;
CREATE TRIGGER "TaskDilemma_insert_rollups" AFTER INSERT ON "TaskDilemma" REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_rollup_links_changed"();
CREATE TRIGGER "TaskDilemma_update_rollups" AFTER UPDATE ON "TaskDilemma" REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_rollup_links_changed"();
CREATE TRIGGER "TaskDilemma_delete_rollups" AFTER DELETE ON "TaskDilemma" REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_rollup_links_changed"();

-- The given plans' rows (every plan's when NULL) recomputed from their tasks and links, folded.
CREATE FUNCTION "pathwise_rollup_expected"(plan_ids TEXT[] DEFAULT NULL)
RETURNS TABLE ("planId" TEXT, "teamId" TEXT, dimension TEXT, key TEXT, "taskCount" INTEGER, "weightSum" INTEGER, weighted BIGINT)
LANGUAGE sql STABLE AS $$
  SELECT r."planId", r."teamId", r.dimension, r.key, SUM(r."taskCount")::int, SUM(r."weightSum")::int, SUM(r.weighted)::bigint
    FROM "pathwise_rollup_rows"(
      COALESCE((SELECT array_agg(ROW(t.id, t."teamId", t."planId", t."areaCode", t."pathCode", t.status::text, t.progress, t."dueDate")::"pathwise_rollup_task") FROM "Task" t WHERE plan_ids IS NULL OR t."planId" = ANY(plan_ids)), '{}'),
      COALESCE((SELECT array_agg(ROW(l."taskId", l."dilemmaCode", l.weight)::"pathwise_rollup_link") FROM "TaskDilemma" l JOIN "Task" t ON t.id = l."taskId" WHERE plan_ids IS NULL OR t."planId" = ANY(plan_ids)), '{}')) r
   GROUP BY 1, 2, 3, 4
  HAVING SUM(r."taskCount") <> 0 OR SUM(r."weightSum") <> 0 OR SUM(r.weighted) <> 0
$$;

-- Recomputes every plan's rows; writers wait (their rows would double count otherwise).
CREATE FUNCTION "pathwise_rollup_rebuild"() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "PlanRollup" IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM "PlanRollup";
  INSERT INTO "PlanRollup" ("planId", "teamId", dimension, key, "taskCount", "weightSum", weighted)
  SELECT * FROM "pathwise_rollup_expected"();
END $$;

SELECT "pathwise_rollup_rebuild"();
