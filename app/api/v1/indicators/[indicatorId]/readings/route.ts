// GET /api/v1/indicators/{indicatorId}/readings - list an indicator's readings
// POST /api/v1/indicators/{indicatorId}/readings - add an indicator reading
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(apiRoutes.listReadings, apiRoutes.addReading);
