import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { mainPages } from "./pages";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/**
 * A full-page screenshot kept with the test's output (test-results/, not committed) and attached to the report.
 * On CI, where nobody looks at them, only with E2E_SCREENSHOTS=1 (each is a tall page rasterised: CPU on two cores).
 */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  if (process.env.CI && !process.env.E2E_SCREENSHOTS) return;
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** How far the document is wider than the viewport (0 when nothing overflows sideways). */
function overflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("[RESPONSIVE]: at 390 px nothing overflows sideways, the header is a menu; screenshots of the main pages", async ({
  page,
}, testInfo) => {
  test.slow();
  await page.setViewportSize(PHONE);
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Pathwise" })).toBeVisible();
  expect(await overflow(page), "sign-in").toBeLessThanOrEqual(0);
  await keepScreenshot(page, testInfo, "390-sign-in");

  const pages = await mainPages(page);
  const tooWide: Record<string, number> = {};
  for (const { name, path } of pages) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const extra = await overflow(page);
    if (extra > 0) tooWide[name] = extra;
    await keepScreenshot(page, testInfo, `390-${name}`);
  }
  expect(tooWide).toEqual({});

  // The header collapses: sign-out sits behind the menu until it is opened.
  await page.goto(pages[0]?.path ?? "/teams");
  const signOut = page.getByRole("button", { name: "Sign out", exact: true });
  await expect(signOut).toBeHidden();
  await page.getByText("Menu", { exact: true }).click();
  await expect(signOut).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Language" })).toBeVisible();
});

test("[RESPONSIVE]: screenshots of the main pages at 1440 px", async ({ page }, testInfo) => {
  test.slow();
  await page.setViewportSize(DESKTOP);
  await page.goto("/sign-in");
  await keepScreenshot(page, testInfo, "1440-sign-in");
  const pages = await mainPages(page);
  for (const { name, path } of pages) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    expect(await overflow(page), name).toBeLessThanOrEqual(0);
    await keepScreenshot(page, testInfo, `1440-${name}`);
  }
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
});
