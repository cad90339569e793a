import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { linkIn, waitForMail } from "../fixtures/mail";
import { newUser, submitSignUp } from "../fixtures/users";
import { mainPages } from "./pages";

/** Serious and critical WCAG 2.1 A/AA violations of the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? v.help}`,
      ),
    );
}

test("[A11Y]: the landing page, sign-in and sign-up have no serious or critical axe violations, in the light and the dark theme", async ({
  page,
}) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password"]) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme), path).toBe(colorScheme);
      expect(await seriousViolations(page), `${path} (${colorScheme})`).toEqual([]);
    }
  }
});

test("[A11Y]: the sign-up's inbox answer and its confirmation page have no serious or critical axe violations", async ({
  page,
}) => {
  const user = newUser("axe");
  await submitSignUp(page, user);
  expect(await seriousViolations(page), "check your inbox").toEqual([]);
  await page.goto(linkIn(await waitForMail(user.email), "/sign-up/confirm/"));
  await expect(page.getByLabel("Password")).toBeVisible();
  expect(await seriousViolations(page), "confirm sign-up").toEqual([]);
});

test("[A11Y]: the main pages (team home, wizard, the plan as list, board, timeline and calendar, task detail, dashboards, This week, members, settings, profile) have no serious or critical axe violations", async ({
  page,
}) => {
  test.setTimeout(240_000); // a dozen pages, each loaded and scanned
  const pages = await mainPages(page);
  const found: Record<string, string[]> = {};
  for (const { name, path } of pages) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const violations = await seriousViolations(page);
    if (violations.length) found[name] = violations;
  }
  expect(found).toEqual({});
});

test("[A11Y]: in the dark theme (the system's), every page of the light-theme scan has no serious or critical axe violations", async ({
  page,
}) => {
  test.setTimeout(240_000); // a dozen pages, each loaded and scanned
  await page.emulateMedia({ colorScheme: "dark" });
  const pages = await mainPages(page);
  const found: Record<string, string[]> = {};
  for (const { name, path } of pages) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    // The theme follows the system: the page background is the dark one.
    expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme), name).toBe("dark");
    const violations = await seriousViolations(page);
    if (violations.length) found[name] = violations;
  }
  expect(found).toEqual({});
});

test("[A11Y]: a confirmation is a labelled modal dialog, usable from the keyboard and clean under axe", async ({
  page,
}) => {
  const pages = await mainPages(page);
  await page.goto(pages.find((p) => p.name === "members")?.path ?? "/teams");
  const leave = page.getByRole("button", { name: "Leave team" });
  await expect(async () => {
    await leave.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Please confirm" })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const dialog = page.getByRole("dialog", { name: "Please confirm" });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
});
