import { NextResponse, type NextRequest } from "next/server";
import { appUsesHttps } from "@/lib/app-url";
import { getEnv } from "@/lib/env";
import { createNonce, responseSecurityHeaders, serverActionOriginAllowed } from "@/lib/security-headers";

// Runs before every page, route handler and server action (not build assets):
// refuses server action posts without a same-host Origin, gives each response
// its own script nonce in the Content-Security-Policy (Next.js reads it from the
// request header of the same name and puts it on its scripts), adds HSTS when
// APP_URL is https, and passes the requested path to server components, so a
// sign-in redirect can return the user to the page they asked for.
export function proxy(request: NextRequest) {
  const security = responseSecurityHeaders({
    nonce: createNonce(),
    https: appUsesHttps(),
    dev: getEnv().NODE_ENV === "development",
  });

  if (
    !serverActionOriginAllowed({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers })
  ) {
    return new NextResponse(null, { status: 403, headers: security });
  }

  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", security.get("Content-Security-Policy") ?? "");
  const response = NextResponse.next({ request: { headers } });
  security.forEach((value, key) => response.headers.set(key, value));
  return response;
}

// Everything but build assets and the favicon, which get next.config.ts's static headers.
export const config = { matcher: ["/((?!_next/static/|_next/image|favicon.ico).*)"] };
