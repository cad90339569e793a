import { expect, test, type Page } from "@playwright/test";
import { createTeamAsNewOwner } from "../fixtures/teams";

// Catalog text of the templates these stories meet (lib/catalog/catalog.ts).
const R3_1_ZH = "加大网络安全投入，部署防火墙、入侵检测系统与加密技术";
const R3_4_ZH = "严格数据访问控制，限制访问权限";
const R3_9_ZH = "跟踪数据安全法律法规与跨境数据合规要求";

/** Rates every statement of a dilemma (keys D1.a–D1.d …) on the diagnostic page. */
async function rate(page: Page, ratings: Record<string, number>) {
  for (const [dilemma, value] of Object.entries(ratings)) {
    for (const letter of ["a", "b", "c", "d"]) {
      await page.locator(`[id="answer-${dilemma}.${letter}-${value}"]`).check();
    }
  }
}

async function switchToChinese(page: Page) {
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
}

/** "YYYY-MM-DD" `days` from today (UTC). */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("[GUIDE]: in Chinese, the diagnostic gives a maturity per dilemma, preselects the wizard's areas and ranks its templates; a retake shows the change on the team dashboard", async ({
  page,
}) => {
  test.setTimeout(240_000); // a whole story on a shared, busy machine
  const { slug } = await createTeamAsNewOwner(page, "diag");
  await switchToChinese(page);

  await page.goto(`/t/${slug}/diagnostic`);
  await expect(page.getByRole("heading", { level: 1, name: "诊断" })).toBeVisible();
  // Saving with statements unrated is refused with a message, nothing saved.
  await rate(page, { D1: 5 });
  await page.getByRole("button", { name: "保存诊断" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "未打分" })).toHaveText("还有 12 条陈述未打分。");
  await rate(page, { D2: 4, D3: 1, D4: 2 });
  await page.getByRole("button", { name: "保存诊断" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  const result = page.getByRole("region", { name: "各困境的成熟度" });
  await expect(result.getByTestId("maturity-D1")).toHaveText("100 %");
  await expect(result.getByTestId("maturity-D2")).toHaveText("75 %");
  await expect(result.getByTestId("maturity-D3")).toHaveText("0 %");
  await expect(result.getByTestId("maturity-D4")).toHaveText("25 %");

  // The wizard starts from it: R3 and R4 (maturity ≤ 50 %) preselected, templates ranked by gap × weight.
  await result.getByRole("link", { name: "根据本次诊断制定计划" }).click();
  await expect(page.getByRole("note")).toContainText("R3, R4 已预选");
  await page.getByLabel("标题").fill("诊断后的计划");
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("checkbox", { name: /^R3 · / })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^R4 · / })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^R1 · / })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^R2 · / })).not.toBeChecked();
  await page.getByRole("button", { name: "下一步" }).click();
  const r3 = page.getByRole("group", { name: /^R3 · / });
  const r3Keys = await r3.locator("label .font-mono").allTextContents();
  // D3 is at 0 %: its weight-3 templates first, R3.7 (D3 ×2, D4 ×1) next, R3.9 (D3 ×1) last.
  expect(r3Keys.slice(0, 5)).toEqual(["R3.1", "R3.2", "R3.3", "R3.5", "R3.6"]);
  expect(r3Keys[5]).toBe("R3.7");
  expect(r3Keys.at(-1)).toBe("R3.9");
  await expect(r3.getByText("差距 × 权重 3", { exact: true }).first()).toBeVisible();

  // Retaken later with D3 better: the team dashboard shows the change beside task progress.
  await page.goto(`/t/${slug}/diagnostic`);
  await rate(page, { D3: 3 });
  await page.getByRole("button", { name: "保存诊断" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await page.goto(`/t/${slug}/dashboard`);
  const card = page.getByRole("region", { name: "成熟度与任务进度" });
  await expect(card.getByTestId("maturity-row-D3")).toContainText("50 %");
  await expect(card.getByTestId("maturity-row-D3")).toContainText("+50 个百分点");
  await expect(card.getByTestId("maturity-row-D1")).toContainText("–");
});

