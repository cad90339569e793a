import "server-only";
import { z } from "zod";
import type { ApiRoute } from "@/lib/api/define-route";
import { apiRoutes } from "@/lib/api/routes";
import { apiCodeLists, apiSchemas } from "@/lib/api/schemas";
import { optionalDateText } from "@/lib/validation/common";

type JsonSchema = Record<string, unknown>;

const componentRef = (id: string) => `#/components/schemas/${id}`;

const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

/** Descriptions (`.describe()`) and the codes of code-list parameters, which the registry passed as metadata would drop. */
function override(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }) {
  // A calendar-date string of lib/validation (YYYY-MM-DD) is a `date` for generated clients.
  if (ctx.jsonSchema.type === "string" && ctx.jsonSchema.pattern === DATE_PATTERN) ctx.jsonSchema.format ??= "date";
  // An optional date in a body: a date, or "" (as null) for none.
  if (ctx.zodSchema === optionalDateText) {
    delete ctx.jsonSchema.type;
    ctx.jsonSchema.anyOf = [
      { type: "string", format: "date", pattern: DATE_PATTERN },
      { type: "string", const: "", description: "None, as null" },
    ];
  }
  const codes = apiCodeLists.get(ctx.zodSchema)?.codes;
  if (codes) ctx.jsonSchema.enum = [...codes];
  const description = z.globalRegistry.get(ctx.zodSchema)?.description;
  if (description && ctx.jsonSchema.description === undefined) ctx.jsonSchema.description = description;
}

/**
 * A schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Named schemas
 * (apiSchemas) inside it come back as $defs; they point at the components instead.
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const id = apiSchemas.get(schema)?.id;
  if (id) return { $ref: componentRef(id) };
  const {
    $schema: _dialect,
    $defs: _defs,
    ...rest
  } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    metadata: apiSchemas,
    unrepresentable: "any",
    reused: "inline",
    override,
  }) as JsonSchema;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 415 | 422 | 429 | 500 | 503;

const errorDescriptions: Record<ErrorStatus, string> = {
  400: "The body is empty or not JSON, or the cursor is not one of this list with these filters",
  401: "No token, or an unknown, revoked or expired one (WWW-Authenticate: Bearer)",
  403: "The token's role may not do this, or the plan is archived",
  404: "No such object in the token's team (another team's ids are not found either)",
  409: "Someone saved the task or plan since `version` (`error.current` is it now), a task changed during a bulk action, or a request with the same Idempotency-Key is still running",
  415: "The body is not sent as Content-Type: application/json",
  422: "Invalid input, an unknown or repeated query parameter, an unknown code, or an Idempotency-Key already used with another request; `error.fields` lists messages per field path or parameter",
  429: "Too many requests; wait Retry-After seconds",
  500: "An unexpected error; `error.message` gives a reference to quote",
  503: "The database is briefly unavailable; retry after Retry-After seconds",
};

/** The errors an operation may answer with: the route's own and those every operation of its kind may give. */
function errorsOf(route: ApiRoute): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>([401, 422, 429, 500, 503, ...route.errors]);
  if (route.params) statuses.add(404);
  if (route.body) for (const status of [400, 415] as const) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

const headers = {
  "RateLimit-Limit": {
    description:
      "Requests allowed per window by the limit closest to being used up (the token's, or the IP address's before the token is known or when it is closer)",
    schema: { type: "integer" },
  },
  "RateLimit-Remaining": { description: "Requests left in that window", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until that window starts again", schema: { type: "integer" } },
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } },
  Location: { description: "The path of the created resource", schema: { type: "string" } },
  "WWW-Authenticate": { description: 'The challenge: Bearer realm="pathwise"', schema: { type: "string" } },
  ETag: {
    description: "The version of this answer: send it as If-None-Match to get a bodiless 304 while it is unchanged",
    schema: { type: "string" },
  },
  "Cache-Control": {
    description: "private, no-cache: a client may keep the answer but revalidates it (If-None-Match) before each use",
    schema: { type: "string" },
  },
  "Idempotent-Replayed": {
    description: "true when this is the stored answer to an earlier request with the same Idempotency-Key",
    schema: { type: "string", enum: ["true"] },
  },
};

const idempotencyKeyParameter = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Any unique string (1–255 visible ASCII characters, e.g. a UUID) to make a retry safe: for 24 hours a request with the same key and the same method, path and body gets the first answer again (with Idempotent-Replayed: true) and changes nothing; the same key with another request is a 422. Keys are per user and team. Answers 429 and 5xx are not stored: retry them with the same key.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

