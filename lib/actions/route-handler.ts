import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { auth } from "@/lib/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError, httpStatus } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { localizeError } from "@/lib/i18n/localize-error";
import { resolveLocale } from "@/lib/i18n/request";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * JSON error body `{ error: { code, message, fields? } }` with its HTTP status;
 * `message` and every text of `fields` are in the request's language (or `locale`).
 */
export async function errorResponse(error: unknown, locale?: Locale): Promise<NextResponse> {
  const { code, message, fieldErrors } = localizeError(error, locale ?? (await resolveLocale().catch(() => DEFAULT_LOCALE)));
  const status = code === "INTERNAL" ? 500 : httpStatus[code];
  return NextResponse.json({ error: { code, message, fields: fieldErrors } }, { status });
}

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
      const session = await auth();
      const userId = session?.user?.id;
      if (!userId) throw new AppError("UNAUTHENTICATED");
      const params = await context.params;
      const teamSlug = params.teamSlug ?? "";
      const data = await runOperation(operation, { userId, teamSlug, ip: clientIp(request.headers) }, toInput(params, request.nextUrl.searchParams));
      return NextResponse.json(data, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
