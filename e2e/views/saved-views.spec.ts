import { expect, test } from "@playwright/test";
import { createPlanFromR3 } from "../fixtures/plans";
import { createTeamAsNewOwner, inviteByLink, joinThroughLink } from "../fixtures/teams";
import { newUser } from "../fixtures/users";

// A wizard, a plan of nine tasks and a second person joining: a long story.
test.slow();

test("[VIEWS]: a filtered board saved as a shared view reopens from the Views menu, and another member sees it under Team views", async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { owner, slug } = await createTeamAsNewOwner(page, "saved-views");
  const planPath = await createPlanFromR3(page, slug, `Saved views ${owner.email.slice(10, 18)}`);

  // Filter the board to dilemma D3, then save it for the team.
  await page.goto(`${planPath}?view=board`);
  await page.getByRole("combobox", { name: "Dilemma", exact: true }).selectOption("D3");
  await expect(page).toHaveURL(/view=board.*dilemma=D3/);
  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await dialog.getByLabel("Name").fill("Security board");
  await dialog.getByLabel("Share with the team").check();
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  const views = page.getByLabel("Saved views");
  await expect(views.locator("option:checked")).toHaveText("Security board");

  // A second view with the same name is refused on the name field.
  await page.getByRole("button", { name: "Save view" }).click();
  await dialog.getByLabel("Name").fill("Security board");
  await dialog.getByLabel("Share with the team").check();
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByText("A view with this name already exists.")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // From the plain plan page, choosing the view restores its URL and filters.
  await page.goto(planPath);
  await expect(views.locator("option:checked")).toHaveText("Choose a view…");
  await views.selectOption({ label: "Security board" });
  await expect(page).toHaveURL(new RegExp(`${planPath}\\?view=board&dilemma=D3$`));
  await expect(page.getByRole("combobox", { name: "Dilemma", exact: true })).toHaveValue("D3");
  await expect(page.getByRole("link", { name: "Board", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(views.locator("option:checked")).toHaveText("Security board");

  // A member who joins sees it under Team views, and on a phone the menu fits.
  const member = newUser("viewer-of-views");
  const link = await inviteByLink(page, slug, member.email, "Member");
  const { context, page: memberPage } = await joinThroughLink(browser, link, member);
  await memberPage.setViewportSize({ width: 390, height: 844 });
  await memberPage.goto(planPath);
  const memberViews = memberPage.getByLabel("Saved views");
  await expect(memberViews.locator('optgroup[label="Team views"] option')).toHaveText(["Security board"]);
  await expect(memberViews.locator('optgroup[label="My views"]')).toHaveCount(0);
  await memberViews.selectOption({ label: "Security board" });
  await expect(memberPage).toHaveURL(/\?view=board&dilemma=D3$/);
  // Not the creator and not an admin: no rename or delete.
  await expect(memberPage.getByRole("button", { name: "Delete view" })).toHaveCount(0);
  expect(await memberPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
    0,
  );
  await context.close();
});
