"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { createSavedView, deleteSavedView, renameSavedView } from "@/lib/views/saved-views";
import type { CreateSavedViewInput, RenameSavedViewInput } from "@/lib/validation/saved-view";

function refresh(teamSlug: string) {
  revalidatePath(`/t/${teamSlug}/plans`, "layout");
}

const runCreate = teamAction(createSavedView);
/** Saves the plan page's current query as a named view, personal or shared. */
export async function createSavedViewAction(teamSlug: string, input: CreateSavedViewInput) {
  const result = await runCreate(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}

const runRename = teamAction(renameSavedView);
/** Renames one's own view. */
export async function renameSavedViewAction(teamSlug: string, input: RenameSavedViewInput) {
  const result = await runRename(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}

const runDelete = teamAction(deleteSavedView);
/** Deletes a view (one's own, or a shared one with views.manageShared). */
export async function deleteSavedViewAction(teamSlug: string, input: { viewId: string }) {
  const result = await runDelete(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}
