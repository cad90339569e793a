"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { markRead } from "@/lib/notifications/notifications";

/** Marks one notification (or all) of the signed-in user read. */
export async function markReadAction(notificationId?: string) {
  const user = await requireUser();
  await markRead({ userId: user.id, notificationId });
  revalidatePath("/", "layout");
}
