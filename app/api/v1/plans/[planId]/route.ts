// GET /api/v1/plans/{planId} - one plan
import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(apiRoutes.getPlan);
