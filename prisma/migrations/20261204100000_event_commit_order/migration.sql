-- Team events in commit order. An event's id is taken when its row is inserted,
-- but transactions commit in another order: a reader that had seen event 101
-- would never see event 100 committing after it. Each team event therefore gets
-- a second number, "seq", when its transaction commits: a deferred constraint
-- trigger takes a per-team advisory lock (held until the commit ends, so the
-- team's commits take their numbers one after another) and numbers the row.
-- Whoever reads a team's events by seq (live streams, their replay, the changes
-- feed) has seen every earlier one once it has seen one. The NOTIFY of live
-- updates moves here too, carrying seq. Taken at commit, after every other
-- statement of the transaction, the lock cannot be part of a deadlock with the
-- row locks the transaction took before.
CREATE SEQUENCE "ActivityEvent_seq_seq" AS BIGINT;
ALTER TABLE "ActivityEvent" ADD COLUMN "seq" BIGINT;
-- Events already kept: in the order of their ids, as readers saw them so far.
UPDATE "ActivityEvent" SET "seq" = "id" WHERE "teamId" IS NOT NULL;
SELECT setval('"ActivityEvent_seq_seq"', GREATEST((SELECT max("id") FROM "ActivityEvent"), 1));
CREATE INDEX "ActivityEvent_teamId_seq_idx" ON "ActivityEvent"("teamId", "seq");

DROP TRIGGER "ActivityEvent_notify" ON "ActivityEvent";
DROP FUNCTION "pathwise_notify_event"();

CREATE FUNCTION "pathwise_sequence_event"() RETURNS trigger AS $$
DECLARE
  next_seq BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('pathwise_events:' || NEW."teamId", 0));
  next_seq := nextval('"ActivityEvent_seq_seq"');
  -- Numbering is not a change of the event: the progress-day triggers on UPDATE
  -- (migration plan_progress_days) skip it, and so take no plan lock here.
  PERFORM set_config('pathwise.sequencing', 'on', true);
  UPDATE "ActivityEvent" SET "seq" = next_seq WHERE "id" = NEW."id";
  PERFORM set_config('pathwise.sequencing', '', true);
  -- Ids and the event kind only, never field values: a receiver reads what it may see.
  PERFORM pg_notify('pathwise_events', json_build_object(
    'id', NEW."id"::text,
    'seq', next_seq::text,
    'teamId', NEW."teamId",
    'planId', NEW."planId",
    'taskId', NEW."taskId",
    'entityType', NEW."entityType",
    'entityId', NEW."entityId",
    'kind', NEW."kind",
    'actorId', NEW."actorId"
  )::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER "ActivityEvent_sequence"
  AFTER INSERT ON "ActivityEvent"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."teamId" IS NOT NULL)
  EXECUTE FUNCTION "pathwise_sequence_event"();

-- The progress-day trigger function of ActivityEvent, as before, but for the
-- numbering above (whose statement-level UPDATE triggers run while the flag is on).
CREATE OR REPLACE FUNCTION "pathwise_events_backdated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE r RECORD;
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('pathwise.sequencing', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
