// GET /api/v1/plans/{planId}/progress[?at=YYYY-MM-DD] - the plan's progress JSON
import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(apiRoutes.getProgress);
