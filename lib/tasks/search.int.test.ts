import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskTemplates } from "@/lib/catalog/catalog";
import { addComment, deleteComment, editComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { createPlan } from "@/lib/plans/create-plan";
import { callApi, createTestApiToken } from "@/lib/testing/api-client";
import { cleanupTestData, createTestMember, createTestTeam, createTestUser, runAs } from "@/lib/testing/factories";
import { displayDescription, displayTitle } from "@/lib/tasks/display-title";
import { findTaskPage, findTasks } from "@/lib/tasks/find-tasks";
import { parseTaskFilters } from "@/lib/tasks/task-filters";
import { updateTask } from "@/lib/tasks/update-task";

afterAll(cleanupTestData);

type Team = { id: string; slug: string };

let team: Team;
let otherTeam: Team;
let enUser: string;
let zhUser: string;
let token: string;
/** A plan made through POST /api/v1/plans with every template, by an English-speaking member. */
let apiPlanId: string;
/** The same plan made through the wizard's operation by a member whose language is Chinese. */
let zhPlanId: string;

const ALL_AREAS = ["R1", "R2", "R3", "R4"];

/** The template keys whose text a reader of either language sees contains every word: what a search should find. */
function expectedKeys(q: string): string[] {
  const words = q.toLowerCase().split(/\s+/);
  return taskTemplates
    .filter((t) => {
      const visible = [t.text.zh, t.text.en, t.description.zh, t.description.en].join("\n").toLowerCase();
      return words.every((w) => visible.includes(w));
    })
    .map((t) => t.key)
    .sort();
}

async function keysFound(planId: string, q: string, userId = enUser): Promise<string[]> {
  const tasks = await findTasks({ teamId: team.id, planId, userId, filters: parseTaskFilters({ q }) });
  return tasks.map((t) => t.templateKey ?? t.title).sort();
}

async function taskOf(planId: string, templateKey: string) {
  return db.task.findFirstOrThrow({ where: { planId, templateKey } });
}

/** What the task form sends when it is saved with the given title and description. */
async function saveForm(taskId: string, userId: string, changes: { title?: string; description?: string }) {
  const t = await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { dilemmas: true } });
  return runAs(updateTask, userId, team.slug, {
    taskId,
    version: t.version,
    title: changes.title ?? t.title,
    description: changes.description ?? t.description,
    areaCode: t.areaCode as "R3",
    pathCode: t.pathCode as "P3",
    dilemmas: t.dilemmas.map((d) => ({ dilemmaCode: d.dilemmaCode as "D3", weight: d.weight })),
    priority: t.priority,
    status: t.status,
    assigneeId: t.assigneeId,
    dueDate: t.dueDate ? t.dueDate.toISOString().slice(0, 10) : null,
    progress: t.progress,
  });
}

beforeAll(async () => {
  const owner = await createTestUser();
  team = await createTestTeam({ ownerId: owner.id });
  otherTeam = await createTestTeam();
  const [en, zh] = await Promise.all([
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
  ]);
  enUser = en.userId;
  zhUser = zh.userId;
  await db.user.update({ where: { id: zhUser }, data: { locale: "zh-CN" } });
  token = (await createTestApiToken({ teamId: team.id, userId: enUser, roleCeiling: "MEMBER" })).token;
  const created = await callApi({
    method: "POST",
    url: "/api/v1/plans",
    token,
    body: { title: "API plan", startDate: "2026-01-01", targetDate: "2026-12-31", areas: ALL_AREAS },
  });
  expect(created.status).toBe(201);
  apiPlanId = created.json.id as string;
  const zhPlan = await runAs(createPlan, zhUser, team.slug, {
    title: "向导计划",
    description: "",
    startDate: "2026-01-01",
    targetDate: "2026-12-31",
    templateKeys: taskTemplates.map((t) => t.key),
  });
  zhPlanId = zhPlan.id;
});

