"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { requireUser } from "@/lib/auth/session";
import { setFollow, type FollowInput } from "@/lib/notifications/follow";
import { markRead } from "@/lib/notifications/notifications";
import { savePreferences } from "@/lib/notifications/preferences";

/** Marks one notification (or all) of the signed-in user read. */
export async function markReadAction(notificationId?: string) {
  const user = await requireUser();
  await markRead({ userId: user.id, notificationId });
  revalidatePath("/", "layout");
}

const runFollow = teamAction(setFollow);
/** Follows or unfollows a task or a plan. */
export async function setFollowAction(teamSlug: string, input: FollowInput) {
  const result = await runFollow(teamSlug, input);
  if (result.ok) revalidatePath(`/t/${teamSlug}`, "layout");
  return result;
}

/** Saves the signed-in user's notification channels (profile page). */
export async function savePreferencesAction(formData: FormData) {
  const user = await requireUser();
  await savePreferences(user.id, Object.fromEntries(formData));
  revalidatePath("/profile");
}
