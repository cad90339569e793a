import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";

// Catalog text of the templates this story meets (lib/catalog/catalog.ts).
const R3_1 = {
  zh: "加大网络安全投入，部署防火墙、入侵检测系统与加密技术",
  en: "Invest in security: firewalls, intrusion detection, encryption",
};
const R3_2_ZH = "建立健全网络安全应急响应机制";
const R4_10_ZH = "发展温控冷链等专业物流能力";
const R4_2_ZH = "布局分布式仓储网络与智能分拣中心，缩短交付半径";

test("[TASKS]: in Chinese, 安全 finds the security tasks of a plan made through the REST API, and the task page shows the Chinese text", async ({
  page,
  request,
}) => {
  test.slow();
  const { slug } = await createTeamAsNewOwner(page, "zhsearch");

  // An integration makes the plan through the REST API while the owner's language is still English.
  await page.goto(`/t/${slug}/settings/api-tokens`);
  await expect(async () => {
    await page.getByLabel("Name").fill("ERP");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("status")).toContainText("shown only once", { timeout: 3000 });
  }).toPass();
  const token = await page.getByLabel("Token “ERP”").inputValue();
  const created = await request.post("/api/v1/plans", {
    headers: { Authorization: `Bearer ${token}` },
    data: { title: "ERP plan", startDate: "2026-01-01", targetDate: "2026-12-31", areas: ["R3", "R4"] },
  });
  expect(created.status()).toBe(201);
  const { id: planId } = (await created.json()) as { id: string };

  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.goto(`/t/${slug}/plans/${planId}`);
  const filters = page.getByRole("search", { name: "筛选任务" });
  await filters.getByLabel("搜索").fill("安全");
  // Filters apply as they are typed (no Apply button).
  await expect(page).toHaveURL(/q=%E5%AE%89%E5%85%A8/);
  await expect(page.getByRole("link", { name: R3_1.zh })).toBeVisible();
  await expect(page.getByRole("link", { name: R3_2_ZH })).toBeVisible();
  await expect(page.getByRole("link", { name: R4_2_ZH })).toHaveCount(0);

  await page.getByRole("search", { name: "筛选任务" }).getByLabel("搜索").fill("冷链");
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent("冷链")}`));
  await expect(page.getByRole("link", { name: R4_10_ZH })).toBeVisible();
  await expect(page.getByRole("link", { name: R3_1.zh })).toHaveCount(0);

  // The task page: Chinese heading, title field and description; the template's text in both languages one click away.
  await page.getByRole("search", { name: "筛选任务" }).getByLabel("搜索").fill("防火墙");
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent("防火墙")}`));
  await page.getByRole("link", { name: R3_1.zh }).click();
  await expect(page.getByRole("heading", { level: 1, name: R3_1.zh })).toBeVisible();
  await expect(page.getByLabel("标题")).toHaveValue(R3_1.zh);
  await expect(page.getByLabel("描述")).toHaveValue(/^加大网络安全投入.*完成标准：.*（§5\.3）$/);
  await page.getByText("来自模板 R3.1：查看中英文原文").click();
  await expect(page.getByText(R3_1.en, { exact: true })).toBeVisible();
  await expect(page.getByText(/^Raise the security budget/)).toBeVisible();
});
