import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Low limits for this file only (read once by getEnv, before any import runs).
vi.hoisted(() => {
  vi.stubEnv("API_RATE_LIMIT_PER_TOKEN", "3");
  vi.stubEnv("API_RATE_LIMIT_PER_IP", "5");
  vi.stubEnv("API_RATE_LIMIT_WINDOW_SECONDS", "30");
});

import { createApiRateLimiter } from "@/lib/api/rate-limit";
import { callApi, createTestApiToken } from "@/lib/testing/api-client";
import { db } from "@/lib/db";
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
      expect(response.headers.get("ratelimit-remaining")).toBe(String(2 - i));
    }
    const refused = await callApi({ url: "/api/v1/catalog", token: limited.token, ip: randomIp() });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
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
      expect((await callApi({ url: "/api/v1/plans", token: `pw_guess${i}`, ip })).status).toBe(401);
    }
    const refused = await callApi({ url: "/api/v1/plans", token: "pw_guess-again", ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const valid = await createTestApiToken({ teamId, userId, roleCeiling: "OWNER" });
    expect((await callApi({ url: "/api/v1/plans", token: valid.token, ip })).status).toBe(429);
    expect((await callApi({ url: "/api/v1/plans", token: valid.token, ip: randomIp() })).status).toBe(200);
  });
});
