import { expect, type Page } from "@playwright/test";
import { DEMO_OWNER, signIn } from "../fixtures/users";

export const TEAM = "demo-commerce";
const PLAN_TITLE = "2026 New-quality productivity upgrade";

/** Signs in as the demo owner and returns the main pages of the app by name (paths), read-only to visit. */
export async function mainPages(page: Page): Promise<{ name: string; path: string }[]> {
  await signIn(page, DEMO_OWNER);
  // With one team the demo owner lands on it; with more, on the team list.
  await page.waitForURL(/\/(t\/[^/]+|teams)$/, { timeout: 20_000 });
  await page.goto(`/t/${TEAM}`);
  await page.getByRole("link", { name: PLAN_TITLE }).click();
  await page.waitForURL(/\/plans\/[^/?]+$/);
  const planPath = new URL(page.url()).pathname;
  const taskHref = await page.locator(`a[href^="${planPath}/tasks/"]`).first().getAttribute("href");
  expect(taskHref).toBeTruthy();
  return [
    { name: "team-home", path: `/t/${TEAM}` },
    { name: "plan-wizard", path: `/t/${TEAM}/plans/new` },
    { name: "plan-list", path: planPath },
    { name: "board", path: `${planPath}?view=board` },
    { name: "timeline", path: `${planPath}?view=timeline` },
    { name: "calendar", path: `${planPath}?view=calendar` },
    { name: "task-detail", path: taskHref ?? "" },
    { name: "plan-dashboard", path: `${planPath}/dashboard` },
    { name: "team-dashboard", path: `/t/${TEAM}/dashboard` },
    { name: "week", path: `/t/${TEAM}/week` },
    { name: "my-tasks", path: `/t/${TEAM}/my-tasks` },
    { name: "members", path: `/t/${TEAM}/members` },
    { name: "settings", path: `/t/${TEAM}/settings` },
    { name: "notifications", path: "/notifications" },
    { name: "profile", path: "/profile" },
    { name: "framework", path: "/framework" },
  ];
}
