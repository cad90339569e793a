-- Live updates. Every team event in the activity log is announced on the
-- "pathwise_events" channel. NOTIFY is transactional: PostgreSQL delivers it
-- only when the writing transaction commits (never on rollback), to every
-- listening connection of every app instance. The payload carries ids and the
-- event kind only, never field values: a receiver reads what it may see.
CREATE FUNCTION "pathwise_notify_event"() RETURNS trigger AS $$
BEGIN
  IF NEW."teamId" IS NOT NULL THEN
    PERFORM pg_notify('pathwise_events', json_build_object(
      'id', NEW."id"::text,
      'teamId', NEW."teamId",
      'planId', NEW."planId",
      'taskId', NEW."taskId",
      'entityType', NEW."entityType",
      'entityId', NEW."entityId",
      'kind', NEW."kind",
      'actorId', NEW."actorId"
    )::text);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ActivityEvent_notify"
  AFTER INSERT ON "ActivityEvent"
  FOR EACH ROW EXECUTE FUNCTION "pathwise_notify_event"();

-- Replay after a reconnect reads a team's events by id.
CREATE INDEX "ActivityEvent_teamId_id_idx" ON "ActivityEvent"("teamId", "id");

-- Presence: who has a plan or task open now, and whether they are editing it.
-- Each open page sends a heartbeat; a row older than the presence window is stale.
CREATE TABLE "Presence" (
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "editing" BOOLEAN NOT NULL DEFAULT false,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("userId","teamId","scope")
);

CREATE INDEX "Presence_teamId_scope_seenAt_idx" ON "Presence"("teamId", "scope", "seenAt");

ALTER TABLE "Presence" ADD CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
