// GET /api/v1/openapi.json - the OpenAPI 3.1 document of the REST API (public, counted per IP)
import { NextResponse } from "next/server";
import { pathHandlers, publicHandler } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

let document: ReturnType<typeof openApiDocument> | undefined;

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = pathHandlers({
  GET: publicHandler(() =>
    NextResponse.json((document ??= openApiDocument()), { headers: { "Cache-Control": "no-store" } }),
  ),
});
