import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { errorResponse } from "@/lib/actions/error-response";
import { runOperation } from "@/lib/actions/operation";
import { clientIp } from "@/lib/auth/client-ip";
import { authenticateApiRequest } from "@/lib/api/authenticate";
import type { ApiRoute } from "@/lib/api/define-route";
import { limitByIp, limitByToken } from "@/lib/api/rate-limit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) throw new AppError("BAD_REQUEST", { userMessage: msg("jsonBodyMissing") });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: msg("jsonBodyInvalid") });
  }
}

/**
 * The route handler of an API operation: counts the request per IP, resolves the
 * bearer token, counts it per token, validates path, query and body with the
 * route's schemas (VALIDATION lists field paths), then runs the handler, whose
 * team operations go through runOperation as the token's user capped at the
 * token's role. Every failure is a JSON error (see errorResponse).
 */
export function apiRoute(route: ApiRoute) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const ip = clientIp(request.headers);
      await limitByIp(ip);
      const actor = await authenticateApiRequest(request.headers);
      const limit = await limitByToken(actor.tokenId);
      const params = parse(route.params, await context.params);
      const query = parse(route.query, Object.fromEntries(new URL(request.url).searchParams));
      const body = route.body ? parse(route.body, await readJson(request)) : undefined;
      const data = await route.handler({
        actor,
        params,
        query,
        body,
        run: (operation, input) =>
          runOperation(
            operation,
            { userId: actor.userId, teamSlug: actor.teamSlug, ip, roleCeiling: actor.roleCeiling },
            input,
          ),
      });
      return NextResponse.json(data, {
        status: route.success.status,
        headers: { "Cache-Control": "no-store", "RateLimit-Remaining": String(limit.remainingPoints) },
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
