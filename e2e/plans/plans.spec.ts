import { expect, test, type Page } from "@playwright/test";
import { createTeamAsNewOwner, inviteByLink, joinThroughLink } from "../fixtures/teams";
import { newUser } from "../fixtures/users";

// Two people, a wizard and many tasks: these stories take longer than one page.
test.slow();

/** Runs the wizard for areas R3 and R4 with every template and starts the plan. */
async function createPlanFromR3R4(page: Page, slug: string, title: string) {
  await page.goto(`/t/${slug}`);
  await page.getByRole("link", { name: "New plan" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Start date").fill("2026-01-05");
  await page.getByLabel("Target date").fill("2026-12-20");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: /^R3 · / }).check();
  await page.getByRole("checkbox", { name: /^R4 · / }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("9 of 9 selected")).toBeVisible();
  await expect(page.getByText("10 of 10 selected")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Review and create" })).toBeVisible();
  await page.getByRole("button", { name: "Create and start" }).click();
  // Creating 19 tasks with their links and history is one transaction; allow it time on a busy machine.
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible({ timeout: 30_000 });
}

test("[PLANS]: create a plan from R3 and R4, filter by D3, assign, move on the board, comment and see history", async ({
  page,
  browser,
}) => {
  const { slug } = await createTeamAsNewOwner(page, "planner");
  const member = newUser("worker");
  const link = await inviteByLink(page, slug, member.email, "Member");
  const joined = await joinThroughLink(browser, link, member);

  const title = `Secure and deliver ${member.email.slice(11, 19)}`;
  await createPlanFromR3R4(page, slug, title);
  await expect(page.getByRole("heading", { name: "19 tasks" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /R3 · .*\(9\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /R4 · .*\(10\)/ })).toBeVisible();

  // Filter by dilemma D3: every R3 template and R4.9 (D3 ×1); the filter lives in the URL.
  // Filters apply as they are chosen.
  await page.getByLabel("Dilemma").selectOption("D3");
  await expect(page).toHaveURL(/dilemma=D3/);
  await expect(page.getByRole("heading", { name: "10 tasks" })).toBeVisible();
  const sharedUrl = page.url();

  // Bulk-assign the filtered tasks to the member.
  await page.getByLabel("Select all shown tasks").check();
  // Assigning asks first, then says what it did and offers Undo.
  await page.getByLabel("Assign to").selectOption({ label: member.name });
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: `10 tasks assigned to ${member.name}.` })).toBeVisible();
  await expect(page.getByRole("region", { name: /^R3 · / }).getByText(member.name)).toHaveCount(9);
  await expect(page.getByLabel("Select all shown tasks")).not.toBeChecked();

  // The member sees the shared view, and the tasks under My tasks.
  await joined.page.goto(sharedUrl);
  await expect(joined.page.getByRole("heading", { name: "10 tasks" })).toBeVisible();
  await joined.page.getByRole("link", { name: "My tasks" }).click();
  await expect(joined.page.getByRole("list", { name: "My tasks" }).getByRole("listitem")).toHaveCount(10);

  // Board: move a card with the keyboard alternative, then drag another one.
  await page.getByRole("link", { name: "Board", exact: true }).click();
  await expect(page).toHaveURL(/view=board/);
  const inProgress = page.getByRole("region", { name: /In progress/ });
  await page.getByLabel(/^Move Invest in security: firewalls.* to$/).selectOption({ label: "In progress" });
  await expect(inProgress.getByRole("listitem")).toHaveCount(1);
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0); // the move is saved, not only shown
  await page.reload();
  await expect(page.getByRole("region", { name: /In progress/ }).getByRole("listitem")).toHaveCount(1);
  const card = page.getByRole("listitem", { name: /^Establish a security incident response process/ });
  await card.dragTo(page.getByRole("region", { name: /Blocked/ }));
  await expect(page.getByRole("region", { name: /Blocked/ }).getByRole("listitem")).toHaveCount(1);
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);

  // Task detail: comment and read the history.
  await page.getByRole("link", { name: /^R3\.1 · / }).click();
  await page
    .getByRole("combobox", { name: "Comment", exact: true })
    .fill("Firewall vendor shortlisted: **three** offers.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByRole("region", { name: /^Comments/ }).getByText("three", { exact: true })).toBeVisible();
  const history = page.getByRole("region", { name: /^History/ });
  await expect(history).toContainText("changed status from To do to In progress");
  await expect(history).toContainText(`assigned the task to ${member.name}`);

  // The member was notified of the assignment and the comment.
  await joined.page.goto("/notifications");
  await expect(joined.page.getByText(/assigned you/).first()).toBeVisible();
  await expect(joined.page.getByText(/commented on/).first()).toBeVisible();
  await joined.context.close();
});

test("[PLANS]: two people edit the same task; the second's other fields save, and the shared field asks, input kept", async ({
  page,
  browser,
}) => {
  // Two windows hydrate and save at once after the wizard: more than the usual time on a busy machine.
  test.setTimeout(240_000);
  const { slug } = await createTeamAsNewOwner(page, "conflict");
  await createPlanFromR3R4(page, slug, "Conflict drill");
  await page.getByRole("link", { name: /Invest in security: firewalls/ }).click();
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await expect(page.getByLabel("Title", { exact: true })).toBeVisible();
  const taskUrl = page.url();
  const taskPath = new URL(taskUrl).pathname;

  const other = await browser.newContext({ storageState: await page.context().storageState() });
  const otherPage = await other.newPage();
  await otherPage.goto(taskUrl);

  // The second person's saves are held on the way until the first has saved the title, so they meet a newer version.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await otherPage.route(
    (url) => url.pathname === taskPath,
    async (route) => {
      if (route.request().method() === "POST" && (await route.request().headerValue("next-action"))) await held;
      await route.continue();
    },
  );
  // Retry until the form has hydrated and started saving.
  await expect(async () => {
    const description = otherPage.getByLabel("Description", { exact: true });
    await description.fill("My notes that must not be lost.");
    // A fill that met hydration halfway is typed again before it is sent.
    await expect(description).toHaveValue("My notes that must not be lost.", { timeout: 500 });
    await description.blur();
    await expect(otherPage.getByRole("status").filter({ hasText: "Saving…" })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await otherPage.getByLabel("Title", { exact: true }).fill("Firewalls, my wording");
  await otherPage.getByLabel("Title", { exact: true }).blur();
  await otherPage.getByLabel("Status", { exact: true }).selectOption({ label: "Blocked" });

  await expect(async () => {
    await page.getByLabel("Title", { exact: true }).fill("Firewalls and IDS, phase 1");
    await page.getByLabel("Title", { exact: true }).blur();
    await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  release();

  // Description and status go on top of the first person's version; the title asks, with both values shown.
  const alert = otherPage.getByRole("alert").filter({ hasText: "Changed by someone else while you were editing" });
  await expect(alert).toContainText("changed Title to “Firewalls and IDS, phase 1”");
  await expect(alert).toContainText("Yours, “Firewalls, my wording”, is kept in the form and not saved yet.");
  await expect(otherPage.getByLabel("Title", { exact: true })).toHaveValue("Firewalls, my wording");
  await expect(otherPage.getByRole("button", { name: "Undo: Status" })).toBeVisible();

  await alert.getByRole("button", { name: "Use theirs: Title" }).click();
  await expect(alert).toBeHidden();
  await expect(otherPage.getByLabel("Title", { exact: true })).toHaveValue("Firewalls and IDS, phase 1");
  await page.reload();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Firewalls and IDS, phase 1");
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("My notes that must not be lost.");
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("BLOCKED");
  await other.close();
});
