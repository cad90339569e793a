-- The progress a DONE task had before it was done, restored when it is reopened.
ALTER TABLE "Task" ADD COLUMN "progressBeforeDone" INTEGER;

-- Done tasks: the progress recorded just before the last change to DONE, when the log has it.
UPDATE "Task" t
SET "progressBeforeDone" = (
  SELECT (e."before" ->> 'progress')::int
  FROM "ActivityEvent" e
  WHERE e."taskId" = t."id"
    AND e."after" ->> 'status' = 'DONE'
    AND jsonb_typeof(e."before" -> 'progress') = 'number'
  ORDER BY e."createdAt" DESC, e."id" DESC
  LIMIT 1
)
WHERE t."status" = 'DONE';

UPDATE "Task" SET "progressBeforeDone" = NULL WHERE "progressBeforeDone" >= 100;
