"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { addTaskDependency, removeTaskDependency } from "@/lib/dependencies/dependencies";
import type { TaskDependencyInput } from "@/lib/validation/dependency";

const runAdd = teamAction(addTaskDependency);
/** Makes a task wait for another task of its plan; a cycle, a repeat or a task of another plan is refused. */
export async function addTaskDependencyAction(teamSlug: string, input: TaskDependencyInput) {
  const result = await runAdd(teamSlug, input);
  if (result.ok) revalidatePath(`/t/${teamSlug}`, "layout");
  return result;
}

const runRemove = teamAction(removeTaskDependency);
/** Removes one of a task's blockers. */
export async function removeTaskDependencyAction(teamSlug: string, input: TaskDependencyInput) {
  const result = await runRemove(teamSlug, input);
  if (result.ok) revalidatePath(`/t/${teamSlug}`, "layout");
  return result;
}
