// GET /api/teams/{teamSlug}/plans/{planId}/export/progress - the plan's progress summary (overall, D1–D4, R1–R4, P1–P4) as a CSV download
import { withTeamCsvRoute } from "@/lib/actions/csv-route";
import { exportPlanProgress } from "@/lib/reports/export-plan";

export const dynamic = "force-dynamic";

export const GET = withTeamCsvRoute(exportPlanProgress, (params, _search, locale) => ({
  planId: params.planId,
  locale,
}));
