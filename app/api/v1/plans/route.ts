// GET /api/v1/plans - list the team's plans
// POST /api/v1/plans - create a plan from templates
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(apiRoutes.listPlans, apiRoutes.createPlan);
