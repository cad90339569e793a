import "server-only";
import { z } from "zod";
import type { ApiErrorStatus, ApiRoute } from "@/lib/api/define-route";
import { apiRoutes } from "@/lib/api/routes";
import { apiSchemas } from "@/lib/api/schemas";

type JsonSchema = Record<string, unknown>;

const componentRef = (id: string) => `#/components/schemas/${id}`;

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
  }) as JsonSchema;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

const errorDescriptions: Record<ApiErrorStatus, string> = {
  400: "The body is not JSON",
  401: "No token, or an unknown, revoked or expired one (WWW-Authenticate: Bearer)",
  403: "The token's role may not do this, or the plan is archived",
  404: "No such object in the token's team (another team's ids are not found either)",
  409: "Someone saved the task since `version`; `error.current` is the task now",
  422: "Invalid input; `error.fields` lists messages per field path",
  429: "Too many requests; wait Retry-After seconds",
};

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
        schema: propertySchema,
      });
    }
  }
  return out;
}

function operationOf(route: ApiRoute) {
  const responses: Record<string, unknown> = {
    [route.success.status]: {
      description: route.success.description,
      content: { "application/json": { schema: jsonSchema(route.success.schema, "output") } },
    },
  };
  for (const status of [...route.errors].sort()) {
    responses[status] = {
      description: errorDescriptions[status],
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } }
        : {}),
      content: { "application/json": { schema: { $ref: componentRef("Error") } } },
    };
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: parametersOf(route),
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
  }).schemas;
  for (const schema of Object.values(components)) delete (schema as JsonSchema).$schema;
  return {
    openapi: "3.1.0",
    info: {
      title: "Pathwise REST API",
      version: "1.0.0",
      description:
        "Plans, tasks, progress and indicators of one team, for BI tools, scripts and ERPs. Authenticate with a personal API token (team settings → API tokens) sent as `Authorization: Bearer <token>`; the token acts for its creator in its team, never above the role they had when creating it.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }],
    tags: [{ name: "Plans" }, { name: "Tasks" }, { name: "Indicators" }, { name: "Catalog" }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (pw_…)" } },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
