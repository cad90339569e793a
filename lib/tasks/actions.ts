"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { addComment, deleteComment, editComment } from "@/lib/comments/comments";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { createTask } from "@/lib/tasks/create-task";
import { patchTask, setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import type { BulkTasksInput, CreateTaskInput, PatchTaskInput, UpdateTaskInput } from "@/lib/validation/task";

function refresh(teamSlug: string) {
  revalidatePath(`/t/${teamSlug}`, "layout");
}

const runCreate = teamAction(createTask);
/** Creates a custom task. */
export async function createTaskAction(teamSlug: string, input: CreateTaskInput) {
  const result = await runCreate(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}

const runUpdate = teamAction(updateTask);
/** Saves a task; a stale version answers CONFLICT with the current task in `details`. */
export async function updateTaskAction(teamSlug: string, input: UpdateTaskInput) {
  const result = await runUpdate(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}

const runPatch = teamAction(patchTask);
/** Saves some fields of a task (the task page's autosave); a stale version answers CONFLICT with the current task. */
export async function patchTaskAction(teamSlug: string, input: PatchTaskInput) {
  const result = await runPatch(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}

const runSetStatus = teamAction(setTaskStatus);
/** Changes a task's status (board, my tasks). */
export async function setTaskStatusAction(
  teamSlug: string,
  input: { taskId: string; version: number; status: string },
) {
  const result = await runSetStatus(teamSlug, input as { taskId: string; version: number; status: "TODO" });
  if (result.ok) refresh(teamSlug);
  return result;
}

const runBulk = teamAction(bulkTasks);
/** Applies one change to many tasks, all or nothing. */
export async function bulkTasksAction(teamSlug: string, input: BulkTasksInput) {
  const result = await runBulk(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}

const runAddComment = teamAction(addComment);
/** Adds a comment to a task. */
export async function addCommentAction(teamSlug: string, taskId: string, body: string) {
  const result = await runAddComment(teamSlug, { taskId, body });
  if (result.ok) refresh(teamSlug);
  return result;
}

const runEditComment = teamAction(editComment);
/** Edits one's own comment. */
export async function editCommentAction(teamSlug: string, commentId: string, body: string) {
  const result = await runEditComment(teamSlug, { commentId, body });
  if (result.ok) refresh(teamSlug);
  return result;
}

const runDeleteComment = teamAction(deleteComment);
/** Deletes one's own comment. */
export async function deleteCommentAction(teamSlug: string, commentId: string) {
  const result = await runDeleteComment(teamSlug, { commentId });
  if (result.ok) refresh(teamSlug);
  return result;
}
