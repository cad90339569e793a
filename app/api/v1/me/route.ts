// GET /api/v1/me - who the token acts as
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(apiRoutes.getMe);
