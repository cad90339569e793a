import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/actions/error-response";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";

export { errorResponse };

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * A route handler for a team operation of the signed-in member: the operation's
 * input is built from the route params and query string, then guarded by
 * runOperation (another team's id is a 404 like a missing one).
 */
export function withTeamRoute<S extends z.ZodType, R>(
  operation: TeamOperation<S, R>,
  toInput: (params: Record<string, string>, search: URLSearchParams) => unknown,
) {
  return async (request: NextRequest, context: RouteContext) => {
    try {
      const userId = (await getCurrentUser())?.id;
      if (!userId) throw new AppError("UNAUTHENTICATED");
      const params = await context.params;
      const teamSlug = params.teamSlug ?? "";
      const data = await runOperation(
        operation,
        { userId, teamSlug, ip: clientIp(request.headers) },
        toInput(params, request.nextUrl.searchParams),
      );
      return NextResponse.json(data, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
