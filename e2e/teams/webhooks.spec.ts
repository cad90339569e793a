import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";

test("[WEBHOOKS]: an owner adds an endpoint for chosen events, sees its secret once, and a private address is refused", async ({
  page,
}) => {
  const { slug } = await createTeamAsNewOwner(page, "hooks");
  await page.goto(`/t/${slug}/settings`);
  await page.getByRole("link", { name: "Manage webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

  // The cloud metadata address is never a target.
  const address = page.getByLabel("Address");
  await address.fill("http://169.254.169.254/latest/meta-data");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("This address leads to a private, loopback or link-local network")).toBeVisible();
  await expect(page.getByText("No endpoints yet.")).toBeVisible();

  // A public address, only for diagnostics taken.
  await address.fill("https://93.184.216.34/pathwise");
  await page.getByRole("button", { name: "Select none" }).click();
  await page.getByRole("checkbox", { name: "diagnostic.taken" }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("The endpoint is added. Copy its signing secret now")).toBeVisible();
  await expect(page.getByLabel("Signing secret of https://93.184.216.34/pathwise")).toHaveValue(/^whsec_/);
  await expect(page.getByText("Active", { exact: true })).toBeVisible();

  // After a reload the secret is not shown again.
  await page.reload();
  await expect(page.getByLabel("Signing secret of https://93.184.216.34/pathwise")).toHaveCount(0);
  await expect(page.getByText("https://93.184.216.34/pathwise")).toBeVisible();
});

test("[WEBHOOKS]: an owner edits an endpoint on its own page, a private address is refused, filters its log and deletes it after confirming", async ({
  page,
}) => {
  const { slug } = await createTeamAsNewOwner(page, "hookedit");
  await page.goto(`/t/${slug}/settings/webhooks`);
  await page.getByLabel("Address").fill("https://93.184.216.34/first");
  await page.getByLabel("Description (optional)").fill("Warehouse");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("The endpoint is added.")).toBeVisible();
  await expect(page.getByText("Warehouse", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Edit https://93.184.216.34/first and see its delivery log" }).click();
  await expect(page.getByRole("heading", { name: "https://93.184.216.34/first", level: 1 })).toBeVisible();

  // The cloud metadata address is refused on edit as at registration; nothing is saved.
  const address = page.getByLabel("Address");
  await address.fill("http://169.254.169.254/latest/meta-data");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("This address leads to a private, loopback or link-local network")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Address")).toHaveValue("https://93.184.216.34/first");

  await page.getByLabel("Address").fill("https://93.184.216.34/second");
  await page.getByLabel("Description (optional)").fill("Data warehouse");
  await page.getByRole("button", { name: "Select none" }).click();
  await page.getByRole("checkbox", { name: "task.updated" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "https://93.184.216.34/second", level: 1 })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "task.updated" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "comment.created" })).not.toBeChecked();

  // The log filters by status through the address bar.
  await page.getByRole("navigation", { name: "Show deliveries" }).getByRole("link", { name: "Failed" }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  await expect(page.getByText("No deliveries with this status.")).toBeVisible();

  // Delete asks first; cancelling keeps it, confirming removes it and returns to the list.
  await page.getByRole("button", { name: "Delete https://93.184.216.34/second" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Delete https://93.184.216.34/second" }).click();
  await expect(page.getByText("Delete this endpoint and its delivery log?")).toBeVisible();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/settings/webhooks$`));
  await expect(page.getByText("No endpoints yet.")).toBeVisible();
});