const ifNoneMatchParameter = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description: "The ETag of an earlier answer: 304 without a body while the answer is unchanged",
  schema: { type: "string" },
};

const rateLimitHeaders = {
  "RateLimit-Limit": headerRef("RateLimit-Limit"),
  "RateLimit-Remaining": headerRef("RateLimit-Remaining"),
  "RateLimit-Reset": headerRef("RateLimit-Reset"),
};

function errorHeaders(status: ErrorStatus) {
  return {
    ...rateLimitHeaders,
    ...(status === 429 || status === 503 ? { "Retry-After": headerRef("Retry-After") } : {}),
    ...(status === 401 ? { "WWW-Authenticate": headerRef("WWW-Authenticate") } : {}),
  };
}

function parametersOf(route: ApiRoute) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...propertySchema } = property;
      out.push({
        name,
        in: where,
        required: where === "path" || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        ...(propertySchema.type === "array" ? { style: "form", explode: true } : {}),
        schema: propertySchema,
      });
    }
  }
  return out;
}

function operationOf(route: ApiRoute) {
  const isGet = route.method === "GET";
  const successHeaders = {
    ...rateLimitHeaders,
    ...(route.location ? { Location: headerRef("Location") } : {}),
    ...(isGet ? { ETag: headerRef("ETag"), "Cache-Control": headerRef("Cache-Control") } : {}),
    ...(isGet ? {} : { "Idempotent-Replayed": headerRef("Idempotent-Replayed") }),
  };
  const responses: Record<string, unknown> = {
    [route.success.status]: {
      description: route.success.description,
      headers: successHeaders,
      ...("schema" in route.success
        ? { content: { "application/json": { schema: jsonSchema(route.success.schema, "output") } } }
        : {}),
    },
  };
  if (isGet)
    responses[304] = {
      description: "Not modified: the answer is still the one with the ETag sent as If-None-Match",
      headers: { ...rateLimitHeaders, ETag: headerRef("ETag"), "Cache-Control": headerRef("Cache-Control") },
    };
  for (const status of errorsOf(route)) {
    responses[status] = {
      description: errorDescriptions[status],
      headers: errorHeaders(status),
      content: { "application/json": { schema: { $ref: componentRef("Error") } } },
    };
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: [...parametersOf(route), ...(isGet ? [ifNoneMatchParameter] : [idempotencyKeyParameter])],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: jsonSchema(route.body, "input"),
                ...(route.exampleBody ? { example: route.exampleBody } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the REST API, generated from the route registry and its zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(apiRoutes) as ApiRoute[]) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  }
  const components = z.toJSONSchema(apiSchemas, {
    target: "draft-2020-12",
    io: "output",
    uri: componentRef,
    unrepresentable: "any",
    override,
  }).schemas;
  // Their ids are the components' own paths ($ref-able as is); a fragment-only $id is not valid OpenAPI.
  for (const schema of Object.values(components)) {
    delete (schema as JsonSchema).$schema;
    delete (schema as JsonSchema).$id;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Pathwise REST API",
      version: "1.0.0",
      description:
        "Plans, tasks, progress and indicators of one team, for BI tools, scripts and ERPs. Authenticate with a personal API token (team settings → API tokens) sent as `Authorization: Bearer <token>`; the token acts for its creator in its team, never above the role they had when creating it. Bodies are JSON sent as `Content-Type: application/json` (else 415). Codes (D1–D4, P1–P4, R1–R4, statuses, priorities) may be given in any letter case in query parameters. Every error is an `Error` body: besides the errors each operation lists, a path under /api/v1 that is not listed here answers 404 and a method a listed path does not take answers 405 with an `Allow` header. Every answer, errors included, carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`. Every list answers a page `{ data, nextCursor, hasMore }`: pass `nextCursor` as `?cursor=` with the same filters for the next page. Every GET answers with an `ETag` (send it as `If-None-Match` for a 304). Every POST, PATCH and DELETE takes an `Idempotency-Key` to make retries safe.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }],
    tags: [
      { name: "Team", description: "Who the token acts as, and the members tasks can be assigned to" },
      { name: "Plans", description: "Plans, their lifecycle and progress" },
      { name: "Tasks", description: "Tasks of a plan, one at a time or in bulk" },
      { name: "Comments", description: "Comments on tasks" },
      { name: "Indicators", description: "Indicators of a plan and their readings" },
      { name: "Catalog", description: "The research framework plans are built from" },
    ],
    paths,
    components: {
      schemas: components,
      headers,
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (pw_…)" } },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
