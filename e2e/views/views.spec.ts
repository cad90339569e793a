import { expect, test } from "@playwright/test";
import { createPlanFromR3 } from "../fixtures/plans";
import { seedPlans } from "../fixtures/seed";
import { createTeamAsNewOwner } from "../fixtures/teams";

// A wizard and a plan of nine tasks per test.
test.slow();

test("[VIEWS]: at 1440 px the board comes first; bulk reassign asks, summarises and undoes; cards show assignee and due date; a timeline drag is saved", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { owner, slug } = await createTeamAsNewOwner(page, "views");
  const planPath = await createPlanFromR3(page, slug, `Views ${owner.email.slice(10, 18)}`);

  // Bulk reassign: a confirmation, a summary with Undo, and Undo puts the tasks back.
  const r3 = page.getByRole("region", { name: /^R3 · / });
  await page.getByLabel("Select all shown tasks").check();
  await page.getByLabel("Assign to").selectOption({ label: owner.name });
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Assign 9 tasks to ${owner.name}?`);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  const summary = page.getByRole("status").filter({ hasText: `9 tasks assigned to ${owner.name}.` });
  await expect(summary).toBeVisible();
  await expect(r3.getByText(owner.name, { exact: true })).toHaveCount(9);
  await summary.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Undone/ })).toBeVisible();
  await expect(r3.getByText("Unassigned", { exact: true })).toHaveCount(9);
  await page.reload();
  await expect(r3.getByText("Unassigned", { exact: true })).toHaveCount(9);

  // Assign again (Cancel first: nothing changes), then look at the board.
  await page.getByLabel("Select all shown tasks").check();
  await page.getByLabel("Assign to").selectOption({ label: owner.name });
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(r3.getByText("Unassigned", { exact: true })).toHaveCount(9);
  await page.getByLabel("Assign to").selectOption({ label: owner.name });
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(r3.getByText(owner.name, { exact: true })).toHaveCount(9);

  await page.goto(`${planPath}?view=board`);
  const todo = page.getByRole("region", { name: /^To do/ });
  await expect(todo).toBeVisible();
  const box = await todo.boundingBox();
  expect(box, "the board's first column").not.toBeNull();
  expect(box!.y, "the board starts above the fold").toBeLessThan(900 - 100);
  const card = todo.getByRole("listitem", { name: /Invest in security: firewalls/ });
  await expect(card.getByRole("img", { name: `Assigned to ${owner.name}` })).toBeVisible();
  await expect(card).toContainText(/[A-Z][a-z]{2} \d{1,2}/); // the due date, e.g. "Feb 4"

  // Timeline: template tasks start with the plan; dragging a bar ten days later moves start and due, saved.
  await page.goto(`${planPath}?view=timeline`);
  const bar = page.getByRole("button", { name: /^Invest in security: firewalls.*: Jan 5, 2026 – / });
  await expect(bar).toBeVisible();
  const dueBefore = (await bar.getAttribute("aria-label"))?.split(" – ")[1] ?? "";
  const barBox = (await bar.boundingBox())!;
  await page.mouse.move(barBox.x + barBox.width / 2, barBox.y + barBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(barBox.x + barBox.width / 2 + 40, barBox.y + barBox.height / 2, { steps: 4 });
  await page.mouse.move(barBox.x + barBox.width / 2 + 80, barBox.y + barBox.height / 2, { steps: 4 });
  await page.mouse.up();
  const moved = page.getByRole("button", { name: /^Invest in security: firewalls.*: Jan 15, 2026 – / });
  await expect(moved).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.reload();
  await expect(moved).toBeVisible();
  expect((await moved.getAttribute("aria-label"))?.split(" – ")[1]).not.toBe(dueBefore);

  // "?" lists the shortcuts.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();

  // The task's history tells of the move.
  await page.goto(planPath);
  await page.locator('main a[href*="/tasks/"]', { hasText: "Invest in security: firewalls" }).first().click();
  await expect(page.getByText(/moved the start date from Jan 5, 2026 to Jan 15, 2026/)).toBeVisible();
});

test("[VIEWS]: at 390 px the sidebar is a menu, filters fold away and the board starts on the first screen", async ({
  page,
}) => {
  const { owner, slug } = await createTeamAsNewOwner(page, "phone");
  const planPath = await createPlanFromR3(page, slug, `Phone ${owner.email.slice(10, 18)}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${planPath}?view=board`);

  await expect(page.getByRole("link", { name: "My tasks" })).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("link", { name: "My tasks" })).toBeVisible();
  await page.getByRole("button", { name: "Menu" }).click();

  await expect(page.getByRole("search", { name: "Filter tasks" })).toBeHidden();
  const todo = page.getByRole("region", { name: /^To do/ });
  const box = await todo.boundingBox();
  expect(box, "the board's first column").not.toBeNull();
  expect(box!.y, "the board starts on the first screen").toBeLessThan(844);

  // Filters open on demand and apply as chosen.
  await page.getByRole("button", { name: /^Filters/ }).click();
  await page.getByLabel("Priority").selectOption("HIGH");
  await expect(page).toHaveURL(/priority=HIGH/);
  await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("[VIEWS]: Ctrl+K searches the team's tasks and Enter opens the chosen one", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { owner, slug } = await createTeamAsNewOwner(page, "palette");
  await createPlanFromR3(page, slug, `Palette ${owner.email.slice(10, 18)}`);
  // Ctrl+K: the palette searches the team's tasks; Enter opens the chosen one.
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  await page.keyboard.type("firewalls");
  await expect(palette.getByRole("option", { name: /Invest in security: firewalls/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await expect(page.getByLabel("Title")).toHaveValue(/Invest in security: firewalls/);

  // Actions are found by name too: "this week" goes to the team's week page.
  await page.keyboard.press("Control+k");
  await expect(palette).toBeVisible();
  await page.keyboard.type("this week");
  await expect(palette.getByRole("option", { name: "Go to this week" })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/t/${slug}/week$`));
  await expect(page.getByRole("heading", { name: "This week", level: 1 })).toBeVisible();
});

