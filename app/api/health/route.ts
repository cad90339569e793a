// GET /api/health - readiness: database reachable and catalog version applied
import { NextResponse } from "next/server";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const rows = await db.catalogVersion.findMany({ orderBy: { appliedAt: "desc" }, take: 1, select: { version: true } });
    return NextResponse.json({ status: "ok", database: "up", catalogVersion: rows[0]?.version ?? null });
  } catch {
    return NextResponse.json({ status: "unavailable", database: "down", catalogVersion: null }, { status: 503 });
  }
}
