// GET /api/teams/{teamSlug}/events[?since=<event id>] - the team's live event stream (Server-Sent Events) for a signed-in member
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/actions/error-response";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { openTeamStream, parseEventId } from "@/lib/live/team-stream";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ teamSlug: string }> }) {
  try {
    const userId = (await getCurrentUser())?.id;
    if (!userId) throw new AppError("UNAUTHENTICATED");
    const { teamSlug } = await context.params;
    // EventSource sends Last-Event-ID when it reconnects; the page's position is the first connection's.
    const lastEventId =
      parseEventId(request.headers.get("last-event-id")) ?? parseEventId(request.nextUrl.searchParams.get("since"));
    return await openTeamStream({ userId, teamSlug, lastEventId, signal: request.signal });
  } catch (error) {
    return errorResponse(error);
  }
}
