import type { z } from "zod";
import type { TeamOperation } from "@/lib/actions/operation";
import type { ApiActor } from "@/lib/api/authenticate";

/**
 * HTTP errors an API route may answer with besides the ones every route may
 * (401, 422, 429, 500, 503; 404 with path parameters; 400 and 415 with a body),
 * which the OpenAPI document adds by itself; 400 for a list's cursor.
 */
export type ApiErrorStatus = 400 | 403 | 404 | 409;

/** What a route's handler gets: the actor of the token, validated input, and `run` for team operations as that actor. */
export type ApiHandlerInput<P, Q, B> = {
  actor: ApiActor;
  params: P;
  query: Q;
  body: B;
  /** Runs a team operation through runOperation as the token's user in its team, capped at the token's role. */
  run: <S extends z.ZodType, R>(operation: TeamOperation<S, R>, input: z.input<S>) => Promise<R>;
};

type NoFields = z.ZodObject<Record<string, never>>;

/** The methods the REST API knows; a route file answers the others with 405. */
export const API_METHODS = ["GET", "POST", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** One operation of the REST API: what the OpenAPI document says about it and the handler that does it. */
export type ApiRoute<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  B extends z.ZodType = z.ZodType,
  R = unknown,
> = {
  operationId: string;
  method: ApiMethod;
  /** OpenAPI path template, e.g. /api/v1/plans/{planId} */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** An example request body for the documentation. */
  exampleBody?: z.input<B>;
  /** The answer on success; a 204 has no body (and no schema). */
  success: { status: 200 | 201; description: string; schema: z.ZodType } | { status: 204; description: string };
  /** Cache-Control of a GET's answer (default: private, no-cache — kept by the client, revalidated with its ETag). */
  cacheControl?: string;
  /** The errors of this route's own rules (see ApiErrorStatus). */
  errors: readonly ApiErrorStatus[];
  handler: (input: ApiHandlerInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<R>;
  /** For a 201: the path of the new resource (the Location header). */
  location?(result: R): string;
};

/** Declares an API route with its input types inferred from its schemas. */
export function defineApiRoute<
  P extends z.ZodObject = NoFields,
  Q extends z.ZodObject = NoFields,
  B extends z.ZodType = z.ZodUndefined,
  R = unknown,
>(route: ApiRoute<P, Q, B, R>): ApiRoute<P, Q, B, R> {
  return route;
}
