import { expect, test } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";

test.slow();

test("[FRAMEWORK]: in Chinese, the wizard's § and weight links open the Framework page at the dilemma, area and weight explanations", async ({
  page,
}) => {
  const { slug } = await createTeamAsNewOwner(page, "framework");
  await page.getByRole("combobox", { name: "Language" }).first().selectOption("zh-CN");
  await expect(page.getByRole("link", { name: "研究框架" })).toBeVisible();

  await page.goto(`/t/${slug}/plans/new`);
  await page.getByLabel("标题").fill("框架链接计划");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("开始日期").fill(day(0));
  await page.getByLabel("目标日期").fill(day(180));
  await page.getByRole("button", { name: "下一步" }).click();

  // The area's § opens the Framework page in a new tab (the wizard keeps its state) at #R3.
  const [areaTab] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: /^R3：论文的建议（§5\.3）/ }).click(),
  ]);
  await expect(areaTab).toHaveURL(/\/framework#R3$/);
  await expect(areaTab.getByRole("heading", { level: 1, name: "研究框架" })).toBeVisible();
  await expect(areaTab.getByRole("heading", { name: /R3 · 加强数据安全与隐私保护 §5\.3/ })).toBeVisible();
  await expect(
    areaTab.getByText("姚伯琨，《新质生产力赋能电子商务高质量发展的路径研究》，贵州大学经济学院，2025"),
  ).toBeVisible();
  // Every dilemma is explained, with its § and the templates that address it.
  for (const [code, name, section] of [
    ["D1", "商业模式同质化严重", "§3.1"],
    ["D2", "人才短缺", "§3.2"],
    ["D3", "数据安全与隐私保护挑战", "§3.3"],
    ["D4", "物流配送和供应链体系不完善", "§3.4"],
  ]) {
    const card = areaTab.getByRole("region", { name: `${code} · ${name} ${section}` });
    await expect(card).toBeVisible();
    await expect(card.getByRole("heading", { name: "针对该困境的模板" })).toBeVisible();
  }
  await expect(areaTab.getByRole("region", { name: /^D3 · / })).toContainText("未经用户明确授权");
  // A template shows its provenance and what its weights mean.
  const template = areaTab.locator('[id="R3.7"]');
  await expect(template).toContainText("§5.3");
  await expect(template).toContainText("D3 ×2 · 较强");
  await expect(template).toContainText("D4 ×1 · 部分");
  await areaTab.close();

  // The dilemma chip on the area card goes to that dilemma.
  const [dilemmaTab] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: "D3 · 数据安全与隐私保护挑战" }).first().click(),
  ]);
  await expect(dilemmaTab).toHaveURL(/\/framework#D3$/);
  await expect(dilemmaTab.getByRole("heading", { name: /^D3 · 数据安全与隐私保护挑战/ })).toBeInViewport();
  await dilemmaTab.close();

  // On the templates step a legend explains the weight chips and links to the formula.
  await page.getByRole("checkbox", { name: /^R3 · / }).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByText("“D3 ×3”表示该任务以权重 3 应对困境 D3")).toBeVisible();
  const [weightsTab] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: "权重说明" }).click(),
  ]);
  await expect(weightsTab).toHaveURL(/\/framework#weights$/);
  await expect(weightsTab.getByText(/Σ w·c \/ Σ w/)).toBeVisible();
  await weightsTab.close();
  // The wizard kept its state.
  await expect(page.getByRole("checkbox", { name: /R3\.1/ })).toBeChecked();
});

test("[FRAMEWORK]: the Framework page is public and linked from the sign-in page", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "About the research framework behind Pathwise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The framework" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^P4 · Efficient resource allocation/ })).toContainText("§4.4");
  await expect(page.locator('[id="R4.10"]')).toContainText("§5.4");
  // The tab shows Pathwise's icon.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  const served = await page.request.get(icon ?? "/missing-icon");
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toContain("image/svg+xml");
  await context.close();
});
