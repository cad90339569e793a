// GET /api/teams/{teamSlug}/plans/{planId}/progress[?at=YYYY-MM-DD] - the plan's progress for a signed-in member
import { withTeamRoute } from "@/lib/actions/route-handler";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";

export const dynamic = "force-dynamic";

export const GET = withTeamRoute(getPlanProgress, (params, search) => ({
  planId: params.planId,
  at: search.get("at") ?? undefined,
}));
