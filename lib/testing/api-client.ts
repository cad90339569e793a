// Helpers for tests of the REST API: tokens straight in the database and a client
// that calls the real route handlers (app/api/v1/**/route.ts) with real Requests.
import path from "node:path";
import type { Role } from "@/generated/prisma/enums";
import { newApiToken } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db";
import { CLIENT_IP_HEADER, markClientAddressHeader } from "@/lib/ops/client-address.cjs";
import { randomIp } from "@/lib/testing/factories";

// Handlers are called without the HTTP server, so the header its client-address hook sets is set here.
markClientAddressHeader();

/** Creates an API token of the user in the team with a role ceiling; returns the row and the secret. */
export async function createTestApiToken({
  teamId,
  userId,
  roleCeiling,
  expiresAt = null,
  revokedAt = null,
}: {
  teamId: string;
  userId: string;
  roleCeiling: Role;
  expiresAt?: Date | null;
  revokedAt?: Date | null;
}) {
  const { token, tokenHash, prefix } = newApiToken();
  const row = await db.apiToken.create({
    data: { teamId, userId, name: `Token ${prefix}`, tokenHash, prefix, roleCeiling, expiresAt, revokedAt },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** The route file of an OpenAPI path template: /api/v1/plans/{planId} → app/api/v1/plans/[planId]/route.ts. */
export function routeFileOf(template: string): string {
  return path.resolve(process.cwd(), `app${template.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`);
}

/** The catch-all route of /api/v1, which Next.js runs for a path no other route file takes. */
const UNKNOWN_PATH = "/api/v1/[[...path]]";

const TEMPLATES = [
  "/api/v1/me",
  "/api/v1/members",
  "/api/v1/events",
  "/api/v1/plans",
  "/api/v1/plans/{planId}",
  "/api/v1/plans/{planId}/status",
  "/api/v1/plans/{planId}/templates",
  "/api/v1/plans/{planId}/duplicate",
  "/api/v1/plans/{planId}/progress",
  "/api/v1/plans/{planId}/tasks",
  "/api/v1/plans/{planId}/indicators",
  // A literal segment wins over a parameter, as in Next.js.
  "/api/v1/tasks/bulk",
  "/api/v1/tasks/{taskId}",
  "/api/v1/tasks/{taskId}/comments",
  "/api/v1/tasks/{taskId}/dependencies",
  "/api/v1/tasks/{taskId}/dependencies/{blockerId}",
  "/api/v1/comments/{commentId}",
  "/api/v1/indicators/{indicatorId}",
  "/api/v1/indicators/{indicatorId}/readings",
  "/api/v1/indicators/{indicatorId}/readings/{readingId}",
  "/api/v1/catalog",
  "/api/v1/openapi.json",
];

/** The template a concrete path matches, with its parameters; under /api/v1 the catch-all when none does. */
export function matchRoute(pathname: string, templates: readonly string[] = TEMPLATES) {
  for (const template of templates) {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), "([^/]+)"))}$`,
    );
    const match = pattern.exec(pathname);
    if (match)
      return {
        template,
        params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")])),
      };
  }
  if (pathname.startsWith("/api/v1/")) {
    return { template: UNKNOWN_PATH, params: { path: pathname.slice("/api/v1/".length).split("/") } };
  }
  throw new Error(`No API route for ${pathname}`);
}

type RouteModule = Record<
  string,
  ((request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) | undefined
>;

/** Loads the route module of a template (throws when the file does not exist). */
export async function loadRouteModule(template: string): Promise<RouteModule> {
  return (await import(routeFileOf(template))) as RouteModule;
}

export type ApiCall = {
  method?: string;
  url: string;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  ip?: string;
  headers?: Record<string, string>;
};

/**
 * Calls the route handler for `url` like Next.js would (a body is sent as
 * application/json unless `headers` names another content type); returns status,
 * headers and the parsed JSON body.
 */
export async function callApi({ method = "GET", url, token, body, rawBody, ip = randomIp(), headers = {} }: ApiCall) {
  const full = new URL(url, "http://localhost:3000");
  const { template, params } = matchRoute(full.pathname);
  const handler = (await loadRouteModule(template))[method];
  if (!handler) throw new Error(`${template} has no ${method} handler`);
  const requestHeaders = new Headers({ ...headers, [CLIENT_IP_HEADER]: ip });
  if (token) requestHeaders.set("authorization", `Bearer ${token}`);
  const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined && !requestHeaders.has("content-type"))
    requestHeaders.set("content-type", "application/json");
  const response = await handler(new Request(full, { method, headers: requestHeaders, body: payload }), {
    params: Promise.resolve(params),
  });
  const text = await response.text();

  const json = text ? JSON.parse(text) : null;
  return { status: response.status, headers: response.headers, json };
}

/**
 * A fetch that hands a Request to the route handler of its path, as Next.js
 * would (for clients such as openapi-fetch that take a `fetch`).
 */
export async function routeFetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const { template, params } = matchRoute(new URL(request.url).pathname);
  const handler = (await loadRouteModule(template))[request.method];
  if (!handler) throw new Error(`${template} has no ${request.method} handler`);
  const headers = new Headers(request.headers);
  if (!headers.has(CLIENT_IP_HEADER)) headers.set(CLIENT_IP_HEADER, randomIp());
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
  return handler(new Request(request.url, { method: request.method, headers, body: body || undefined }), {
    params: Promise.resolve(params),
  });
}
