import { expect, test } from "@playwright/test";
import { DEMO_OWNER, newUser, signIn, signUp } from "../fixtures/users";

test("[TEAMS]: create a team and see it listed", async ({ page }) => {
  const user = newUser("teams");
  await signUp(page, user);
  await expect(page.getByText("You are not in a team yet.")).toBeVisible();

  const teamName = `Hangzhou Livestream ${user.email.slice(10, 18)}`;
  await page.getByLabel("Team name").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("link", { name: teamName })).toBeVisible();
  await expect(page.getByText("No plans yet.")).toBeVisible();

  await page.goto("/teams");
  const listed = page.getByRole("list", { name: "Your teams" }).getByRole("link", { name: new RegExp(teamName) });
  await expect(listed).toBeVisible();
  await expect(listed).toContainText("Owner");
});

test("[TEAMS]: a Chinese team name works and gets an address", async ({ page }) => {
  await signUp(page, newUser("zh"));
  await page.getByLabel("Team name").fill("贵州电商发展中心");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/t\/team(-[0-9a-f]{6})?$/);
  await expect(page.getByRole("link", { name: "贵州电商发展中心" })).toBeVisible();
});

test("[TEAMS]: the demo owner sees the demo plan with progress per dilemma", async ({ page }) => {
  await signIn(page, DEMO_OWNER);
  await page.getByRole("link", { name: /Demo Commerce Co\./ }).click();
  await page.getByRole("link", { name: "2026 New-quality productivity upgrade" }).click();
  await expect(page.getByRole("heading", { name: "2026 New-quality productivity upgrade" })).toBeVisible();
  // The plan summary is folded so the tasks come first; it opens on demand.
  await page.getByText(/^Plan summary/).click();
  for (const code of ["D1", "D2", "D3", "D4"]) {
    await expect(page.getByRole("progressbar", { name: new RegExp(`^${code} `) })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: /R3 · Data security and privacy/ })).toBeVisible();
});

test("[TEAMS]: a team the user is not in answers not found", async ({ page }) => {
  await signUp(page, newUser("outsider"));
  const response = await page.goto("/t/demo-commerce");
  expect(response?.status()).toBe(404);
});

test("[TEAMS]: bad names get a clear message; HTML and SQL are stored and shown literally", async ({ page }) => {
  await signUp(page, newUser("badinput"));
  const nameField = page.getByLabel("Team name");

  await nameField.fill("   ");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Enter a team name.")).toBeVisible();

  await nameField.fill("x".repeat(10_000));
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Use at most 100 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/teams$/);

  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const hostile = `<img src=x onerror=alert(1)>'); DROP TABLE "Team";--`;
  await nameField.fill(hostile);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("link", { name: hostile })).toBeVisible();
  await page.goto("/teams");
  await expect(page.getByRole("list", { name: "Your teams" })).toContainText(hostile);
  expect(dialogs).toBe(0);
});
