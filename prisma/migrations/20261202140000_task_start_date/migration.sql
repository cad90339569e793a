-- A task's start date: the timeline draws each task from its start to its due date.
ALTER TABLE "Task" ADD COLUMN "startDate" DATE;
