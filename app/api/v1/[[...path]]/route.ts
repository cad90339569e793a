// Any method on a path under /api/v1 that no other route takes - a JSON 404
import { unknownApiPath } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = unknownApiPath();
