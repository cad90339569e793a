import { expect, test, type Page } from "@playwright/test";
import { createPlanFromR3 } from "../fixtures/plans";
import { createTeamAsNewOwner } from "../fixtures/teams";

// A sign-up and the plan wizard come first, and two windows save at once: a long story on a busy machine.
test.describe.configure({ timeout: 240_000 });

const savedStatus = (p: Page) => p.getByRole("status").filter({ hasText: /^Saved$/ });

/** Signs up, creates a plan from R3 and opens its firewalls task; returns the task's URL. */
async function openTask(page: Page, prefix: string) {
  const { owner, slug } = await createTeamAsNewOwner(page, prefix);
  await createPlanFromR3(page, slug, `Autosave ${owner.email.slice(10, 18)}`);
  await page
    .getByRole("link", { name: /Invest in security: firewalls/ })
    .first()
    .click();
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await expect(page.getByLabel("Title", { exact: true })).toBeVisible();
  return page.url();
}

test("[TASKS]: each field saves as it changes; Saved, a reload shows it; Undo by keyboard puts it back; fits 390 px", async ({
  page,
}) => {
  await openTask(page, "autosave");
  // On a phone (set after sign-up, whose team link sits in the sidebar that a phone folds away).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  // A status saves as soon as it is chosen (retried until the form has hydrated).
  const status = page.getByLabel("Status", { exact: true });
  await expect(async () => {
    await status.selectOption("IN_PROGRESS");
    await expect(savedStatus(page)).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(savedStatus(page)).toBeInViewport();
  await page.reload();
  await expect(status).toHaveValue("IN_PROGRESS");
  await expect(page.getByRole("region", { name: /^History/ })).toContainText(
    "changed status from To do to In progress",
  );

  // Text saves when the user leaves the field (by keyboard here).
  const title = page.getByLabel("Title", { exact: true });
  await expect(async () => {
    await title.fill("Firewalls, saved as typed");
    await page.keyboard.press("Tab");
    await expect(savedStatus(page)).toBeVisible({ timeout: 2_000 });
  }).toPass();

  // Keyboard only: the slider moves a step, saves, Tab reaches Undo, Enter restores 0 %.
  const progress = page.getByLabel("Progress", { exact: true });
  await progress.focus();
  await page.keyboard.press("ArrowRight");
  const undo = page.getByRole("button", { name: "Undo: Progress" });
  await expect(undo).toBeVisible();
  await expect(progress).toHaveValue("5");
  await page.keyboard.press("Tab");
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(progress).toHaveValue("0");
  await expect(savedStatus(page)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await page.reload();
  await expect(progress).toHaveValue("0");
  await expect(title).toHaveValue("Firewalls, saved as typed");
  await expect(status).toHaveValue("IN_PROGRESS");
});

test("[TASKS]: two windows edit different fields at once and both are kept; the same field shows a conflict and loses nothing", async ({
  page,
  browser,
}) => {
  const taskUrl = await openTask(page, "autosave-two");
  const taskPath = new URL(taskUrl).pathname;
  const other = await browser.newContext({ storageState: await page.context().storageState() });
  const otherPage = await other.newPage();
  await otherPage.goto(taskUrl);
  await expect(otherPage.getByLabel("Title", { exact: true })).toBeVisible();

  // Different fields at the same time: a status here, a due date there. Neither is lost.
  await Promise.all([
    expect(async () => {
      await page.getByLabel("Status", { exact: true }).selectOption("BLOCKED");
      await expect(savedStatus(page)).toBeVisible({ timeout: 2_000 });
    }).toPass(),
    expect(async () => {
      await otherPage.getByLabel("Due date", { exact: true }).fill("2026-09-30");
      await otherPage.getByLabel("Due date", { exact: true }).blur();
      await expect(savedStatus(otherPage)).toBeVisible({ timeout: 2_000 });
    }).toPass(),
  ]);
  for (const p of [page, otherPage]) {
    await p.reload();
    await expect(p.getByLabel("Status", { exact: true })).toHaveValue("BLOCKED");
    await expect(p.getByLabel("Due date", { exact: true })).toHaveValue("2026-09-30");
  }

  // The same field: the second window's save is held until the first window has saved its title.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await otherPage.route(
    (url) => url.pathname === taskPath,
    async (route) => {
      if (route.request().method() === "POST" && (await route.request().headerValue("next-action"))) await held;
      await route.continue();
    },
  );
  const otherTitle = otherPage.getByLabel("Title", { exact: true });
  await otherTitle.fill("Title from the second window");
  await otherTitle.blur();
  await expect(otherPage.getByRole("status").filter({ hasText: "Saving…" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Title from the first window");
  await page.getByLabel("Title", { exact: true }).blur();
  await expect(savedStatus(page)).toBeVisible();
  release();

  // The second window shows the first window's title and keeps its own input, unsaved.
  const clash = otherPage.getByRole("alert").filter({ hasText: "changed Title" });
  await expect(clash).toContainText("“Title from the first window”");
  await expect(clash).toContainText("Yours, “Title from the second window”, is kept in the form and not saved yet.");
  await expect(otherTitle).toHaveValue("Title from the second window");
  await expect(otherPage.getByRole("status").filter({ hasText: "Not saved" })).toBeVisible();

  // Choosing to save it applies it on top; the first window shows it in place.
  await clash.getByRole("button", { name: "Save mine: Title" }).click();
  await expect(savedStatus(otherPage)).toBeVisible();
  await expect(clash).toBeHidden();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Title from the second window", {
    timeout: 30_000,
  });
  await otherPage.reload();
  await expect(otherTitle).toHaveValue("Title from the second window");
  await expect(otherPage.getByRole("region", { name: /^History/ })).toContainText("Title from the first window");
  await other.close();
});
