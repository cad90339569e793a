// GET /api/health - readiness: 200 when PostgreSQL answers and every migration is applied, 503 otherwise or while shutting down
import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const { isReady, body } = await checkReadiness();
  return NextResponse.json(body, { status: isReady ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
