// GET /api/v1/plans/{planId} - get a plan
// PATCH /api/v1/plans/{planId} - update a plan's details
// DELETE /api/v1/plans/{planId} - delete a plan
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(
  apiRoutes.getPlan,
  apiRoutes.updatePlan,
  apiRoutes.deletePlan,
);
