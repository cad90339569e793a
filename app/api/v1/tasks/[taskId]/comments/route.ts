// GET /api/v1/tasks/{taskId}/comments - list a task's comments
// POST /api/v1/tasks/{taskId}/comments - comment on a task
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(apiRoutes.listComments, apiRoutes.addComment);
