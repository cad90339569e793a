import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner, inviteByLink, joinThroughLink } from "../fixtures/teams";
import { newUser, signIn } from "../fixtures/users";

// Several people in several browser contexts: these stories take longer than one user's.
test.slow();

test("[MEMBERS]: an owner invites a member by link; the member signs up through it and sees the team", async ({
  page,
  browser,
}) => {
  const { teamName, slug } = await createTeamAsNewOwner(page);
  const member = newUser("invitee");
  const link = await inviteByLink(page, slug, member.email, "Member");
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(member.email);

  const joined = await joinThroughLink(browser, link, member);
  await expect(joined.page).toHaveURL(new RegExp(`/t/${slug}$`));
  await expect(joined.page.getByRole("link", { name: teamName })).toBeVisible();

  // The link is single-use.
  await joined.page.goto(link);
  await expect(joined.page.getByRole("heading", { name: "Invitation already used" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("table")).toContainText(member.name);
  await expect(page.getByText("No pending invitations.")).toBeVisible();
  await joined.context.close();
});

test("[MEMBERS]: a viewer sees no edit controls and a forged edit is refused", async ({ page, browser }) => {
  const { teamName, slug } = await createTeamAsNewOwner(page);
  const viewer = newUser("viewer");
  const link = await inviteByLink(page, slug, viewer.email, "Viewer");
  const { context, page: viewerPage } = await joinThroughLink(browser, link, viewer);

  await viewerPage.goto(`/t/${slug}/members`);
  await expect(viewerPage.getByRole("table")).toBeVisible();
  await expect(viewerPage.getByLabel("Email to invite")).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await viewerPage.goto(`/t/${slug}/settings`);
  await expect(viewerPage.getByText("Only owners and admins can change these settings.")).toBeVisible();
  await expect(viewerPage.getByLabel("Team name")).toHaveCount(0);
  await expect(viewerPage.getByRole("heading", { name: "Backups of this Pathwise" })).toHaveCount(0);

  // Capture the owner's real "save settings" server action, then replay it with the viewer's session.
  await page.goto(`/t/${slug}/settings`);
  // Owners see the instance's backups (this test server takes no scheduled ones).
  await expect(page.getByRole("heading", { name: "Backups of this Pathwise" })).toBeVisible();
  await expect(page.getByText("Last good backup")).toBeVisible();
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("Team name").fill(`${teamName} renamed`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const captured = await actionRequest;
  await expect(page.getByRole("status")).toHaveText("Saved.");

  const forgedBody = (captured.postData() ?? "").replace(`${teamName} renamed`, "Forged by viewer");
  expect(forgedBody).toContain("Forged by viewer");
  const response = await viewerPage.request.post(captured.url(), {
    headers: {
      "next-action": captured.headers()["next-action"] ?? "",
      "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(captured.url()).origin,
    },
    data: forgedBody,
  });
  expect(await response.text()).toContain("FORBIDDEN");

  await viewerPage.goto(`/t/${slug}`);
  await expect(viewerPage.getByRole("link", { name: `${teamName} renamed` })).toBeVisible();
  await expect(viewerPage.getByText("Forged by viewer")).toHaveCount(0);
  await context.close();
});

test("[MEMBERS]: a role downgrade takes effect on the member's next request", async ({ page, browser }) => {
  const { slug } = await createTeamAsNewOwner(page);
  const admin = newUser("admin");
  const link = await inviteByLink(page, slug, admin.email, "Admin");
  const { context, page: adminPage } = await joinThroughLink(browser, link, admin);
  await adminPage.goto(`/t/${slug}/members`);
  await expect(adminPage.getByLabel("Email to invite")).toBeVisible();

  await page.goto(`/t/${slug}/members`);
  await page.getByLabel(`Role of ${admin.name}`).selectOption({ label: "Viewer" });
  await expect(
    page
      .getByRole("row", { name: new RegExp(admin.name) })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("Viewer");

  await adminPage.reload();
  await expect(adminPage.getByRole("table")).toBeVisible();
  await expect(adminPage.getByLabel("Email to invite")).toHaveCount(0);
  await expect(adminPage.getByText("Viewer", { exact: true }).first()).toBeVisible();
  await context.close();
});

test("[AUTH]: repeated failed sign-ins are throttled with a clear message", async ({ page }) => {
  const { owner } = await createTeamAsNewOwner(page, "throttled");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // Wait for the sign-out to finish: leaving the page earlier could cancel it and keep the session.
  await expect(page.getByRole("heading", { name: "Sign in to Pathwise" })).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: owner.email, password: `wrong-password-${i}` });
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "That email and password do not match an account.",
    );
  }
  await signIn(page, owner);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Too many failed sign-in attempts. Please wait 15 minutes and try again.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[SECURITY]: a server action posted from another site is refused and changes nothing", async ({ page }) => {
  const { teamName, slug } = await createTeamAsNewOwner(page, "csrf");
  await page.goto(`/t/${slug}/settings`);
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("Team name").fill(`${teamName} v2`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const captured = await actionRequest;
  await expect(page.getByRole("status")).toHaveText("Saved.");

  const response = await page.request.post(captured.url(), {
    headers: {
      "next-action": captured.headers()["next-action"] ?? "",
      "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: "https://attacker.example",
    },
    data: (captured.postData() ?? "").replace(`${teamName} v2`, "Renamed cross-site"),
  });
  expect(response.ok()).toBe(false);
  await page.goto(`/t/${slug}`);
  await expect(page.getByRole("link", { name: `${teamName} v2` })).toBeVisible();
});
