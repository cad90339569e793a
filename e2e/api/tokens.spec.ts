import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";

test("[API]: create a token, see it once, use it, revoke it", async ({ page, request }) => {
  test.slow();
  const { slug } = await createTeamAsNewOwner(page, "api");
  await page.goto(`/t/${slug}/settings`);
  await page.getByRole("link", { name: "Manage API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  await expect(async () => {
    await page.getByLabel("Name").fill("Power BI report");
    await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("status")).toContainText("shown only once", { timeout: 3000 });
  }).toPass();
  const secretField = page.getByLabel("Token “Power BI report”");
  await expect(secretField).toHaveValue(/^pw_[\w-]{40,}$/);
  const token = await secretField.inputValue();

  // The token works against the running server, as the owner in this team.
  const created = await request.post("/api/v1/plans", {
    headers: { Authorization: `Bearer ${token}` },
    data: { title: "Plan made by a script", startDate: "2026-01-01", targetDate: "2026-12-31", areas: ["R3"] },
  });
  expect(created.status()).toBe(201);
  const plans = await request.get("/api/v1/plans", { headers: { Authorization: `Bearer ${token}` } });
  expect(plans.status()).toBe(200);
  const body = (await plans.json()) as { data: { title: string; taskCount: number }[] };
  expect(body.data).toEqual([expect.objectContaining({ title: "Plan made by a script", taskCount: 9 })]);

  // Shown once: after a reload only its prefix is listed, with its last use.
  await page.reload();
  await expect(page.getByLabel("Token “Power BI report”")).toHaveCount(0);
  const row = page.getByRole("row", { name: /Power BI report/ });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Not used yet");

  await row.getByRole("button", { name: "Revoke token Power BI report" }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("Revoked");

  const refused = await request.get("/api/v1/plans", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  // Error messages follow the client's Accept-Language.
  const english = await request.get("/api/v1/plans", {
    headers: { Authorization: `Bearer ${token}`, "Accept-Language": "en-US,en;q=0.9" },
  });
  expect(((await english.json()) as { error: { message: string } }).error.message).toBe(
    "The API token has been revoked.",
  );
  const chinese = await request.get("/api/v1/plans", {
    headers: { Authorization: `Bearer ${token}`, "Accept-Language": "zh-CN,zh;q=0.9" },
  });
  expect(((await chinese.json()) as { error: { message: string } }).error.message).toBe("API 令牌已被撤销。");
});

test("[API]: the API reference lists the operations from the OpenAPI document", async ({ page, request }) => {
  const { slug } = await createTeamAsNewOwner(page, "apidocs");
  await page.goto(`/t/${slug}/settings`);
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "REST API reference" })).toBeVisible();
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, Record<string, { summary: string }>>;
  };
  expect(doc.openapi).toBe("3.1.0");
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      await expect(
        page.getByRole("heading", { name: `${method.toUpperCase()} ${path} — ${operation.summary}` }),
      ).toBeVisible();
    }
  }
  await expect(page.getByRole("heading", { name: "Task", exact: true })).toBeVisible();
});

test("[API]: unknown paths, other methods and the rate-limit headers, through the running server", async ({
  request,
}) => {
  for (const path of ["/api/v1", "/api/v1/nope", "/api/v1/plans/x/nope"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    expect(response.headers()["ratelimit-remaining"]).toMatch(/^\d+$/);
  }
  const wrongMethod = await request.delete("/api/v1/plans", { headers: { "Accept-Language": "zh-CN" } });
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("GET, POST, HEAD, OPTIONS");
  expect(((await wrongMethod.json()) as { error: { message: string } }).error.message).toBe(
    "此路径不接受该请求方法。允许的方法：GET, POST, HEAD, OPTIONS。",
  );
  const options = await request.fetch("/api/v1/tasks/x", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
  const unauthenticated = await request.get("/api/v1/plans");
  expect(unauthenticated.status()).toBe(401);
  for (const header of ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"])
    expect(unauthenticated.headers()[header], header).toMatch(/^\d+$/);
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(doc.headers()["ratelimit-limit"]).toMatch(/^\d+$/);
});
