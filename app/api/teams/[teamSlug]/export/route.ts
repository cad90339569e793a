// GET /api/teams/{teamSlug}/export - the whole team as a versioned JSON archive (owners; see lib/team-archive)
import type { NextRequest } from "next/server";
import { runOperation } from "@/lib/actions/operation";
import { errorResponse } from "@/lib/actions/route-handler";
import { clientIp } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { exportTeam } from "@/lib/team-archive/export-team";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ teamSlug: string }> }) {
  try {
    const userId = (await getCurrentUser())?.id;
    if (!userId) throw new AppError("UNAUTHENTICATED");
    const { teamSlug } = await context.params;
    const { filename, archive } = await runOperation(
      exportTeam,
      { userId, teamSlug, ip: clientIp(request.headers) },
      {},
    );
    return new Response(JSON.stringify(archive), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
