import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";
import { errorResponse } from "@/lib/actions/route-handler";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { resolveLocale } from "@/lib/i18n/request";
import { toCsv, type CsvTable } from "@/lib/reports/csv";

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * The CSV twin of withTeamRoute: the same guard (sign-in, then runOperation)
 * and the same JSON errors, but a successful result `{ filename, table }` is
 * sent as a UTF-8 CSV download. toInput also gets the requester's language.
 */
export function withTeamCsvRoute<S extends z.ZodType>(
  operation: TeamOperation<S, { filename: string; table: CsvTable }>,
  toInput: (params: Record<string, string>, search: URLSearchParams, locale: Locale) => unknown,
) {
  return async (request: NextRequest, context: RouteContext) => {
    try {
      const userId = (await getCurrentUser())?.id;
      if (!userId) throw new AppError("UNAUTHENTICATED");
      const params = await context.params;
      const teamSlug = params.teamSlug ?? "";
      const input = toInput(params, request.nextUrl.searchParams, await resolveLocale());
      const { filename, table } = await runOperation(
        operation,
        { userId, teamSlug, ip: clientIp(request.headers) },
        input,
      );
      return new Response(toCsv(table), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
