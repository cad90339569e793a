// GET /api/v1/indicators/{indicatorId}/readings/{readingId} - get an indicator reading
// PATCH /api/v1/indicators/{indicatorId}/readings/{readingId} - correct a reading
// DELETE /api/v1/indicators/{indicatorId}/readings/{readingId} - delete a reading
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(
  apiRoutes.getReading,
  apiRoutes.correctReading,
  apiRoutes.deleteReading,
);