test("[GUIDE]: in Chinese, a plan behind its time shows the dilemma most behind and the expected next best actions, and a missing template is added in one click", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000); // a whole story on a shared, busy machine
  const { slug } = await createTeamAsNewOwner(page, "nba");
  await page.goto(`/t/${slug}/settings/api-tokens`);
  await expect(async () => {
    await page.getByLabel("Name").fill("fixture");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("status")).toContainText("shown only once", { timeout: 3000 });
  }).toPass();
  const token = await page.getByLabel("Token “fixture”").inputValue();
  const headers = { Authorization: `Bearer ${token}` };

  // The fixture: half of the plan's time has passed; D3's primary templates R3.3, R3.5 and R3.6 are missing.
  const created = await request.post("/api/v1/plans", {
    headers,
    data: {
      title: "落后的计划",
      startDate: dayFromToday(-100),
      targetDate: dayFromToday(100),
      status: "ACTIVE",
      templates: ["R3.1", "R3.2", "R3.4", "R3.7", "R3.9"],
    },
  });
  expect(created.status()).toBe(201);
  const { id: planId } = (await created.json()) as { id: string };
  const list = await request.get(`/api/v1/plans/${planId}/tasks`, { headers });
  const tasks = ((await list.json()) as { data: { id: string; version: number; templateKey: string }[] }).data;
  const patches: Record<string, Record<string, unknown>> = {
    "R3.1": { dueDate: dayFromToday(-10) }, // D3 ×3, 10 days late
    "R3.2": { dueDate: dayFromToday(30) }, // D3 ×3, not late: no action
    "R3.4": { dueDate: dayFromToday(30), status: "BLOCKED" }, // D3 ×2, blocked
    "R3.7": { status: "DONE" }, // D3 ×2 and D4 ×1 done: D4 is ahead
    "R3.9": { dueDate: dayFromToday(-40) }, // D3 ×1, 40 days late
  };
  for (const task of tasks) {
    const response = await request.patch(`/api/v1/tasks/${task.id}`, {
      headers,
      data: { version: task.version, ...patches[task.templateKey] },
    });
    expect(response.status()).toBe(200);
  }

  await switchToChinese(page);
  await page.goto(`/t/${slug}/plans/${planId}/dashboard`);
  // D3: 2 of 11 weight done (18 %) against about 50 % expected.
  await expect(page.getByTestId("gap-summary")).toHaveText(/^D3 比按已用时间应达到的进度落后 3\d 个百分点。$/);
  const ranked = page.getByRole("region", { name: "哪个困境落后了" }).getByRole("listitem");
  await expect(ranked).toHaveCount(4);
  await expect(ranked.nth(0)).toHaveAttribute("data-testid", "gap-D3");
  await expect(ranked.nth(1)).toHaveAttribute("data-testid", "gap-D4");
  await expect(ranked.nth(0).getByRole("img")).toHaveAccessibleName(/^D3：已完成 18 %，应达 \d+ %$/);

  const actions = page.getByRole("region", { name: "下一步最佳行动" });
  await expect(actions.getByTestId("next-tasks").getByRole("link")).toHaveText([R3_1_ZH, R3_4_ZH, R3_9_ZH]);
  const templates = actions.getByTestId("next-templates").getByRole("listitem");
  await expect(templates.locator(".font-mono")).toHaveText(["R3.3", "R3.5", "R3.6"]);

  // Retried until the page has hydrated (clicked again only while the template is still offered);
  // a second add of the same template is refused, never duplicated.
  const addR33 = actions.getByRole("button", { name: "将模板 R3.3 加入计划" });
  await expect(async () => {
    if (await addR33.isVisible()) await addR33.click({ timeout: 5_000 });
    await expect(templates.locator(".font-mono")).toHaveText(["R3.5", "R3.6"], { timeout: 5_000 });
  }).toPass();
  const after = await request.get(`/api/v1/plans/${planId}/tasks?q=R3.3`, { headers });
  expect(((await after.json()) as { data: unknown[] }).data).toHaveLength(1);
});
