import { expect, test, type Page } from "@playwright/test";
import { createPlanFromR3 } from "../fixtures/plans";
import { createTeamAsNewOwner } from "../fixtures/teams";

// A sign-up and the plan wizard come first.
test.setTimeout(120_000);

/** Presses Enter on the focused calendar button until the link shows, at most `times` times. */
async function pressUntilVisible(page: Page, link: ReturnType<Page["getByRole"]>, times: number) {
  for (let i = 0; i < times && !(await link.isVisible()); i++) {
    await page.keyboard.press("Enter");
    await page.waitForTimeout(50);
  }
  await expect(link).toBeVisible();
}

test("[VIEWS]: the calendar shows due dates by month and by week, moved through by keyboard, and opens a task", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { owner, slug } = await createTeamAsNewOwner(page, "calendar");
  const planPath = await createPlanFromR3(page, slug, `Calendar ${owner.email.slice(10, 18)}`);
  await page.goto(`${planPath}?view=calendar`);

  // It opens on this month (the server's UTC day), Monday first.
  const title = page.locator("#calendar-title");
  const thisMonth = new Date().toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
  await expect(title).toHaveText(thisMonth);
  await expect(page.getByRole("button", { name: "Month", exact: true })).toHaveAttribute("aria-pressed", "true");

  // The plan started on 5 January 2026: Previous, by keyboard, reaches the month R3.2 is due in.
  const r32 = page.getByRole("link", { name: /^R3\.2 Establish a security incident response process/ });
  await page.getByRole("button", { name: "Previous", exact: true }).focus();
  await pressUntilVisible(page, r32, 24);
  const month = await title.textContent();
  expect(month).toMatch(/2026$/);

  // The week view of that month's first week, then Next week by week until R3.2's week.
  await page.getByRole("button", { name: "Week", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Week", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(title).toHaveText(/^Week of /);
  await page.getByRole("button", { name: "Next", exact: true }).focus();
  await pressUntilVisible(page, r32, 6);

  // Today brings the calendar back; the task opens from its entry.
  await page.getByRole("button", { name: "Today", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(r32).toBeHidden();
  await page.getByRole("button", { name: "Previous", exact: true }).focus();
  await pressUntilVisible(page, r32, 60);
  await r32.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(/Establish a security incident response process/);
});
