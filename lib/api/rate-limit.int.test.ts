import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// Low limits for this file only (read once by getEnv, before any import runs).
vi.hoisted(() => {
  vi.stubEnv("API_RATE_LIMIT_PER_TOKEN", "3");
  vi.stubEnv("API_RATE_LIMIT_PER_IP", "5");
  vi.stubEnv("API_RATE_LIMIT_WINDOW_SECONDS", "30");
});

import { defineApiRoute } from "@/lib/api/define-route";
import { apiRoute } from "@/lib/api/handler";
import { createApiRateLimiter } from "@/lib/api/rate-limit";
import { callApi, createTestApiToken } from "@/lib/testing/api-client";
import { db } from "@/lib/db";
import { CLIENT_IP_HEADER } from "@/lib/ops/client-address.cjs";
import { cleanupTestData, createTestTeam, createTestUser, randomIp } from "@/lib/testing/factories";

afterAll(async () => {
  vi.unstubAllEnvs();
  await cleanupTestData();
});

let teamId: string;
let userId: string;

beforeAll(async () => {
  const user = await createTestUser();
  userId = user.id;
  teamId = (await createTestTeam({ ownerId: user.id })).id;
});

describe("REST API rate limits (kept in PostgreSQL)", () => {
  it("answers 429 with Retry-After once a token has used its requests, from any IP; other tokens go on", async () => {
    const limited = await createTestApiToken({ teamId, userId, roleCeiling: "OWNER" });
    const other = await createTestApiToken({ teamId, userId, roleCeiling: "OWNER" });
    for (let i = 0; i < 3; i += 1) {
      const response = await callApi({ url: "/api/v1/catalog", token: limited.token, ip: randomIp() });
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBe("3");
      expect(response.headers.get("ratelimit-remaining")).toBe(String(2 - i));
      expect(Number(response.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    }
    const refused = await callApi({ url: "/api/v1/catalog", token: limited.token, ip: randomIp() });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(refused.headers.get("ratelimit-limit")).toBe("3");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("ratelimit-reset")).toBe(String(retryAfter));
    expect((await callApi({ url: "/api/v1/catalog", token: other.token, ip: randomIp() })).status).toBe(200);

    // The count lives in the database, so another app instance (a new limiter on the same table) sees it too.
    const row = await db.apiRateLimit.findUniqueOrThrow({ where: { key: `api-token:${limited.id}` } });
    expect(row.points).toBe(4);
    const otherInstance = createApiRateLimiter({ keyPrefix: "api-token", points: 3, durationSeconds: 30 });
    await expect(otherInstance.consume(limited.id)).rejects.toMatchObject({ remainingPoints: 0 });
  });

  it("limits an IP before looking at the token, so guessing tokens is throttled too", async () => {
    const ip = randomIp();
    for (let i = 0; i < 5; i += 1) {
      const guess = await callApi({ url: "/api/v1/plans", token: `pw_guess${i}`, ip });
      expect(guess.status).toBe(401);
      // Before the token is known, the IP address's limit is the one that counts.
      expect(guess.headers.get("ratelimit-limit")).toBe("5");
      expect(guess.headers.get("ratelimit-remaining")).toBe(String(4 - i));
    }
    const refused = await callApi({ url: "/api/v1/plans", token: "pw_guess-again", ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    const valid = await createTestApiToken({ teamId, userId, roleCeiling: "OWNER" });
    expect((await callApi({ url: "/api/v1/plans", token: valid.token, ip })).status).toBe(429);
    expect((await callApi({ url: "/api/v1/plans", token: valid.token, ip: randomIp() })).status).toBe(200);
  });
});

describe("REST API rate-limit headers on every answer", () => {
  it("reports the limit closer to being used up: the IP address's once it has fewer requests left", async () => {
    const { token } = await createTestApiToken({ teamId, userId, roleCeiling: "OWNER" });
    const ip = randomIp();
    await callApi({ url: "/api/v1/plans", token: "pw_unknown", ip });
    await callApi({ url: "/api/v1/plans", token: "pw_unknown", ip });
    const ok = await callApi({ url: "/api/v1/plans", token, ip });
    expect(ok.status).toBe(200);
    expect([ok.headers.get("ratelimit-limit"), ok.headers.get("ratelimit-remaining")]).toEqual(["5", "2"]);
  });

  it("carries them on a 500 and on a 503 too", async () => {
    const { token } = await createTestApiToken({ teamId, userId, roleCeiling: "OWNER" });
    const failing = (error: Error) =>
      apiRoute(
        defineApiRoute({
          operationId: "failing",
          method: "GET",
          path: "/api/v1/failing",
          tag: "Test",
          summary: "Fails",
          success: { status: 200, description: "Never", schema: z.object({}) },
          errors: [],
          handler: () => Promise.reject(error),
        }),
      );
    const call = (error: Error) =>
      failing(error)(
        new Request("http://localhost:3000/api/v1/failing", {
          // An address of its own: the count of the shared unknown address is other files' business.
          headers: { authorization: `Bearer ${token}`, [CLIENT_IP_HEADER]: randomIp() },
        }),
        { params: Promise.resolve({}) },
      );
    const bug = await call(new Error("a bug"));
    expect(bug.status).toBe(500);
    const outage = await call(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    expect(outage.status).toBe(503);
    expect(outage.headers.get("retry-after")).toBe("5");
    for (const response of [bug, outage]) {
      expect(response.headers.get("ratelimit-limit")).toBe("3");
      expect(response.headers.get("ratelimit-remaining")).toMatch(/^[0-2]$/);
      expect(response.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
    }
  });

  it("counts in memory while the database cannot be reached, so limits and headers hold", async () => {
    const unreachable = {
      query: () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })),
    };
    const limiter = createApiRateLimiter({
      keyPrefix: "api-test",
      points: 2,
      durationSeconds: 30,
      storeClient: unreachable,
    });
    expect((await limiter.consume("key")).remainingPoints).toBe(1);
    expect((await limiter.consume("key")).remainingPoints).toBe(0);
    await expect(limiter.consume("key")).rejects.toMatchObject({ remainingPoints: 0 });
  });
});
