// GET /api/v1/indicators/{indicatorId} - get an indicator
// PATCH /api/v1/indicators/{indicatorId} - update an indicator
// DELETE /api/v1/indicators/{indicatorId} - delete an indicator
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(
  apiRoutes.getIndicator,
  apiRoutes.updateIndicator,
  apiRoutes.deleteIndicator,
);
