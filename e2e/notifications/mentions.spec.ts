import { expect, test } from "@playwright/test";
import { DEMO_MEMBER, DEMO_OWNER, signIn } from "../fixtures/users";

const TEAM = "demo-commerce";
const PLAN = "2026 New-quality productivity upgrade";

test("a member mentions the owner in a comment; the owner's notification opens the task and is then read", async ({
  browser,
}) => {
  test.setTimeout(120_000); // two sign-ins (argon2id) and a comment on a shared machine
  const note = `please confirm budget ${Date.now()}`;

  // The member comments on one of the owner's tasks, picking the owner from the mention list with the keyboard.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, DEMO_MEMBER);
  await expect(member).not.toHaveURL(/sign-in/, { timeout: 20_000 });
  await member.goto(`/t/${TEAM}`);
  await member.getByRole("link", { name: PLAN }).first().click();
  await member.locator('main a[href*="/tasks/"]:not([href$="/tasks/new"])').first().click();
  const box = member.getByRole("combobox", { name: "Comment", exact: true });
  await box.click();
  await box.pressSequentially("@Zhang");
  // The suggestions list, not the assignee <select> that also offers Zhang Min.
  const option = member.getByRole("listbox").getByRole("option", { name: /Zhang Min/ });
  await expect(option).toBeVisible();
  await box.press("Enter");
  await box.pressSequentially(note);
  await expect(box).toHaveValue(new RegExp(`^@\\[Zhang Min\\]\\(user:[a-z0-9]+\\) ${note}$`));
  await member.getByRole("button", { name: "Comment", exact: true }).click();
  const comment = member.locator('li[id^="comment-"]', { hasText: note });
  await expect(comment.locator("[data-mention]")).toHaveText("@Zhang Min");
  const taskUrl = new URL(member.url()).pathname;
  await memberContext.close();

  // The owner sees the mention, opens it (it leads to the task) and finds it read.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, DEMO_OWNER);
  await expect(owner).not.toHaveURL(/sign-in/, { timeout: 20_000 });
  await owner.goto("/notifications");
  const item = owner.getByRole("listitem").filter({ hasText: "Li Wei mentioned you on" }).first();
  await expect(item.getByRole("button", { name: "Mark read" })).toBeVisible();
  await item.getByRole("link").click();
  await expect(owner).toHaveURL(new RegExp(`${taskUrl}$`));
  await expect(owner.getByText(note)).toBeVisible();
  await owner.goto("/notifications");
  const opened = owner.getByRole("listitem").filter({ hasText: "Li Wei mentioned you on" }).first();
  await expect(opened).toBeVisible();
  await expect(opened.getByRole("button", { name: "Mark read" })).toHaveCount(0);
  await ownerContext.close();
});