test("[VIEWS]: in a team of many plans the sidebar lists the newest ten and the palette finds the others", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { slug } = await createTeamAsNewOwner(page, "manyplans");
  const titles = Array.from({ length: 12 }, (_, i) => `Route ${String(i + 1).padStart(2, "0")}`);
  const ids = await seedPlans(slug, titles); // Route 12 is the newest
  // Opened straight from an address, the oldest plan is listed too, as the current page.
  await page.goto(`/t/${slug}/plans/${ids[0]}`);
  const sidebar = page.getByRole("navigation", { name: "Main" });
  await expect(sidebar.getByText("Plans (12)")).toBeVisible();
  const listed = sidebar.getByRole("link", { name: /^Route \d\d$/ });
  await expect(listed).toHaveText([...titles.slice(2).reverse(), "Route 01"]);
  await expect(sidebar.getByRole("link", { name: "Route 01" })).toHaveAttribute("aria-current", "page");
  await sidebar.getByRole("link", { name: "All 12 plans" }).click();
  await page.waitForURL(new RegExp(`/t/${slug}$`));

  // Route 02 is in no list of the shell: the palette finds it on the server.
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  await page.keyboard.type("route 02");
  const option = palette.getByRole("option", { name: /Route 02/ });
  await expect(option).toBeVisible();
  await option.click();
  await page.waitForURL(new RegExp(`/t/${slug}/plans/${ids[1]}$`));
  await expect(page.getByRole("heading", { name: "Route 02", level: 1 })).toBeVisible();

  // A plan made now is the newest: the sidebar lists it first, as the current page, and counts it.
  await createPlanFromR3(page, slug, "Route 13");
  await expect(sidebar.getByText("Plans (13)")).toBeVisible();
  await expect(listed.first()).toHaveText("Route 13");
  await expect(sidebar.getByRole("link", { name: "Route 13" })).toHaveAttribute("aria-current", "page");
});

test("[VIEWS]: the team's plan list shows 25 plans a page and finds plans by title", async ({ page }) => {
  const { slug } = await createTeamAsNewOwner(page, "planlist");
  await page.setViewportSize({ width: 390, height: 800 });
  const titles = Array.from({ length: 27 }, (_, i) => `Depot ${String(i + 1).padStart(2, "0")}`);
  await seedPlans(slug, titles); // Depot 27 is the newest
  await page.goto(`/t/${slug}`);
  const list = page.getByRole("main").getByRole("listitem");
  await expect(list).toHaveCount(25);
  await expect(list.first()).toContainText("Depot 27");
  const pages = page.getByRole("navigation", { name: "Pages of plans" });
  await expect(pages).toContainText("Plans 1–25 of 27");
  await pages.getByRole("link", { name: "Next plans" }).click();
  await page.waitForURL(new RegExp(`/t/${slug}\\?page=2$`));
  await expect(list).toHaveCount(2);
  await expect(list.first()).toContainText("Depot 02");

  // By title, either case; the search keeps to the team's plans.
  const search = page.getByRole("searchbox", { name: "Search plans by title" });
  // "/" focuses the page's search, as on a plan.
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await search.fill("depot 1");
  await search.press("Enter");
  await page.waitForURL(new RegExp(`/t/${slug}\\?q=depot\\+1$`));
  await expect(list).toHaveCount(10); // Depot 10 to 19
  await expect(page.getByRole("navigation", { name: "Pages of plans" })).toHaveCount(0);
  await search.fill("no such depot");
  await search.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "No plan’s title contains “no such depot”." })).toBeVisible();
  await page.getByRole("link", { name: "Show all plans" }).click();
  await expect(list).toHaveCount(25);
});
