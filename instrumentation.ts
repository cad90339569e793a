import type { Instrumentation } from "next";

/** Runs once per server process: request ids and the access log, graceful shutdown and background jobs (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [
    { installRequestLog },
    { installShutdown },
    { isClientAddressHookInstalled },
    { log },
    { startAppJobsInBackground },
    { getEnv },
  ] = await Promise.all([
    import("./lib/ops/request-log"),
    import("./lib/ops/shutdown"),
    import("./lib/auth/client-ip"),
    import("./lib/log"),
    import("./lib/jobs"),
    import("./lib/env"),
  ]);
  installRequestLog();
  installShutdown();
  if (process.env.NEXT_PHASE !== "phase-production-build" && getEnv().JOBS !== "off") {
    startAppJobsInBackground();
  }
  if (process.env.NODE_ENV === "production" && !isClientAddressHookInstalled()) {
    log().warn(
      "client addresses are unknown (per-IP limits are shared by everyone): start the app with npm start, which preloads lib/ops/client-address-preload.cjs",
    );
  }
}

/** Errors that escape a page, layout, route handler or server action, logged with the request id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log");
  const requestId = request.headers["x-request-id"];
  log().error(
    {
      reqId: Array.isArray(requestId) ? requestId[0] : requestId,
      err: error,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
