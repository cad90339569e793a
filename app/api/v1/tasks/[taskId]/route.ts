// GET /api/v1/tasks/{taskId} - get a task
// PATCH /api/v1/tasks/{taskId} - update a task
// DELETE /api/v1/tasks/{taskId} - delete a task
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(
  apiRoutes.getTask,
  apiRoutes.updateTask,
  apiRoutes.deleteTask,
);
