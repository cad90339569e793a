import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";
import { errorResponse } from "@/lib/actions/route-handler";
import { authenticateApiRequest } from "@/lib/api/authenticate";
import {
  limitByIp,
  limitByToken,
  rateLimitOf,
  setRateLimitHeaders,
  tighterLimit,
  type RateLimitState,
} from "@/lib/api/rate-limit";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";
import { resolveLocale } from "@/lib/i18n/request";
import { toCsv, type CsvTable } from "@/lib/reports/csv";

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * Who a CSV download acts as: the signed-in user, or the user of the API token
 * sent as Authorization: Bearer. A token's download counts against the REST
 * API's limits (per IP before the token is checked, then per token), and
 * `limited` receives where it stands.
 */
async function csvActor(request: NextRequest, teamSlug: string, limited: (state: RateLimitState) => void) {
  if (request.headers.has("authorization")) {
    const byIp = await limitByIp(clientIp(request.headers));
    limited(byIp);
    const actor = await authenticateApiRequest(request.headers);
    limited(tighterLimit(byIp, await limitByToken(actor.tokenId)));
    // A token reads only its own team: another team's path is not found, like a missing one.
    if (actor.teamSlug !== teamSlug) throw new AppError("NOT_FOUND");
    // A script has no language cookie: Accept-Language, else the default.
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
    return { userId: actor.userId, roleCeiling: actor.roleCeiling, membership: actor.membership, locale };
  }
  const userId = (await getCurrentUser())?.id;
  if (!userId) throw new AppError("UNAUTHENTICATED");
  return { userId, locale: await resolveLocale() };
}

/**
 * The CSV twin of withTeamRoute: the same guard (sign-in or an API token, then
 * runOperation) and the same JSON errors, but a successful result
 * `{ filename, table }` is sent as a UTF-8 CSV download. toInput also gets the
 * requester's language.
 */
export function withTeamCsvRoute<S extends z.ZodType>(
  operation: TeamOperation<S, { filename: string; table: CsvTable }>,
  toInput: (params: Record<string, string>, search: URLSearchParams, locale: Locale) => unknown,
) {
  return async (request: NextRequest, context: RouteContext) => {
    let rateLimit: RateLimitState | undefined;
    try {
      const params = await context.params;
      const teamSlug = params.teamSlug ?? "";
      const { locale, ...actor } = await csvActor(request, teamSlug, (state) => (rateLimit = state));
      const input = toInput(params, request.nextUrl.searchParams, locale);
      const { filename, table } = await runOperation(
        operation,
        { ...actor, teamSlug, ip: clientIp(request.headers) },
        input,
      );
      const headers = new Headers({
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (rateLimit) setRateLimitHeaders(headers, rateLimit);
      return new Response(toCsv(table), { headers });
    } catch (error) {
      const response = await errorResponse(error);
      const state = rateLimitOf(error) ?? rateLimit;
      if (state) setRateLimitHeaders(response.headers, state);
      return response;
    }
  };
}
