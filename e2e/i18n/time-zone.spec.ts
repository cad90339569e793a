import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner, inviteByLink } from "../fixtures/teams";
import { newUser } from "../fixtures/users";

test.slow();

for (const timezoneId of ["America/New_York", "Asia/Tokyo"]) {
  test(`[I18N]: times are shown in the browser's time zone (${timezoneId}), remembered in a cookie`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: "en-US", timezoneId });
    const page = await context.newPage();
    const { slug } = await createTeamAsNewOwner(page, "tz");
    await expect
      .poll(async () => (await context.cookies()).find((c) => c.name === "pathwise-tz")?.value)
      .toBe(encodeURIComponent(timezoneId));

    await inviteByLink(page, slug, newUser("invitee").email, "Member");
    await page.reload();
    const expiry = page.locator("time[datetime]").first();
    const iso = await expiry.getAttribute("datetime");
    // What the browser itself writes for that instant in its own zone.
    const expected = await page.evaluate(
      (value) =>
        new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(new Date(value ?? "")),
      iso,
    );
    await expect(expiry).toHaveText(`Expires ${expected}`);
    await context.close();
  });
}
