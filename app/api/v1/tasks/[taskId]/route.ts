// GET /api/v1/tasks/{taskId} - one task; PATCH - change the fields sent (version-checked)
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(apiRoutes.getTask, apiRoutes.updateTask);
