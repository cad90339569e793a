// GET /api/v1/comments/{commentId} - get a comment
// PATCH /api/v1/comments/{commentId} - edit one's own comment
// DELETE /api/v1/comments/{commentId} - delete one's own comment
import { apiPath } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiPath(
  apiRoutes.getComment,
  apiRoutes.editComment,
  apiRoutes.deleteComment,
);
