import "server-only";
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/actions/error-response";
import { runOperation } from "@/lib/actions/operation";
import { clientIp } from "@/lib/auth/client-ip";
import { authenticateApiRequest } from "@/lib/api/authenticate";
import type { ApiMethod, ApiRoute } from "@/lib/api/define-route";
import { claimKey, fingerprintOf, idempotencyKeyOf, saveAnswer } from "@/lib/api/idempotency";
import {
  limitByIp,
  limitByToken,
  rateLimitOf,
  setRateLimitHeaders,
  tighterLimit,
  type RateLimitState,
} from "@/lib/api/rate-limit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type Handler = (request: Request, context: RouteContext) => Promise<Response>;

/** Every HTTP method a route file of the API answers (Next.js would answer the ones not exported itself). */
export type PathHandlers = Record<"GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Handler>;

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

/** Whether a query field takes a list (an array schema, possibly optional or transformed). */
function isListParam(schema: z.ZodType): boolean {
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodPipe) inner = inner.in as z.ZodType;
    else return inner instanceof z.ZodArray;
  }
}

/**
 * The query string as the route's query schema takes it: a list parameter's
 * repeated and comma-separated values as one array, any other parameter once.
 * An unknown or repeated parameter is a VALIDATION error naming the allowed ones.
 */
function queryOf(query: z.ZodObject | undefined, url: URL): Record<string, string | string[]> {
  const shape: Record<string, z.ZodType> = query?.shape ?? {};
  const allowed = Object.keys(shape).join(", ");
  const out: Record<string, string | string[]> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const field = Object.hasOwn(shape, name) ? shape[name] : undefined;
    const values = url.searchParams.getAll(name);
    if (!field) fieldErrors[name] = [allowed ? msg("apiParamUnknown", { allowed }) : msg("apiParamNone")];
    else if (isListParam(field))
      out[name] = values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean);
    else if (values.length > 1) fieldErrors[name] = [msg("apiParamRepeated")];
    else out[name] = values[0] ?? "";
  }
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", { fieldErrors });
  return out;
}

/** The body as JSON: an empty or unparsable body is BAD_REQUEST, another content type UNSUPPORTED_MEDIA_TYPE. */
function readJson(request: Request, text: string): unknown {
  if (!text.trim()) throw new AppError("BAD_REQUEST", { userMessage: msg("jsonBodyMissing") });
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json")
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", { userMessage: msg("apiContentTypeJson") });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: msg("jsonBodyInvalid") });
  }
}

/** A strong ETag of a JSON body: its sha256, so equal bodies have equal tags on every server. */
export function etagOf(json: string): string {
  return `"${createHash("sha256").update(json).digest("base64url")}"`;
}

/** Whether If-None-Match names the tag (or is *): the client's copy is current. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/** How a client may keep a GET answer: in its own cache only, revalidated with If-None-Match before each use. */
export const REVALIDATE = "private, no-cache";

/** A JSON answer of a GET with its ETag, or a bodiless 304 when the client's copy (If-None-Match) is current. */
export function cacheableJson(request: Request, data: unknown, headers: Headers, cacheControl = REVALIDATE): Response {
  const json = JSON.stringify(data);
  const etag = etagOf(json);
  headers.set("ETag", etag);
  headers.set("Cache-Control", cacheControl);
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  headers.set("Content-Type", "application/json");
  return new Response(json, { status: 200, headers });
}

type Count = (state: RateLimitState) => void;

/**
 * Runs `work` and answers its response, or its error as JSON (errorResponse);
 * either way with the RateLimit-* headers of the limit closest to being used up
 * among those `work` counted against.
 */
async function answer(work: (count: Count) => Promise<Response>): Promise<Response> {
  let rate: RateLimitState | undefined;
  const count: Count = (state) => {
    rate = rate ? tighterLimit(rate, state) : state;
  };
  let response: Response;
  try {
    response = await work(count);
  } catch (error) {
    const limited = rateLimitOf(error);
    if (limited) count(limited);
    response = await errorResponse(error);
  }
  if (rate) setRateLimitHeaders(response.headers, rate);
  return response;
}

/**
 * The route handler of an API operation: counts the request per IP, resolves the
 * bearer token, counts it per token, validates path, query and body with the
 * route's schemas (VALIDATION lists field paths), then runs the handler, whose
 * team operations go through runOperation as the token's user capped at the
 * token's role. Every failure is a JSON error (see errorResponse); every answer
 * carries the RateLimit-* headers, and a 201 the Location of what it created.
 * A GET answers with an ETag (304 to a matching If-None-Match). A write with an
 * Idempotency-Key runs once per key: a retry gets the first answer (idempotency.ts).
 */
