import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { newUser, signIn, signUp } from "../fixtures/users";

// A session cookie is only good while its session is open: sign-out, "sign out
// everywhere", a password change and a password reset end sessions on the server,
// so a copy of the cookie (a stolen one) stops working too.

/** A second browser holding a copy of the first one's cookies. */
async function copyOf(browser: Browser, context: BrowserContext): Promise<Page> {
  const copy = await browser.newContext();
  await copy.addCookies(await context.cookies());
  return copy.newPage();
}

/** A browser signed in on its own (another device). */
async function signedInElsewhere(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible({ timeout: 20_000 });
  return page;
}

async function expectSignedIn(page: Page) {
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
}

async function expectSentToSignIn(page: Page) {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile/);
  await expect(page.getByRole("heading", { name: "Sign in to Pathwise" })).toBeVisible();
}

test("[AUTH]: a cookie copied before sign-out is refused after it; other devices stay signed in", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(60_000);
  const user = newUser("copy");
  await signUp(page, user);
  const copied = await copyOf(browser, context);
  await expectSignedIn(copied);
  const elsewhere = await signedInElsewhere(browser, user);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Pathwise" })).toBeVisible();

  await expectSentToSignIn(copied);
  await expectSignedIn(elsewhere);
});

test("[AUTH]: sign out everywhere ends every session of the user", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const user = newUser("everywhere");
  await signUp(page, user);
  const elsewhere = await signedInElsewhere(browser, user);

  await page.goto("/profile");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Pathwise" })).toBeVisible();

  await expectSentToSignIn(elsewhere);
  await expectSentToSignIn(page);
});

test("[AUTH]: a password change keeps this session and ends the others, copies included", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(60_000);
  const user = newUser("change");
  await signUp(page, user);
  const copied = await copyOf(browser, context);
  const elsewhere = await signedInElsewhere(browser, user);

  await page.goto("/profile");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill(`${user.password}-new`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. Your other sessions were signed out.")).toBeVisible({
    timeout: 20_000,
  });

  await expectSignedIn(page);
  await expectSentToSignIn(copied);
  await expectSentToSignIn(elsewhere);
});
