// The browser-facing security policy: which headers every response carries,
// the per-request Content-Security-Policy with its script nonce, HSTS, and which
// server action requests are let through. Pure functions, so next.config.ts,
// proxy.ts and the tests share them; proxy.ts applies them to each request.

/** Headers every response gets, whatever its type (set in next.config.ts). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/**
 * The policy of responses the proxy never sees (build assets under /_next/static,
 * the favicon): they are never documents, so nothing may load from them.
 */
export const STATIC_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Paths the proxy skips; next.config.ts gives them STATIC_CONTENT_SECURITY_POLICY instead. */
export const PROXY_SKIPPED_SOURCES = ["/_next/static/:path*", "/_next/image", "/favicon.ico"];

/** Two years, the preload list's minimum, with every subdomain. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable script nonce: 16 random bytes in base64 (a new one for every request). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type PolicyOptions = {
  /** The script nonce of this response. */
  nonce: string;
  /** Whether the app's public URL is https (APP_URL). */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks with eval in development only. */
  dev?: boolean;
};

/**
 * The Content-Security-Policy of a response rendered by the app. Scripts run
 * only with this request's nonce: Next.js reads it from the request's
 * Content-Security-Policy header and puts it on its own script tags, and
 * 'strict-dynamic' lets those scripts load the app's chunks. No inline script
 * without the nonce runs ('unsafe-inline' is absent, and ignored by browsers
 * that know nonces anyway).
 */
export function contentSecurityPolicy({ nonce, https, dev = false }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles keep 'unsafe-inline' (and no nonce, which would disable it): React
    // renders `style` attributes on the server (progress bars, Tailwind's
    // arbitrary values, recharts' SVG), and a nonce cannot cover an attribute.
    // Injected styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The Strict-Transport-Security value when the app is served over https; none over plain http. */
export function strictTransportSecurity(https: boolean): string | undefined {
  return https ? STRICT_TRANSPORT_SECURITY : undefined;
}

/** The per-request headers the proxy sets on a response (Content-Security-Policy, and HSTS over https). */
export function responseSecurityHeaders(options: PolicyOptions): Headers {
  const headers = new Headers({ "Content-Security-Policy": contentSecurityPolicy(options) });
  const hsts = strictTransportSecurity(options.https);
  if (hsts) headers.set("Strict-Transport-Security", hsts);
  return headers;
}

type RequestLike = { method: string; pathname: string; headers: Headers };

/**
 * Whether a request may reach a server action. Server actions are POSTs to a
 * page (with a `Next-Action` header from the client router, or a plain form post
 * before hydration); every browser sends `Origin` with them. A POST to a page
 * without `Origin`, with `Origin: null`, or with an `Origin` of another host is
 * refused. The host compared is `X-Forwarded-Host` when present, else `Host`,
 * as Next.js compares it (Next.js refuses a mismatch too; this answers it with
 * 403 before any rendering). Route handlers under /api/ are outside this rule:
 * the REST API is called with tokens by clients that send no `Origin`.
 */
export function serverActionOriginAllowed({ method, pathname, headers }: RequestLike): boolean {
  if (method !== "POST" || pathname === "/api" || pathname.startsWith("/api/")) return true;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwardedHost || headers.get("host");
  return Boolean(host) && originHost === host;
}
