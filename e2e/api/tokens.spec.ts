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
