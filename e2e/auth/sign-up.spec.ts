import { expect, test, type Page } from "@playwright/test";
import { linkIn, mailsTo, waitForMail } from "../fixtures/mail";
import { newUser, signIn, signUp, submitSignUp } from "../fixtures/users";

/** The text of the "check your inbox" answer, with the address taken out. */
async function answerText(page: Page, email: string): Promise<string> {
  return (await page.getByRole("status").innerText()).replace(email, "<email>");
}

test("[AUTH]: a new email is told to check the inbox; the mailed link creates the account, signs in and returns to next", async ({
  page,
}) => {
  const user = newUser("fresh");
  await page.goto("/sign-up?next=%2Fprofile");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(`We sent a message to ${user.email}.`);
  // No account yet: signing in does not work before the link is opened.
  await page.goto("/sign-in");
  await signIn(page, user);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password do not match an account.",
  );

  const mail = await waitForMail(user.email);
  expect(mail.subject).toBe("Finish creating your Pathwise account");
  const link = linkIn(mail, "/sign-up/confirm/");
  await page.goto(link);
  await expect(page.getByText(`To create the account for ${user.email}`)).toBeVisible();
  await page.getByLabel("Password").fill(`${user.password}-wrong`);
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page.getByText("That is not the password you chose when you signed up.")).toBeVisible();
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page).toHaveURL(/\/profile$/, { timeout: 20_000 });

  // The link is single-use.
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link has expired or was already used.");
});

test("[AUTH]: sign-up with a taken email answers exactly like a new one, changes nothing and mails the owner", async ({
  page,
  browser,
}) => {
  const owner = newUser("owner");
  await signUp(page, owner);

  const context = await browser.newContext();
  const other = await context.newPage();
  const stranger = newUser("stranger");
  await submitSignUp(other, stranger);
  const answerForNew = await answerText(other, stranger.email);
  await submitSignUp(other, { name: "Someone Else", email: owner.email, password: "another-password-123" });
  expect(await answerText(other, owner.email)).toBe(answerForNew);
  await expect(other.getByRole("status").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");

  const notice = await waitForMail(owner.email, 2);
  expect(notice.subject).toBe("Someone tried to sign up to Pathwise with your address");
  expect(linkIn(notice, "/sign-in")).toBe(new URL("/sign-in", page.url()).toString());
  expect(linkIn(notice, "/forgot-password")).toBe(new URL("/forgot-password", page.url()).toString());
  expect(notice.text).not.toContain("/sign-up/confirm/");

  // The account is unchanged: the old password works, the one typed into the form does not.
  await signIn(other, { email: owner.email, password: "another-password-123" });
  await expect(other.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password do not match an account.",
  );
  await signIn(other, owner);
  await expect(other.getByRole("heading", { name: "Your teams" })).toBeVisible();
  await expect(other.getByRole("link", { name: owner.name })).toBeVisible();
  await context.close();
});

test("[AUTH]: sign-ups for one address are throttled with a clear message and send nothing more", async ({ page }) => {
  const user = newUser("throttled");
  for (let i = 0; i < 3; i++) {
    await submitSignUp(page, user);
  }
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Too many requests for this address or from your network. Please wait 60 minutes and try again.",
  );
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toHaveCount(0);
  await waitForMail(user.email, 3);
  await page.waitForTimeout(1_000);
  expect(mailsTo(user.email)).toHaveLength(3);
});

test("[AUTH]: a reset request with a forged X-Forwarded-Host and Origin still mails a link to APP_URL", async ({
  page,
}) => {
  const user = newUser("reset");
  await signUp(page, user);
  const appUrl = new URL(page.url()).origin; // APP_URL of the server under test
  await page.context().clearCookies();

  // Capture the form's server action, then send it again as a client that claims to be evil.example.
  await page.goto("/forgot-password");
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const captured = await actionRequest;
  await expect(page.getByRole("status")).toHaveText(
    "If an account exists for that email, a reset link is on its way. It works for one hour.",
  );
  await waitForMail(user.email, 2);

  const response = await page.request.post(captured.url(), {
    headers: {
      "next-action": captured.headers()["next-action"] ?? "",
      "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      "x-forwarded-host": "evil.example",
      origin: "http://evil.example",
    },
    data: captured.postData() ?? "",
  });
  expect(response.status()).toBe(200);

  const mail = await waitForMail(user.email, 3);
  expect(mail.subject).toBe("Reset your Pathwise password");
  const link = linkIn(mail, "/reset-password/");
  expect(link.startsWith(`${appUrl}/reset-password/`)).toBe(true);
  expect(mail.text + mail.html).not.toContain("evil.example");
  await page.goto(link);
  await expect(page.getByLabel("New password")).toBeVisible();
});

test("[AUTH]: a reset request for an unknown email gets the same answer and no mail", async ({ page }) => {
  const nobody = newUser("nobody");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(nobody.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "If an account exists for that email, a reset link is on its way. It works for one hour.",
  );
  await page.waitForTimeout(1_000);
  expect(mailsTo(nobody.email)).toEqual([]);
});