describe("template tasks keep the catalog's text in both languages", () => {
  it("stores title and description in the creator's language with both copies, and shows each reader theirs", async () => {
    const en = await taskOf(apiPlanId, "R3.1");
    const zh = await taskOf(zhPlanId, "R3.1");
    const template = taskTemplates.find((t) => t.key === "R3.1")!;
    expect(en).toMatchObject({
      title: template.text.en,
      description: template.description.en,
      templateTextZh: template.text.zh,
      templateDescriptionEn: template.description.en,
    });
    expect(zh).toMatchObject({ title: template.text.zh, description: template.description.zh });
    for (const task of [en, zh]) {
      expect(displayTitle(task, "zh-CN")).toBe(template.text.zh);
      expect(displayTitle(task, "en")).toBe(template.text.en);
      expect(displayDescription(task, "zh-CN")).toBe(template.description.zh);
      expect(displayDescription(task, "en")).toBe(template.description.en);
    }
  });

  it("REST answers the stored text and what each language's reader sees", async () => {
    const en = await taskOf(apiPlanId, "R4.10");
    const read = await callApi({ url: `/api/v1/tasks/${en.id}`, token });
    const template = taskTemplates.find((t) => t.key === "R4.10")!;
    expect(read.json).toMatchObject({
      title: template.text.en,
      titleZh: template.text.zh,
      titleEn: template.text.en,
      descriptionZh: template.description.zh,
      descriptionEn: template.description.en,
      templateKey: "R4.10",
    });
    expect(read.json).not.toHaveProperty("templateTextZh");
  });

  it("a custom task keeps the language it was written in, for readers of both languages", async () => {
    const created = await callApi({
      method: "POST",
      url: `/api/v1/plans/${apiPlanId}/tasks`,
      token,
      body: {
        title: "盘点冷库温度记录",
        description: "每周一次",
        areaCode: "R4",
        pathCode: "P4",
        dilemmas: [{ dilemmaCode: "D4", weight: 2 }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      title: "盘点冷库温度记录",
      titleZh: "盘点冷库温度记录",
      titleEn: "盘点冷库温度记录",
      descriptionEn: "每周一次",
      templateKey: null,
    });
    expect(await keysFound(apiPlanId, "冷库")).toEqual(["盘点冷库温度记录"]);
    await db.task.delete({ where: { id: created.json.id as string } });
  });

  it("saving the form with the template's text in the other language is no edit", async () => {
    const task = await taskOf(apiPlanId, "R1.2");
    const template = taskTemplates.find((t) => t.key === "R1.2")!;
    // A Chinese reader's form shows (and sends back) the Chinese text, with a changed priority.
    await saveForm(task.id, zhUser, { title: template.text.zh, description: template.description.zh });
    const after = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.title).toBe(template.text.en);
    expect(after.description).toBe(template.description.en);
    const events = await db.activityEvent.findMany({ where: { taskId: task.id, kind: "task.updated" } });
    expect(events.filter((e) => JSON.stringify(e.after).includes("title"))).toEqual([]);
  });
});

describe("search in both languages", () => {
  // Two Chinese characters go through the bigram index, longer words through LIKE (trigram index), "ai" and 链 through LIKE alone.
  it.each(["安全", "数据安全", "冷链", "security", "Cold Chain", "数据 安全", "链", "ai", "供应链 AI"])(
    "%s finds the tasks whose text in either language contains it, in a plan made through the API or the wizard",
    async (q) => {
      const expected = expectedKeys(q);
      expect(expected.length).toBeGreaterThan(0);
      expect(await keysFound(apiPlanId, q)).toEqual(expected);
      expect(await keysFound(zhPlanId, q, zhUser)).toEqual(expected);
    },
  );

  it("安全 finds every R3 task and 冷链 finds R4.10", async () => {
    const found = await keysFound(apiPlanId, "安全");
    expect(found).toEqual(expect.arrayContaining(taskTemplates.filter((t) => t.area === "R3").map((t) => t.key)));
    expect(await keysFound(apiPlanId, "冷链")).toEqual(["R4.10"]);
  });

  it("matches full-width and upper-case input like the stored text (NFKC, any case)", async () => {
    expect(await keysFound(apiPlanId, "ＳＥＣＵＲＩＴＹ")).toEqual(expectedKeys("security"));
    expect(await keysFound(apiPlanId, "r4.10")).toEqual(["R4.10"]);
  });

  it("treats % and _ as text, not wildcards", async () => {
    expect(await keysFound(apiPlanId, "%")).toEqual([]);
    expect(await keysFound(apiPlanId, "_")).toEqual([]);
  });

  it("matches comments while they exist", async () => {
    const task = await taskOf(apiPlanId, "R2.1");
    const word = "冷藏车司机";
    expect(await keysFound(apiPlanId, word)).toEqual([]);
    const comment = await runAs(addComment, enUser, team.slug, { taskId: task.id, body: `招聘${word}两名` });
    expect(await keysFound(apiPlanId, word)).toEqual(["R2.1"]);
    expect(await keysFound(apiPlanId, "司机")).toEqual(["R2.1"]);
    await runAs(editComment, enUser, team.slug, { commentId: comment.id, body: "Hire two refrigerated-truck drivers" });
    expect(await keysFound(apiPlanId, word)).toEqual([]);
    expect(await keysFound(apiPlanId, "司机")).toEqual([]);
    expect(await keysFound(apiPlanId, "refrigerated-truck")).toEqual(["R2.1"]);
    await runAs(deleteComment, enUser, team.slug, { commentId: comment.id });
    expect(await keysFound(apiPlanId, "refrigerated-truck")).toEqual([]);
  });

  it("edited text wins: it shows to everyone and is what search matches", async () => {
    const task = await taskOf(zhPlanId, "R3.2");
    expect(await keysFound(zhPlanId, "健全")).toContain("R3.2");
    await saveForm(task.id, zhUser, { title: "部署零信任网关" });
    const after = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(displayTitle(after, "en")).toBe("部署零信任网关");
    expect(displayTitle(after, "zh-CN")).toBe("部署零信任网关");
    expect(await keysFound(zhPlanId, "健全")).not.toContain("R3.2");
    expect(await keysFound(zhPlanId, "Establish a security incident")).not.toContain("R3.2");
    expect(await keysFound(zhPlanId, "零信任")).toEqual(["R3.2"]);
    // The untouched description still follows the reader's language and is still found in both.
    expect(await keysFound(zhPlanId, "drill")).toContain("R3.2");
  });

  it("REST search of an API-made plan finds the Chinese text, and never another team's tasks", async () => {
    const page = await callApi({ url: `/api/v1/plans/${apiPlanId}/tasks?q=${encodeURIComponent("安全")}`, token });
    expect(page.status).toBe(200);
    const keys = (page.json.data as { templateKey: string }[]).map((t) => t.templateKey).sort();
    expect(keys).toEqual(expectedKeys("安全"));
    const r31 = (page.json.data as { templateKey: string; titleZh: string }[]).find((t) => t.templateKey === "R3.1");
    expect(r31?.titleZh).toBe(taskTemplates.find((t) => t.key === "R3.1")?.text.zh);
    const outsider = await findTasks({
      teamId: otherTeam.id,
      planId: apiPlanId,
      userId: enUser,
      filters: parseTaskFilters({ q: "安全" }),
    });
    expect(outsider).toEqual([]);
  });

  it("pages a search: the first results in list order, how many matched, and the rest on asking for more", async () => {
    const all = await findTasks({
      teamId: team.id,
      planId: apiPlanId,
      userId: enUser,
      filters: parseTaskFilters({ q: "安全" }),
    });
    expect(all.length).toBeGreaterThan(4);
    const scope = { teamId: team.id, planId: apiPlanId, userId: enUser, filters: parseTaskFilters({ q: "安全" }) };
    const first = await findTaskPage({ ...scope, limit: 3 });
    expect(first.tasks.map((t) => t.id)).toEqual(all.slice(0, 3).map((t) => t.id));
    expect(first).toMatchObject({ total: all.length, hasMore: true, isCapped: false });
    // Every shown task comes with what the list needs (assignee and dilemma links).
    expect(first.tasks.every((t) => t.dilemmas.length > 0)).toBe(true);
    const more = await findTaskPage({ ...scope, limit: all.length });
    expect(more.tasks.map((t) => t.id)).toEqual(all.map((t) => t.id));
    expect(more).toMatchObject({ total: all.length, hasMore: false });
    // In area and template order, as the unfiltered list.
    const areasInOrder = all.map((t) => t.areaCode);
    expect(areasInOrder).toEqual([...areasInOrder].sort());
    const outsider = await findTaskPage({ ...scope, teamId: otherTeam.id, limit: 3 });
    expect(outsider).toMatchObject({ tasks: [], total: 0, hasMore: false });
  });

  it("pages the list without a search: the first tasks in list order, the exact count, and the rest on asking for more", async () => {
    const scope = { teamId: team.id, planId: apiPlanId, userId: enUser, filters: parseTaskFilters({}) };
    const all = await findTasks(scope);
    expect(all.length).toBeGreaterThan(5);
    const first = await findTaskPage({ ...scope, limit: 5 });
    expect(first.tasks.map((t) => t.id)).toEqual(all.slice(0, 5).map((t) => t.id));
    expect(first).toMatchObject({ total: all.length, hasMore: true, isCapped: false });
    const filtered = await findTaskPage({ ...scope, filters: parseTaskFilters({ area: "R3" }), limit: 2 });
    const r3 = all.filter((t) => t.areaCode === "R3");
    expect(filtered).toMatchObject({ total: r3.length, hasMore: r3.length > 2 });
    const every = await findTaskPage({ ...scope, limit: all.length });
    expect(every).toMatchObject({ total: all.length, hasMore: false });
    const outsider = await findTaskPage({ ...scope, teamId: otherTeam.id, limit: 5 });
    expect(outsider).toMatchObject({ tasks: [], total: 0, hasMore: false });
  });
});