export function apiRoute(route: ApiRoute): Handler {
  return (request, context) =>
    answer(async (count) => {
      const ip = clientIp(request.headers);
      count(await limitByIp(ip));
      const actor = await authenticateApiRequest(request.headers);
      count(await limitByToken(actor.tokenId));
      const url = new URL(request.url);
      const key = route.method === "GET" ? null : idempotencyKeyOf(request.headers);
      const text = route.body || key ? await request.text() : "";
      const respond = async (): Promise<Response> => {
        const params = parse(route.params, await context.params);
        const query = parse(route.query, queryOf(route.query, url));
        const body = route.body ? parse(route.body, readJson(request, text)) : undefined;
        const data = await route.handler({
          actor,
          params,
          query,
          body,
          run: (operation, input) =>
            runOperation(
              operation,
              {
                userId: actor.userId,
                teamSlug: actor.teamSlug,
                ip,
                roleCeiling: actor.roleCeiling,
                membership: actor.membership,
              },
              input,
            ),
        });
        const headers = new Headers({ "Cache-Control": "no-store" });
        if (route.method === "GET") return cacheableJson(request, data, headers, route.cacheControl);
        if (route.location) headers.set("Location", route.location(data));
        if (route.success.status === 204) return new Response(null, { status: 204, headers });
        return NextResponse.json(data, { status: route.success.status, headers });
      };
      if (!key) return respond();
      const scope = { teamId: actor.membership.team.id, userId: actor.userId };
      const claim = await claimKey(scope, key, fingerprintOf(route.method, url, text));
      if ("replay" in claim) return claim.replay;
      let response: Response;
      try {
        response = await respond();
      } catch (error) {
        response = await errorResponse(error);
      }
      return saveAnswer(claim.claimed, response);
    });
}

/** A handler without a token (counted per IP) that takes no query parameters. */
export function publicHandler(respond: (request: Request) => Response): Handler {
  return (request) =>
    answer(async (count) => {
      count(await limitByIp(clientIp(request.headers)));
      queryOf(undefined, new URL(request.url));
      return respond(request);
    });
}

/** Answers every request with an error (counted per IP). */
function refuse(error: () => AppError): Handler {
  return (request) =>
    answer(async (count) => {
      count(await limitByIp(clientIp(request.headers)));
      throw error();
    });
}

/**
 * Every method of one path of the API: the given handlers, HEAD as GET without
 * a body, OPTIONS as 204 with Allow, any other method a JSON 405 with Allow.
 */
export function pathHandlers(handlers: Partial<Record<ApiMethod, Handler>>): PathHandlers {
  const get = handlers.GET;
  const allow = [...Object.keys(handlers), ...(get ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed = refuse(
    () =>
      new AppError("METHOD_NOT_ALLOWED", { userMessage: msg("apiMethodNotAllowed", { allow }), details: { allow } }),
  );
  return {
    GET: get ?? notAllowed,
    HEAD: get
      ? async (request, context) => {
          const response = await get(request, context);
          return new Response(null, { status: response.status, headers: response.headers });
        }
      : notAllowed,
    POST: handlers.POST ?? notAllowed,
    PATCH: handlers.PATCH ?? notAllowed,
    PUT: notAllowed,
    DELETE: handlers.DELETE ?? notAllowed,
    OPTIONS: (request) =>
      answer(async (count) => {
        count(await limitByIp(clientIp(request.headers)));
        return new Response(null, { status: 204, headers: { Allow: allow, "Cache-Control": "no-store" } });
      }),
  };
}

/** Every method of a path of the API for its routes (one per method). */
export function apiPath(...routes: ApiRoute[]): PathHandlers {
  return pathHandlers(Object.fromEntries(routes.map((route) => [route.method, apiRoute(route)])));
}

/** Every method of a path under /api/v1 that no route file takes: a JSON 404. */
export function unknownApiPath(): PathHandlers {
  const notFound = refuse(() => new AppError("NOT_FOUND", { userMessage: msg("apiPathUnknown") }));
  return {
    GET: notFound,
    HEAD: notFound,
    POST: notFound,
    PUT: notFound,
    PATCH: notFound,
    DELETE: notFound,
    OPTIONS: notFound,
  };
}
