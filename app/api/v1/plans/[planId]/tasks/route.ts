// GET /api/v1/plans/{planId}/tasks - a filtered page of tasks; POST - create a task
import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(apiRoutes.listTasks);
export const POST = apiRoute(apiRoutes.createTask);
