// GET /api/v1/openapi.json - the OpenAPI 3.1 document of the REST API (public, counted per IP)
import { cacheableJson, pathHandlers, publicHandler } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

let document: ReturnType<typeof openApiDocument> | undefined;

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = pathHandlers({
  // Shared caches may keep it for five minutes; after that (or after a deploy) it is revalidated with its ETag.
  GET: publicHandler((request) =>
    cacheableJson(request, (document ??= openApiDocument()), new Headers(), "public, max-age=300, must-revalidate"),
  ),
});
