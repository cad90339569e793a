import { randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { freePort, startNext, waitReady, type Spawned } from "../ops/next-server";

// The per-IP sign-in throttle and the REST API's per-IP limit key on the address
// the connection comes from (TRUST_PROXY=0) or the one the trusted proxy appended
// (TRUST_PROXY=1), never on X-Forwarded-For entries the client writes. Each test
// connects from its own loopback address (127.x.y.z), so the limits it trips
// concern that address alone.

const MAX_SIGN_IN_FAILURES_PER_IP = 20; // lib/auth/throttle.ts

/** A loopback address other than 127.0.0.1 for this test alone. */
function loopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** A documentation-range address that differs on every call. */
function spoofedAddress(): string {
  return `198.51.100.${randomInt(1, 255)}, 203.0.113.${randomInt(1, 255)}`;
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request from `localAddress` (a new connection each time). */
function send(
  url: string,
  {
    method = "GET",
    headers = {},
    body,
    localAddress,
  }: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress: string;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** A failed sign-in through Auth.js's credentials endpoint; returns the error code it redirects with. */
async function failSignIn(baseUrl: string, localAddress: string, forwardedFor: string): Promise<string | null> {
  const csrf = await send(`${baseUrl}/api/auth/csrf`, { localAddress });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({
    csrfToken,
    email: `nobody-${randomBytes(4).toString("hex")}@example.test`,
    password: "wrong-password-123",
  });
  const reply = await send(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: form.toString(),
  });
  expect(reply.status).toBe(302);
  const location = new URL(String(reply.headers.location), baseUrl);
  expect(location.pathname).toBe("/sign-in");
  return location.searchParams.get("code");
}

test("[AUTH]: a rotating X-Forwarded-For does not escape the per-IP sign-in throttle", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const attacker = loopbackAddress();
  for (let i = 0; i < MAX_SIGN_IN_FAILURES_PER_IP; i += 1) {
    expect(await failSignIn(baseURL!, attacker, spoofedAddress())).toBe("credentials");
  }
  expect(await failSignIn(baseURL!, attacker, spoofedAddress())).toBe("throttled");
  // Another address is not affected.
  expect(await failSignIn(baseURL!, loopbackAddress(), spoofedAddress())).toBe("credentials");
});

test.describe("REST API per-IP limit", () => {
  test.describe.configure({ mode: "serial" });
  let server: Spawned | undefined;
  let baseUrl = "";

  async function start(trustProxy: string) {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = startNext(port, { API_RATE_LIMIT_PER_IP: "5", TRUST_PROXY: trustProxy });
    await waitReady(baseUrl);
  }

  test.afterEach(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    server = undefined;
  });

  const guess = (localAddress: string, forwardedFor: string) =>
    send(`${baseUrl}/api/v1/plans`, {
      localAddress,
      headers: { authorization: `Bearer pw_guess${randomBytes(4).toString("hex")}`, "x-forwarded-for": forwardedFor },
    }).then((r) => r.status);

  test("[API]: with TRUST_PROXY=0 the connection's address is limited, whatever X-Forwarded-For says", async () => {
    test.setTimeout(90_000);
    await start("0");
    const attacker = loopbackAddress();
    for (let i = 0; i < 5; i += 1) expect(await guess(attacker, spoofedAddress())).toBe(401);
    expect(await guess(attacker, spoofedAddress())).toBe(429);
    expect(await guess(loopbackAddress(), spoofedAddress())).toBe(401);
  });

  test("[API]: with TRUST_PROXY=1 the address the proxy appended is limited; entries before it are ignored", async () => {
    test.setTimeout(90_000);
    await start("1");
    const proxy = loopbackAddress();
    const client = `192.0.2.${randomInt(1, 255)}`;
    // The client writes its own entries; the proxy appends the address it saw.
    for (let i = 0; i < 5; i += 1) expect(await guess(proxy, `${spoofedAddress()}, ${client}`)).toBe(401);
    expect(await guess(proxy, `${spoofedAddress()}, ${client}`)).toBe(429);
    // Other clients behind the same proxy go on.
    expect(await guess(proxy, `${client}, 2001:db8::${randomBytes(2).toString("hex")}`)).not.toBe(429);
  });
});
