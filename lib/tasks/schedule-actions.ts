"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { scheduleTask, type ScheduleTaskInput } from "@/lib/tasks/schedule-task";

const runSchedule = teamAction(scheduleTask);
/** Moves or resizes a task on the timeline (start and due date); a stale version answers CONFLICT. */
export async function scheduleTaskAction(teamSlug: string, input: ScheduleTaskInput) {
  const result = await runSchedule(teamSlug, input);
  if (result.ok) revalidatePath(`/t/${teamSlug}`, "layout");
  return result;
}
