import { getCurrentUser } from "@/lib/auth/session";
import { openNotification } from "@/lib/notifications/notifications";

const goTo = (path: string) => new Response(null, { status: 303, headers: { Location: path } });

/**
 * Opening a notification: marks it read and goes to what it is about (the task,
 * else the team). Another user's or an unknown id goes to the list, unchanged.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return goTo("/sign-in");
  const { id } = await params;
  return goTo((await openNotification({ userId: user.id, notificationId: id })) ?? "/notifications");
}
