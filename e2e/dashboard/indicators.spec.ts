import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_OWNER, signIn } from "../fixtures/users";

test("[INDICATORS]: add a suggested indicator, record a reading, see its progress and the CSV exports", async ({
  page,
}) => {
  await signIn(page, DEMO_OWNER);
  await page.getByRole("link", { name: /Demo Commerce Co\./ }).click();
  await page.getByRole("link", { name: "2026 New-quality productivity upgrade" }).click();
  await page.getByRole("link", { name: "Indicators" }).click();
  await page.waitForURL(/\/indicators$/);

  // A suggestion fills name, unit and direction; a lower-is-better indicator from 10 to 4.
  await page.getByLabel("Dilemma").selectOption("D3");
  await page.getByLabel("Indicator", { exact: true }).selectOption({ label: "Security incidents per quarter" });
  await expect(page.getByLabel("Unit")).toHaveValue("count");
  const name = `Security incidents per quarter ${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Baseline").fill("10");
  await page.getByLabel("Target", { exact: true }).fill("10");
  await page.getByRole("button", { name: "Add indicator" }).click();
  await expect(page.getByText("it must differ from the baseline").first()).toBeVisible();
  await page.getByLabel("Target", { exact: true }).fill("4");
  await page.getByRole("button", { name: "Add indicator" }).click();

  const card = page.getByRole("article", { name: new RegExp(name) });
  await expect(card).toBeVisible();
  await card.getByText("Record a reading").click();
  await card.getByLabel(/^Value/).fill("7");
  await card.getByRole("button", { name: "Save reading" }).click();
  await expect(card.getByRole("progressbar", { name: `Progress of ${name}` })).toHaveAttribute("aria-valuenow", "50");

  // The progress CSV opens in Excel: UTF-8 with BOM, stable headers.
  const [, , slug, , planId] = new URL(page.url()).pathname.split("/");
  const csv = await page.request.get(`/api/teams/${slug}/plans/${planId}/export/progress`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain("kind,code,name_en,name_zh,progress_percent,task_count,weight_sum");
  expect(body.toString("utf8")).toContain("数据安全与隐私保护挑战");
});
