import "server-only";
import { getEnv } from "@/lib/env";

/**
 * The app's public base URL, without a trailing slash: `APP_URL`, or
 * `http://localhost:$PORT` when it is unset. Links in mails are built from this
 * alone, never from request headers (a client writes Host and X-Forwarded-Host).
 */
export function appUrl(): string {
  const env = getEnv();
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/** An absolute link to a path of the app, e.g. appLink("/invite/abc"). */
export function appLink(path: string): string {
  return `${appUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Whether the public URL is https (then browsers get HSTS). */
export function appUsesHttps(): boolean {
  return appUrl().startsWith("https://");
}
