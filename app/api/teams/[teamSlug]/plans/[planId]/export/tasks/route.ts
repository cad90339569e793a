// GET /api/teams/{teamSlug}/plans/{planId}/export/tasks - the plan's tasks as a CSV download (titles and names in the requester's language)
import { withTeamCsvRoute } from "@/lib/actions/csv-route";
import { exportPlanTasks } from "@/lib/reports/export-plan";

export const dynamic = "force-dynamic";

export const GET = withTeamCsvRoute(exportPlanTasks, (params, _search, locale) => ({ planId: params.planId, locale }));
