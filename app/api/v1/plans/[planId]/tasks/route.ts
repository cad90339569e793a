// GET /api/v1/plans/{planId}/tasks - list a plan's tasks
// POST /api/v1/plans/{planId}/tasks - create a task
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(apiRoutes.listTasks, apiRoutes.createTask);
