// GET /api/v1/plans/{planId}/indicators - list a plan's indicators
// POST /api/v1/plans/{planId}/indicators - add an indicator to a plan
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(
  apiRoutes.listIndicators,
  apiRoutes.createIndicator,
);
