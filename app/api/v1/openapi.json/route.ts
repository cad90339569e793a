// GET /api/v1/openapi.json - the OpenAPI 3.1 document of the REST API (public)
import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(openApiDocument());
}
