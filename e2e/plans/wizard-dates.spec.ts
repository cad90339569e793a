import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";

test.slow();
// "Today" below is the UTC day; the browser tells the app its zone.
test.use({ timezoneId: "UTC" });

/** A calendar day relative to today, "YYYY-MM-DD", in the browser's time zone (the test context's: UTC). */
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("[PLANS]: the wizard starts today with a six-month target, offers to start today when due dates would be past, and the plan lists only the chosen area", async ({
  page,
}) => {
  const { slug } = await createTeamAsNewOwner(page, "wizdates");
  await page.goto(`/t/${slug}/plans/new`);

  // Defaults: today and six calendar months later.
  const today = day(0);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const sixMonths = new Date(Date.UTC(y, m - 1 + 6, 1));
  sixMonths.setUTCDate(
    Math.min(d, new Date(Date.UTC(sixMonths.getUTCFullYear(), sixMonths.getUTCMonth() + 1, 0)).getUTCDate()),
  );
  await expect(page.getByLabel("Start date")).toHaveValue(today);
  await expect(page.getByLabel("Target date")).toHaveValue(sixMonths.toISOString().slice(0, 10));

  // A start a year ago puts the R3 templates' due dates in the past.
  await expect(async () => {
    await page.getByLabel("Title").fill("Late start");
    await expect(page.getByLabel("Title")).toHaveValue("Late start");
  }).toPass();
  await page.getByLabel("Start date").fill(day(-365));
  await page.getByLabel("Target date").fill(day(-180));
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: /^R3 · / }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("status").filter({ hasText: /9 tasks would be due before today/ })).toBeVisible();
  await page.getByRole("button", { name: /Start today instead/ }).click();
  await expect(page.getByText(/would be due before today/)).toHaveCount(0);

  await page.getByRole("button", { name: "Create and start" }).click();
  await expect(page.getByRole("heading", { name: "Late start", level: 1 })).toBeVisible({ timeout: 30_000 });
  // The plan kept its length (185 days) and starts today.
  await page.goto(`${new URL(page.url()).pathname.replace(/\/$/, "")}/settings`);
  await expect(page.getByLabel("Start date")).toHaveValue(today);
  await expect(page.getByLabel("Target date")).toHaveValue(day(185));
  await page.goBack();

  // Only the chosen area is listed; the three others, empty, are not.
  await expect(page.getByRole("region", { name: /^R3 · / })).toBeVisible();
  for (const code of ["R1", "R2", "R4"]) {
    await expect(page.getByRole("region", { name: new RegExp(`^${code} · `) })).toHaveCount(0);
  }
  const planPath = new URL(page.url()).pathname.replace(/\/$/, "");

  // A template task links to its provenance on the Framework page.
  await page.getByRole("link", { name: /Invest in security: firewalls/ }).click();
  const provenance = page.getByRole("link", {
    name: "Template R3.1, from the paper’s §5.3: see the Framework page",
  });
  await expect(provenance).toHaveAttribute("href", "/framework#R3.1");
  await provenance.click();
  await expect(page.locator('[id="R3.1"]')).toBeInViewport();

  // So does each dilemma card of the plan dashboard.
  await page.goto(`${planPath}/dashboard`);
  await expect(page.getByRole("link", { name: "What D3 means in the paper (§3.3)" })).toHaveAttribute(
    "href",
    "/framework#D3",
  );
});
