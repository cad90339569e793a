import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";
import { signIn } from "../fixtures/users";

// A fresh user per test, so the saved language never leaks into other stories.

test("[I18N]: switch to Chinese in the header; wizard and dashboard show Chinese UI and catalog; the choice survives sign-out and sign-in", async ({
  page,
}) => {
  test.slow(); // sign-up, a plan from templates, sign-out and sign-in
  const { owner, slug } = await createTeamAsNewOwner(page, "lang");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The switcher in the header (the visible one; the phone menu holds a copy).
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("link", { name: "新建计划" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "成员" })).toBeVisible();

  // Plan wizard in Chinese, with the paper's areas, dilemmas and templates in Chinese.
  // The new team has no plan yet: its empty state offers the wizard as the next step.
  await expect(page.getByRole("status").filter({ hasText: "还没有计划" })).toBeVisible();
  await page.getByRole("link", { name: "创建第一个计划" }).click();
  await expect(page.getByRole("heading", { name: "新建计划", level: 1 })).toBeVisible();
  const title = `数字化升级 ${owner.email.slice(9, 17)}`;
  await expect(async () => {
    await page.getByLabel("标题").fill(title);
    await page.getByLabel("开始日期").fill("2026-01-05");
    await page.getByLabel("目标日期").fill("2026-12-20");
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByRole("checkbox", { name: /^R1 · 加强电子商务企业技术创新与应用/ })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass();
  await expect(page.getByText("商业模式同质化严重").first()).toBeVisible();
  await page.getByRole("checkbox", { name: /^R1 · / }).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByText("部署基于人工智能的智能推荐系统，提升商品与用户偏好的匹配度")).toBeVisible();
  await expect(page.getByText("已选 9 / 9")).toBeVisible();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("heading", { name: "确认并创建" })).toBeVisible();
  // Dates in the Chinese form: 2026年1月5日.
  await expect(page.getByText(/2026年1月5日/)).toBeVisible();
  await page.getByRole("button", { name: "创建并开始" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible({ timeout: 30_000 });
  // Task titles were copied from the templates in the creator's language.
  await expect(page.getByRole("link", { name: /部署基于人工智能的智能推荐系统/ })).toBeVisible();

  // The plan dashboard: Chinese headings, dilemma names from the catalog and Chinese dates.
  await page.locator('a[href*="/plans/"][href$="/dashboard"]').click();
  await page.waitForURL(/\/plans\/[^/]+\/dashboard$/);
  await expect(page.getByRole("heading", { name: "计划健康度" })).toBeVisible();
  await expect(page.getByRole("region", { name: "D1 · 商业模式同质化严重" }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "D2 · 人才短缺" }).first()).toBeVisible();
  await expect(page.getByText(/截至 \d{4}年\d{1,2}月\d{1,2}日/)).toBeVisible();

  // The JSON API answers errors in the same language, keeping its shape.
  const [, , , , planId] = new URL(page.url()).pathname.split("/");
  const missing = await page.request.get(`/api/teams/${slug}/plans/no-such-plan/progress`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "未找到。" } });
  const badDate = await page.request.get(`/api/teams/${slug}/plans/${planId}/progress?at=26-1-1`);
  expect(badDate.status()).toBe(422);
  expect(await badDate.json()).toEqual({
    error: { code: "VALIDATION", message: "请检查标出的字段。", fields: { at: ["请按 YYYY-MM-DD 格式输入日期。"] } },
  });

  // A refusal decided by a server action (the current password is checked on the server) comes back in Chinese.
  await page.goto("/profile");
  await expect(async () => {
    await page.getByLabel("当前密码", { exact: true }).fill("not-my-password-1");
    await page.getByLabel("新密码", { exact: true }).fill("another-long-passphrase");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.getByText("当前密码不正确。")).toBeVisible({ timeout: 10_000 });
  }).toPass();

  // Sign out: the signed-out pages stay in Chinese (cookie).
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("heading", { name: "登录 Pathwise" })).toBeVisible();

  // Without the cookie the browser's language (English) applies until the user signs in;
  // then the saved preference brings Chinese back.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Pathwise" })).toBeVisible();
  await signIn(page, owner);
  // The owner has one team, so sign-in opens it.
  await expect(page.getByRole("heading", { name: "计划", level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("[I18N]: signed-out pages have the switcher; validation messages follow the language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Pathwise" })).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "登录 Pathwise" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(async () => {
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入电子邮箱地址。")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(page.getByText("请输入密码。")).toBeVisible();

  // A browser that asks for Chinese gets Chinese before any choice is made.
  const zhContext = await browser.newContext({ locale: "zh-CN" });
  const zhPage = await zhContext.newPage();
  await zhPage.goto("/sign-up");
  await expect(zhPage.getByRole("heading", { name: "创建账户" })).toBeVisible();
  await Promise.all([context.close(), zhContext.close()]);
});
