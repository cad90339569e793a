import { expect, test } from "@playwright/test";
import { seedPlans } from "../fixtures/seed";
import { createTeamAsNewOwner } from "../fixtures/teams";
import { DEMO_OWNER, signIn } from "../fixtures/users";

type Rollup = { code: string; progress: number | null; taskCount: number };

test("[DASHBOARD]: the plan dashboard shows exactly the numbers of the progress JSON", async ({ page }) => {
  test.slow(); // it also edits a task and opens the report
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

  // Marking a D4-only task done raises D4's figure, and only D4's.
  await page.goto(`/t/${slug}/plans/${planId}?q=R4.1`);
  await page.getByRole("link", { name: /last-mile nodes/ }).click();
  await page.waitForURL(/\/tasks\/[^/]+$/);
  const taskUrl = page.url();
  const save = async (status: string, progress?: string) => {
    // Each field saves as it changes; retry until the form has hydrated and saved the status.
    await expect(async () => {
      await page.getByLabel("Status", { exact: true }).selectOption(status);
      await expect(page.getByRole("button", { name: "Undo: Status" })).toBeVisible({ timeout: 2_000 });
    }).toPass();
    if (progress !== undefined && (await page.getByLabel("Progress", { exact: true }).inputValue()) !== progress) {
      await page.getByLabel("Progress", { exact: true }).fill(progress);
      await expect(page.getByRole("button", { name: "Undo: Progress" })).toBeVisible();
    }
  };
  // A previous run on the same database may have finished it: start from an open task at 0 %.
  if ((await page.getByLabel("Status", { exact: true }).inputValue()) !== "TODO") await save("TODO", "0");

  await page.goto(`/t/${slug}/plans/${planId}/dashboard`);
  const d4Bar = page.getByRole("region", { name: /^D4 / }).first().getByRole("progressbar").first();
  const d1Bar = page.getByRole("region", { name: /^D1 / }).first().getByRole("progressbar").first();
  const [d4Before, d1Before] = [
    Number(await d4Bar.getAttribute("aria-valuenow")),
    Number(await d1Bar.getAttribute("aria-valuenow")),
  ];
  await page.goto(taskUrl);
  await save("DONE");
  await page.goto(`/t/${slug}/plans/${planId}/dashboard`);
  await expect.poll(async () => Number(await d4Bar.getAttribute("aria-valuenow"))).toBeGreaterThan(d4Before);
  expect(Number(await d1Bar.getAttribute("aria-valuenow"))).toBe(d1Before);

  // The print-ready report renders the same plan with its dilemma table.
  await page.goto(`/t/${slug}/plans/${planId}/report`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2026 New-quality productivity upgrade");
  await expect(page.getByRole("table").first()).toContainText("D4");
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();

  // Without a session the endpoint answers 401, never data.
  await page.context().clearCookies();
  const anonymous = await page.request.get(`/api/teams/${slug}/plans/${planId}/progress`);
  expect(anonymous.status()).toBe(401);
});

test("[DASHBOARD]: on a phone the charts load when scrolled to, and Print draws them first", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_OWNER);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/t/demo-commerce");
  await page.getByRole("link", { name: "2026 New-quality productivity upgrade" }).click();
  await page.waitForURL(/\/plans\/[^/]+$/);
  const planPath = new URL(page.url()).pathname;
  await page.goto(`${planPath}/dashboard`);
  await page.waitForLoadState("networkidle");

  // Below the fold the charts keep their space but are not drawn.
  const charts = page.locator("[data-chart]");
  await expect(charts).toHaveCount(2);
  await expect(page.locator('[data-chart="deferred"]')).toHaveCount(2);
  await expect(page.locator("svg.recharts-surface")).toHaveCount(0);

  // Scrolled to, they draw.
  await page.getByRole("heading", { name: "Tasks by status" }).scrollIntoViewIfNeeded();
  await expect(charts.first().locator("svg.recharts-surface")).toBeVisible();

  // A fresh visit, straight to Print: the dialog opens only when both charts are drawn.
  // (The dialog itself is the browser's; the page's print() is replaced to see what it would print.)
  await page.goto(`${planPath}/dashboard`);
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[data-chart="deferred"]')).toHaveCount(2);
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedCharts = String(
        [...document.querySelectorAll("[data-chart]")].filter((c) => c.querySelector("svg.recharts-surface")).length,
      );
    };
  });
  await page.getByRole("button", { name: "Print" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed-charts", "2");
});

test("[DASHBOARD]: the team heat map shows 25 plans a page, with the totals of them all", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { slug } = await createTeamAsNewOwner(page, "heatmap");
  const titles = Array.from({ length: 27 }, (_, i) => `Field ${String(i + 1).padStart(2, "0")}`);
  await seedPlans(slug, titles);
  await page.goto(`/t/${slug}/dashboard`);
  const heatmap = page.getByRole("table", { name: /Progress of each active plan/ });
  const planCells = heatmap.locator("tbody th");
  // Same target date: by title.
  await expect(planCells).toHaveText(titles.slice(0, 25));
  const pages = page.getByRole("navigation", { name: "Pages of the heat map" });
  await expect(pages).toContainText("Plans 1–25 of 27");
  await expect(page.getByText("Active plans", { exact: true }).locator("..")).toContainText("27");
  await expect(pages.getByRole("link", { name: "Previous plans" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Next plans" }).click();
  await page.waitForURL(new RegExp(`/t/${slug}/dashboard\\?page=2$`));
  await expect(planCells).toHaveText(titles.slice(25));
  await expect(pages).toContainText("Plans 26–27 of 27");
  await expect(pages.getByRole("link", { name: "Next plans" })).toHaveCount(0);
  await expect(heatmap.locator("tfoot th")).toHaveText("All active plans");

  // A page past the end is the last one.
  await page.goto(`/t/${slug}/dashboard?page=9`);
  await expect(planCells).toHaveText(titles.slice(25));
});
