// POST /api/v1/plans/{planId}/status - move a plan along its lifecycle
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(apiRoutes.setPlanStatus);
