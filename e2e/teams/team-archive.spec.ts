import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_OWNER, newUser, signIn, signUp } from "../fixtures/users";

test("[TEAMS]: an owner downloads the team archive; another user imports it as a new team; a broken file is refused", async ({
  browser,
}) => {
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, DEMO_OWNER);
  await expect(ownerPage).toHaveURL(/\/teams|\/t\//, { timeout: 20_000 });
  await ownerPage.goto("/t/demo-commerce/settings");
  const downloading = ownerPage.waitForEvent("download");
  await ownerPage.getByRole("link", { name: "Download the team archive" }).click();
  const download = await downloading;
  const archive = JSON.parse(fs.readFileSync((await download.path()) ?? "", "utf8")) as {
    format: string;
    team: { name: string };
    members: unknown[];
    plans: { title: string }[];
  };
  expect(archive.format).toBe("pathwise-team");
  expect(archive.plans.length).toBeGreaterThan(0);

  const page = await (await browser.newContext()).newPage();
  const user = newUser("import");
  await signUp(page, user);
  await page.goto("/teams");
  const name = `Imported ${user.email.slice(7, 15)}`;
  // Without the demo members, so that their team lists stay as the other tests expect.
  const edited = { ...archive, team: { ...archive.team, name }, members: [] };
  const file = page.getByLabel("Archive file");

  await file.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format":') });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/not valid JSON/)).toBeVisible();

  await file.setInputFiles({
    name: "team.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(edited)),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(`Imported as “${name}”.`)).toBeVisible({ timeout: 20_000 });
  await page.getByRole("link", { name: "Open the team" }).click();
  await expect(page.getByRole("link", { name: archive.plans[0]?.title ?? "" }).first()).toBeVisible();
});
