// GET /api/v1/catalog - the research framework (dilemmas, paths, areas, templates, indicators)
import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(apiRoutes.getCatalog);
