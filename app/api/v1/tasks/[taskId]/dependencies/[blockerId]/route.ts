// DELETE /api/v1/tasks/{taskId}/dependencies/{blockerId} - remove a blocker from a task
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(apiRoutes.deleteTaskDependency);
