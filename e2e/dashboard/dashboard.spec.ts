import { expect, test } from "@playwright/test";
import { DEMO_OWNER, signIn } from "../fixtures/users";

type Rollup = { code: string; progress: number | null; taskCount: number };

test("[DASHBOARD]: the plan dashboard shows exactly the numbers of the progress JSON", async ({ page }) => {
  await signIn(page, DEMO_OWNER);
  await page.getByRole("link", { name: /Demo Commerce Co\./ }).click();
  await page.getByRole("link", { name: "2026 New-quality productivity upgrade" }).click();
  // The plan's dashboard (the team's own dashboard is a tab with the same name).
  await page.locator('a[href*="/plans/"][href$="/dashboard"]').click();
  await page.waitForURL(/\/plans\/[^/]+\/dashboard$/);
  const [, , slug, , planId] = new URL(page.url()).pathname.split("/");

  const response = await page.request.get(`/api/teams/${slug}/plans/${planId}/progress`);
  expect(response.status()).toBe(200);
  const json = (await response.json()) as { dilemmas: Rollup[] };
  expect(json.dilemmas.map((d) => d.code)).toEqual(["D1", "D2", "D3", "D4"]);

  for (const d of json.dilemmas) {
    const card = page.getByRole("region", { name: new RegExp(`^${d.code} `) }).first();
    const bar = card.getByRole("progressbar").first();
    if (d.progress === null) {
      await expect(card).toContainText("Not addressed");
    } else {
      await expect(bar).toHaveAttribute("aria-valuenow", String(Math.round(d.progress * 100 + 1e-9)));
    }
  }

  // Without a session the endpoint answers 401, never data.
  await page.context().clearCookies();
  const anonymous = await page.request.get(`/api/teams/${slug}/plans/${planId}/progress`);
  expect(anonymous.status()).toBe(401);
});
