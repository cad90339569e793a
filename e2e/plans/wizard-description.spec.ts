import { expect, test, type Page } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";

test.slow();

/** Next, then the step it leads to: a click before the step changed would be lost. */
async function next(page: Page, step: string) {
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(new RegExp(`step=${step}`));
}

test("[PLANS]: a long Chinese description stays out of the URL, survives reloads and Back, and is saved with the plan", async ({
  page,
}) => {
  const { slug } = await createTeamAsNewOwner(page, "longdesc");
  await page.goto(`/t/${slug}`);
  await page.getByRole("link", { name: "New plan" }).click();

  // 2,880 characters: about 26 KB once percent-encoded, more than a server accepts in a request line.
  const description = "提升数据安全与隐私保护能力，完善物流与供应链体系。".repeat(120);
  await expect(async () => {
    await page.getByLabel("Title").fill("长描述计划");
    await expect(page.getByLabel("Title")).toHaveValue("长描述计划");
  }).toPass();
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Start date").fill("2026-01-05");
  await page.getByLabel("Target date").fill("2026-12-20");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=areas/);
  expect(page.url()).not.toContain("description");

  // A reload keeps everything, the description from this tab's storage.
  await page.reload();
  await page.getByRole("checkbox", { name: /^R3 · / }).check();
  await next(page, "templates");
  await next(page, "review");
  await expect(page.getByRole("heading", { name: "Review and create" })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();

  // Back to the details step, one step at a time (a click before the step changed would be lost), then a reload there.
  for (const step of ["templates", "areas", "details"]) {
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`step=${step}`));
  }
  await expect(page.getByLabel("Title")).toHaveValue("长描述计划");
  await page.reload();
  await expect(page.getByLabel("Description")).toHaveValue(description);

  await next(page, "areas");
  await next(page, "templates");
  await next(page, "review");
  await page.getByRole("button", { name: "Create and start" }).click();
  await expect(page.getByRole("heading", { name: "长描述计划", level: 1 })).toBeVisible({ timeout: 30_000 });

  // Saved with the plan; a new wizard starts without it.
  await page.goto(`${new URL(page.url()).pathname.replace(/\/$/, "")}/settings`);
  await expect(page.getByLabel("Description")).toHaveValue(description);
  await page.goto(`/t/${slug}/plans/new`);
  await expect(page.getByLabel("Title")).toHaveValue("");
  await expect(page.getByLabel("Description")).toHaveValue("");
});
