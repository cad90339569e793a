import { expect, test, type Page } from "@playwright/test";
import { createPlanFromR3 } from "../fixtures/plans";
import { createTeamAsNewOwner } from "../fixtures/teams";

const DAY = 24 * 60 * 60 * 1000;

/** This week's Monday and the Wednesday after it in Shanghai (UTC+8 all year), as YYYY-MM-DD. */
function shanghaiWeek() {
  const local = new Date(Date.now() + 8 * 60 * 60 * 1000);
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * DAY);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    monday: iso(monday),
    previous: iso(new Date(monday.getTime() - 7 * DAY)),
    nextWednesday: iso(new Date(monday.getTime() + 9 * DAY)),
  };
}

/** Opens a task of the plan by its template key and makes one change, which the task page saves as it is made. */
async function editTask(page: Page, planPath: string, key: string, edit: () => Promise<unknown>) {
  await page.goto(`${planPath}?q=${key}`);
  await page.locator(`a[href^="${planPath}/tasks/"]:not([href$="/tasks/new"])`).first().click();
  await page.waitForURL(/\/tasks\/[^/]+$/);
  // Retried until the form has hydrated and saved.
  await expect(async () => {
    await edit();
    await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 2_000 });
  }).toPass();
}

function overflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("[REACH]: the This week page shows the week's figures in English and Chinese, goes back a week, and the profile's time zone is saved", async ({
  browser,
}) => {
  test.setTimeout(240_000); // two task edits, a language switch and several week pages
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const { slug } = await createTeamAsNewOwner(page, "week");
  const planPath = await createPlanFromR3(page, slug, "Week plan");
  const week = shanghaiWeek();

  // R3.1 (D3 ×3 of the plan's 22) done now; R3.2 due next Wednesday.
  await editTask(page, planPath, "R3.1", () => page.getByLabel("Status", { exact: true }).selectOption("DONE"));
  await editTask(page, planPath, "R3.2", async () => {
    await page.getByLabel("Due date", { exact: true }).fill(week.nextWednesday);
    await page.getByLabel("Due date", { exact: true }).blur();
  });

  await page.goto(`/t/${slug}`);
  await page.getByRole("link", { name: "This week" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/week$`));
  await expect(page.getByRole("heading", { name: "This week", level: 1 })).toBeVisible();
  await expect(page.getByText("(Asia/Shanghai)")).toBeVisible();
  await expect(page.getByTestId("summary-done").locator("dd")).toHaveText("1");
  await expect(page.getByTestId("summary-dueNextWeek").locator("dd")).toHaveText("1");
  await expect(page.getByTestId("summary-newlyOverdue").locator("dd")).toHaveText("0");
  // The plan started this week: D3 was not addressed when the week began and is at 3/22 = 14 % now.
  const d3 = page.getByTestId("dilemma-D3");
  await expect(d3.locator("td").nth(0)).toHaveText("Not addressed");
  await expect(d3.locator("td").nth(1)).toHaveText("14%");
  await expect(page.getByTestId("week-done")).toContainText("(1)");
  await expect(page.getByTestId("week-due-next")).toContainText("(1)");

  for (const size of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await page.reload();
    await expect(page.getByTestId("summary-done")).toBeVisible();
    expect(await overflow(page), `${size.width} px`).toBeLessThanOrEqual(0);
  }

  // The week before: nothing done, and a way forward again.
  await page.getByRole("link", { name: "Previous week" }).click();
  await expect(page).toHaveURL(new RegExp(`/week\\?week=${week.previous}$`));
  await expect(page.getByTestId("summary-done").locator("dd")).toHaveText("0");
  await expect(page.getByTestId("dilemma-D3").locator("td").nth(1)).toHaveText("Not addressed");
  await page.getByRole("link", { name: "Next week" }).click();
  await expect(page).toHaveURL(new RegExp(`/week\\?week=${week.monday}$`));
  await expect(page.getByTestId("summary-done").locator("dd")).toHaveText("1");

  // The week picker: any day shows its Monday-to-Sunday week.
  await page.getByLabel("Week of the day").fill(week.previous);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/week\\?week=${week.previous}$`));

  // Profile: the browser's zone is offered until saved; a saved zone wins over the browser's.
  await page.goto("/profile");
  const zone = page.getByLabel("Time zone", { exact: true });
  await expect(zone).toHaveValue("Asia/Shanghai");
  await expect(page.getByText("Not saved yet")).toBeVisible();
  await zone.selectOption("America/New_York");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("America/New_York");
  await expect(page.getByText("Not saved yet")).toBeHidden();
  await page.goto(`/t/${slug}/week`);
  await expect(page.getByText("(America/New_York)")).toBeVisible();

  // In Chinese.
  await page.goto("/profile");
  await page.getByRole("combobox", { name: "Preferred language" }).selectOption("zh-CN");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.goto(`/t/${slug}/week`);
  await expect(page.getByRole("heading", { name: "本周", level: 1 })).toBeVisible();
  await expect(page.getByTestId("summary-done")).toContainText("已完成任务");
  await expect(page.getByTestId("summary-done").locator("dd")).toHaveText("1");
  await expect(page.getByTestId("dilemma-D3").locator("td").nth(0)).toHaveText("未涉及");
  await expect(page.getByTestId("dilemma-D3").locator("td").nth(1)).toHaveText("14%");
  await page.getByRole("link", { name: "上一周" }).click();
  await expect(page.getByTestId("summary-done").locator("dd")).toHaveText("0");
  await context.close();
});
