import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import {
  STRICT_TRANSPORT_SECURITY,
  contentSecurityPolicy,
  createNonce,
  responseSecurityHeaders,
  serverActionOriginAllowed,
  strictTransportSecurity,
} from "@/lib/security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("createNonce", () => {
  it("is 16 random bytes in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce and 'strict-dynamic', never 'unsafe-inline'", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    // A nonce in style-src would switch 'unsafe-inline' off for the style attributes React renders.
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds 'unsafe-eval' only in development and upgrade-insecure-requests only over https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(contentSecurityPolicy({ nonce: "n", https: false })).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("strictTransportSecurity", () => {
  it("is two years with subdomains over https, and absent over http", () => {
    expect(strictTransportSecurity(true)).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity(false)).toBeUndefined();
    expect(responseSecurityHeaders({ nonce: "n", https: true }).get("strict-transport-security")).toBe(
      STRICT_TRANSPORT_SECURITY,
    );
    expect(responseSecurityHeaders({ nonce: "n", https: false }).has("strict-transport-security")).toBe(false);
  });
});

describe("serverActionOriginAllowed", () => {
  const post = (pathname: string, headers: Record<string, string>) =>
    serverActionOriginAllowed({ method: "POST", pathname, headers: new Headers(headers) });
  const host = { host: "app.example:3000", "next-action": "7f00aa" };

  it("lets a same-host Origin through, and refuses a missing, null, foreign or malformed one", () => {
    expect(post("/t/acme", { ...host, origin: "http://app.example:3000" })).toBe(true);
    expect(post("/t/acme", host)).toBe(false);
    expect(post("/t/acme", { ...host, origin: "null" })).toBe(false);
    expect(post("/t/acme", { ...host, origin: "https://evil.example" })).toBe(false);
    expect(post("/t/acme", { ...host, origin: "http://app.example:3001" })).toBe(false);
    expect(post("/t/acme", { ...host, origin: "not a url" })).toBe(false);
    // A form posted before hydration carries no Next-Action header; it is held to the same rule.
    expect(post("/sign-in", { host: "app.example:3000" })).toBe(false);
  });

  it("compares with X-Forwarded-Host when a proxy sets it, as Next.js does", () => {
    const forwarded = { host: "10.0.0.5:3000", "x-forwarded-host": "pathwise.example, 10.0.0.1" };
    expect(post("/t/acme", { ...forwarded, origin: "https://pathwise.example" })).toBe(true);
    expect(post("/t/acme", { ...forwarded, origin: "http://10.0.0.5:3000" })).toBe(false);
  });

  it("leaves reads and the token-authenticated API alone", () => {
    expect(serverActionOriginAllowed({ method: "GET", pathname: "/t/acme", headers: new Headers() })).toBe(true);
    expect(post("/api/v1/plans", { host: "app.example:3000" })).toBe(true);
  });
});

describe("proxy", () => {
  const saved = process.env.APP_URL;
  afterEach(() => {
    process.env.APP_URL = saved;
    vi.resetModules();
  });

  /** The proxy as loaded with this APP_URL (the environment is parsed once per module load). */
  async function proxyWith(appUrl: string) {
    process.env.APP_URL = appUrl;
    vi.resetModules();
    return (await import("@/proxy")).proxy;
  }

  it("over https: a fresh nonce per request in both the request and the response policy, and HSTS", async () => {
    const proxy = await proxyWith("https://pathwise.example");
    const first = proxy(new NextRequest("https://pathwise.example/t/acme"));
    const second = proxy(new NextRequest("https://pathwise.example/t/acme"));
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // Next.js reads the nonce from the request's header of the same name.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("over plain http: no HSTS", async () => {
    const proxy = await proxyWith("http://localhost:3000");
    const response = proxy(new NextRequest("http://localhost:3000/t/acme"));
    expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
    expect(response.headers.has("strict-transport-security")).toBe(false);
  });

  it("answers a server action without Origin with 403 and never passes it on", async () => {
    const proxy = await proxyWith("http://localhost:3000");
    const refused = proxy(
      new NextRequest("http://localhost:3000/t/acme", {
        method: "POST",
        headers: { host: "localhost:3000", "next-action": "7f00aa" },
      }),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.has("x-middleware-next")).toBe(false);
    const passed = proxy(
      new NextRequest("http://localhost:3000/t/acme", {
        method: "POST",
        headers: { host: "localhost:3000", origin: "http://localhost:3000", "next-action": "7f00aa" },
      }),
    );
    expect(passed.headers.get("x-middleware-next")).toBe("1");
  });
});
