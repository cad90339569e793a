// POST /api/v1/indicators/{indicatorId}/readings - add a reading
import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const POST = apiRoute(apiRoutes.addReading);
