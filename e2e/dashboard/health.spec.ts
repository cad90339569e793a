import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";

test("[HEALTH]: a dilemma no task addresses is 'Not addressed' in grey, never 'On track'; cards count linked tasks", async ({
  page,
}) => {
  test.slow(); // a new team and a plan from the wizard
  const { slug } = await createTeamAsNewOwner(page, "health");
  // Area R3's templates address D3 (all nine) and D4 (R3.7 only); D1 and D2 stay unaddressed.
  await page.goto(`/t/${slug}`);
  await page.getByRole("link", { name: "New plan" }).click();
  await page.getByLabel("Title").fill("Data security first");
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Start date").fill(today);
  await page.getByLabel("Target date").fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: /^R3 · / }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Create and start" }).click();
  await expect(page.getByRole("heading", { name: "Data security first", level: 1 })).toBeVisible({ timeout: 30_000 });

  await page.locator('a[href*="/plans/"][href$="/dashboard"]').click();
  await page.waitForURL(/\/plans\/[^/]+\/dashboard$/);
  const perDilemma = page
    .getByRole("heading", { name: "Health per dilemma" })
    .locator("xpath=..")
    .getByRole("listitem");
  await expect(perDilemma).toHaveCount(4);
  for (const code of ["D1", "D2"]) {
    const item = perDilemma.filter({ hasText: code });
    await expect(item).toContainText("Not addressed");
    await expect(item).not.toContainText("On track");
    await expect(item.getByText("Not addressed")).toHaveClass(/bg-slate-100/);
  }
  // The addressed dilemmas get a real band.
  for (const code of ["D3", "D4"])
    await expect(perDilemma.filter({ hasText: code })).toContainText(/On track|At risk|Off track/);

  const d3 = page.getByRole("region", { name: /^D3 / }).first();
  await expect(d3).toContainText("9 linked tasks");
  await expect(d3).not.toContainText("behind");
  await expect(page.getByRole("region", { name: /^D4 / }).first()).toContainText("1 linked task");
});
