// GET /api/v1/tasks/{taskId} - one task; PATCH - update it (version-checked)
import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(apiRoutes.getTask);
export const PATCH = apiRoute(apiRoutes.updateTask);
