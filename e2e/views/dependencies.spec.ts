import { expect, test } from "@playwright/test";
import { createPlanFromR3 } from "../fixtures/plans";
import { createTeamAsNewOwner } from "../fixtures/teams";

// A wizard and a plan of nine tasks.
test.setTimeout(240_000);

test("[VIEWS]: add a blocker on the task page by keyboard, see the early-start warning there and its arrow and warning on the timeline, filtered or not, remove it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { owner, slug } = await createTeamAsNewOwner(page, "deps");
  const planPath = await createPlanFromR3(page, slug, `Deps ${owner.email.slice(10, 18)}`);

  // R3.2's task page, from its name on the timeline.
  await page.goto(`${planPath}?view=timeline`);
  await expect(page.locator('[data-testid="dependency-arrows"]')).toHaveCount(0);
  await page.getByRole("link", { name: /^R3\.2 · / }).click();
  const blockedBy = page.getByRole("region", { name: /^Blocked by/ });
  await expect(blockedBy.getByText("Not blocked by any task.")).toBeVisible();

  // Keyboard only: focus the combobox, type, choose with the arrows, Enter adds.
  const search = page.getByRole("combobox", { name: "Add a blocker" });
  await search.focus();
  await page.keyboard.type("r3.1");
  await expect(page.getByRole("option", { name: /^R3\.1 · / })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("option", { name: /^R3\.1 · / })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /^Now blocked by R3\.1 · / })).toBeVisible();
  await expect(blockedBy.getByRole("link", { name: /^R3\.1 · / })).toBeVisible();
  await expect(page.getByText(/marked this task as blocked by/)).toBeVisible();
  // R3.2 starts with the plan, before R3.1 is due: the task page warns as the timeline does.
  await expect(blockedBy.getByText(/^Starts before “R3\.1 · .*” is due \(/)).toBeVisible();

  // A blocker it already has is no longer offered.
  await search.focus();
  await page.keyboard.type("r3.1");
  await expect(page.getByRole("option", { name: "No matching task." })).toBeVisible();
  await page.keyboard.press("Escape");

  // The timeline: an arrow from R3.1's end to R3.2's start, flagged because R3.2 starts (with the plan) before R3.1 is due.
  await page.goto(`${planPath}?view=timeline`);
  const arrow = page.locator('[data-testid="dependency-arrows"] path[data-blocker]');
  await expect(arrow).toHaveCount(1);
  await expect(arrow).toHaveAttribute("data-early", "true");
  const warning = page.getByRole("img", { name: /^Starts before “R3\.1 · .*” is due \(/ });
  await expect(warning).toBeVisible();
  // Bars are named by their title only; find them by the rows of the named links.
  const barOf = (code: string) =>
    page
      .locator("li[data-task-item]", { has: page.getByRole("link", { name: new RegExp(`^${code} · `) }) })
      .getByRole("button");
  const a = (await barOf("R3\\.1").boundingBox())!;
  const b = (await barOf("R3\\.2").boundingBox())!;
  // The path's ends (its "d" is in the SVG's own coordinates): R3.1's right edge and R3.2's left edge, at their middles.
  const svg = (await page.locator('[data-testid="dependency-arrows"]').boundingBox())!;
  const numbers = ((await arrow.getAttribute("d")) ?? "").match(/-?\d+(\.\d+)?/g)!.map(Number);
  const [fromX, fromY] = numbers;
  const [toY, toX] = numbers.slice(-2);
  expect(Math.abs(svg.x + fromX! - (a.x + a.width))).toBeLessThanOrEqual(1.5);
  expect(Math.abs(svg.y + fromY! - (a.y + a.height / 2))).toBeLessThanOrEqual(1.5);
  expect(Math.abs(svg.x + toX! - b.x)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(svg.y + toY! - (b.y + b.height / 2))).toBeLessThanOrEqual(1.5);

  // A filter that hides one end: the shown task names it, and a hidden blocker still counts for the warning.
  await page.goto(`${planPath}?view=timeline&q=drill`);
  await expect(page.getByRole("link", { name: /^R3\.2 · / })).toBeVisible();
  await expect(page.getByRole("link", { name: /^R3\.1 · / })).toHaveCount(0);
  await expect(page.locator('[data-testid="dependency-arrows"]')).toHaveCount(0);
  await expect(page.getByRole("img", { name: /^Blocked by “R3\.1 · .*”, which the filters hide\.$/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Starts before “R3\.1 · .*” is due \(/ })).toBeVisible();
  await page.goto(`${planPath}?view=timeline&q=firewalls`);
  await expect(page.getByRole("link", { name: /^R3\.2 · / })).toHaveCount(0);
  await expect(page.getByRole("img", { name: /^Blocks “R3\.2 · .*”, which the filters hide\.$/ })).toBeVisible();
  await page.goto(`${planPath}?view=timeline`);

  // Remove it from the task page by keyboard: the list empties, the arrow and warning go.
  await page.getByRole("link", { name: /^R3\.2 · / }).click();
  const remove = page.getByRole("button", { name: /^Remove blocker R3\.1 · / });
  await remove.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /^No longer blocked by R3\.1 · / })).toBeVisible();
  await expect(blockedBy.getByText("Not blocked by any task.")).toBeVisible();
  await expect(blockedBy.getByText(/^Starts before/)).toHaveCount(0);
  await expect(page.getByText(/removed the blocker “/)).toBeVisible();
  await page.goto(`${planPath}?view=timeline`);
  await expect(page.locator('[data-testid="dependency-arrows"]')).toHaveCount(0);
  await expect(page.getByRole("img", { name: /^Starts before/ })).toHaveCount(0);
  await page.goto(`${planPath}?view=timeline&q=drill`);
  await expect(page.getByRole("link", { name: /^R3\.2 · / })).toBeVisible();
  await expect(page.getByRole("img", { name: /which the filters hide/ })).toHaveCount(0);
});
