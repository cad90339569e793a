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
