import { expect, test } from "@playwright/test";
import { DEMO_OWNER, newUser, signIn, signUp } from "../fixtures/users";

test("[AUTH]: sign up, sign out and sign in again", async ({ page }) => {
  const user = newUser("signup");
  await signUp(page, user);
  await expect(page.getByRole("link", { name: user.name })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Pathwise" })).toBeVisible();

  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fteams/);
  await signIn(page, user);
  await expect(page).toHaveURL(/\/teams$/);
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
});

test("[AUTH]: a wrong password gets one clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, { email: DEMO_OWNER.email, password: "not-the-password" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password do not match an account.",
  );
  await signIn(page, { email: "nobody-here@example.test", password: "not-the-password" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password do not match an account.",
  );
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[AUTH]: sign-up shows field errors from the shared schema", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
});

test("[AUTH]: a signed-out visit to a team page lands on sign-in and returns after it", async ({ page }) => {
  await page.goto("/t/demo-commerce");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ft%2Fdemo-commerce/);
  await signIn(page, DEMO_OWNER);
  await expect(page).toHaveURL(/\/t\/demo-commerce$/);
  await expect(page.getByRole("heading", { name: "Plans" })).toBeVisible();
});
