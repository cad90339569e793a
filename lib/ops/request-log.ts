import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { log, requestIdFrom, runWithRequest } from "@/lib/log";

const INSTALLED: unique symbol = Symbol.for("pathwise.requestLogInstalled");

// Single-use secrets travel in these paths; the access log shows the route, not the token.
const SECRET_SEGMENTS = /^\/(invite|reset-password)\/[^/]+/;
const ASSET_PATHS = /^\/(_next\/static|_next\/image|favicon\.ico)/;

function loggedPath(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.replace(SECRET_SEGMENTS, "/$1/:token");
}

/**
 * Gives every HTTP request served by this process an id — the client's
 * X-Request-Id when it is a plain token, else a new UUID — visible to the app as
 * the x-request-id header and to lib/log.ts as currentRequestId(), returned as
 * the X-Request-Id response header, and logs one JSON line when the response is
 * done (method, path without query, status, duration). `next start` creates its
 * HTTP server before instrumentation runs, so the hook sits on http.Server's
 * prototype rather than on one server.
 */
export function installRequestLog(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  // Kept unbound on purpose: it is applied to each server instance below.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const emit = proto.emit;
  proto.emit = function emitWithRequestId(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [req, res] = args as [IncomingMessage, ServerResponse];
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = performance.now();
    res.once("close", () => {
      const path = loggedPath(req.url);
      const line = {
        reqId: requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (ASSET_PATHS.test(path)) log().debug(line, "request");
      else if (res.statusCode >= 500) log().warn(line, "request");
      else log().info(line, "request");
    });
    return runWithRequest(requestId, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
  } as typeof proto.emit;
}
