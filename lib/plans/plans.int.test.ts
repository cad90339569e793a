import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanStatus, Role } from "@/generated/prisma/enums";
import { CATALOG_VERSION, getTemplate, taskTemplates, templatesForArea } from "@/lib/catalog/catalog";
import type { AreaCode, TaskTemplate } from "@/lib/catalog/types";
import { db } from "@/lib/db";
import { addTemplates } from "@/lib/plans/add-templates";
import { createPlan } from "@/lib/plans/create-plan";
import { findPlans } from "@/lib/plans/find-plans";
import { deletePlan, duplicatePlan, setPlanStatus } from "@/lib/plans/plan-lifecycle";
import { updatePlan } from "@/lib/plans/update-plan";
import { createTask } from "@/lib/tasks/create-task";
import { setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  randomHex,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";
import type { CreatePlanInput } from "@/lib/validation/plan";
import { DAY_MS } from "@/lib/time";

afterAll(cleanupTestData);

type Member = { userId: string; membershipId: string };

/** A "YYYY-MM-DD" calendar date as the UTC midnight the database stores. */
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
/** A calendar date plus whole days, computed independently of the app's own helper. */
const plusDays = (date: string, days: number) => new Date(utc(date).getTime() + days * DAY_MS);
/** Dilemma links as { D1: 3, … } for comparison with a template's weights. */
const weightsOf = (links: readonly { dilemmaCode: string; weight: number }[]) =>
  Object.fromEntries(links.map((l) => [l.dilemmaCode, l.weight]));

function templateOf(key: string | null): TaskTemplate {
  const template = key ? getTemplate(key) : undefined;
  if (!template) throw new Error(`No catalog template ${key}`);
  return template;
}

let team: { id: string; name: string; slug: string };
let owner: Member;
let admin: Member;
let member: Member;
let viewer: Member;
/** OWNER of another team, not a member of `team`. */
let outsider: { userId: string; teamId: string; teamSlug: string };

beforeAll(async () => {
  team = await createTestTeam();
  [owner, admin, member, viewer] = await Promise.all([
    createTestMember({ teamId: team.id, role: "OWNER" }),
    createTestMember({ teamId: team.id, role: "ADMIN" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "VIEWER" }),
  ]);
  const outsiderUser = await createTestUser();
  const otherTeam = await createTestTeam({ ownerId: outsiderUser.id });
  outsider = { userId: outsiderUser.id, teamId: otherTeam.id, teamSlug: otherTeam.slug };
});

const actors = (): Record<Role, Member> => ({ OWNER: owner, ADMIN: admin, MEMBER: member, VIEWER: viewer });

function planInput(overrides: Partial<CreatePlanInput> = {}): CreatePlanInput {
  return {
    title: `Wizard ${randomHex()}`,
    description: "",
    startDate: "2026-03-01",
    targetDate: "2026-12-31",
    templateKeys: [],
    defaultAssignees: {},
    status: "ACTIVE",
    ...overrides,
  };
}

const planCount = () => db.plan.count({ where: { teamId: team.id } });

function loadPlan(id: string) {
  return db.plan.findUniqueOrThrow({
    where: { id },
    include: {
      tasks: {
        include: { dilemmas: { orderBy: { dilemmaCode: "asc" } } },
        orderBy: [{ areaCode: "asc" }, { sortOrder: "asc" }],
      },
    },
  });
}

type LoadedTask = Awaited<ReturnType<typeof loadPlan>>["tasks"][number];

/** Every task equals its template: area, path, both text copies, title in the locale, priority, due = start + duration, the catalog's weights. */
function expectTasksFromCatalog(
  tasks: readonly LoadedTask[],
  { startDate, locale }: { startDate: string; locale: "en" | "zh-CN" },
) {
  for (const task of tasks) {
    const template = templateOf(task.templateKey);
    expect(task, template.key).toMatchObject({
      teamId: team.id,
      areaCode: template.area,
      pathCode: template.path,
      title: locale === "zh-CN" ? template.text.zh : template.text.en,
      templateTextZh: template.text.zh,
      templateTextEn: template.text.en,
      priority: template.defaultPriority,
      dueDate: plusDays(startDate, template.durationDays),
      status: "TODO",
      progress: 0,
      completedAt: null,
      version: 1,
    });
    expect(weightsOf(task.dilemmas), `${template.key} weights`).toEqual(template.weights);
    expect(task.dilemmas.every((l) => l.teamId === team.id)).toBe(true);
  }
}

describe("createPlan (the wizard)", () => {
  it("creates exactly the chosen templates with the catalog's weights, text copies, due dates and default assignees", async () => {
    const keys = ["R1.2", "R1.6", "R2.4", "R3.7", "R4.9", "R4.10"];
    const { id } = await runAs(
      createPlan,
      member.userId,
      team.slug,
      planInput({
        title: "  Wizard plan  ",
        templateKeys: keys,
        defaultAssignees: { R1: member.userId, R3: admin.userId, R4: null },
      }),
    );

    const plan = await loadPlan(id);
    expect(plan).toMatchObject({
      teamId: team.id,
      title: "Wizard plan",
      status: "ACTIVE",
      startDate: utc("2026-03-01"),
      targetDate: utc("2026-12-31"),
      catalogVersion: CATALOG_VERSION,
      createdById: member.userId,
      version: 1,
    });
    expect(plan.tasks.map((t) => t.templateKey).sort()).toEqual([...keys].sort());
    expectTasksFromCatalog(plan.tasks, { startDate: "2026-03-01", locale: "en" });

    const assigneeOfArea: Record<AreaCode, string | null> = { R1: member.userId, R2: null, R3: admin.userId, R4: null };
    for (const task of plan.tasks)
      expect(task.assigneeId, task.templateKey ?? "").toBe(assigneeOfArea[task.areaCode as AreaCode]);

    const events = await db.activityEvent.findMany({ where: { planId: id }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(1 + keys.length);
    expect(events.filter((e) => e.kind === "plan.created")).toEqual([
      expect.objectContaining({
        teamId: team.id,
        entityType: "plan",
        entityId: id,
        actorId: member.userId,
        after: { title: "Wizard plan", status: "ACTIVE", templates: keys },
      }),
    ]);
    const taskEvents = events.filter((e) => e.kind === "task.created");
    expect(taskEvents.map((e) => e.taskId).sort()).toEqual(plan.tasks.map((t) => t.id).sort());
    expect(taskEvents.every((e) => e.actorId === member.userId && e.entityType === "task")).toBe(true);

    // Assignees follow their tasks; the ADMIN is told, the MEMBER who assigned themselves is not.
    const r1Ids = plan.tasks.filter((t) => t.areaCode === "R1").map((t) => t.id);
    const r3Ids = plan.tasks.filter((t) => t.areaCode === "R3").map((t) => t.id);
    const taskIds = plan.tasks.map((t) => t.id);
    const notices = await db.notification.findMany({
      where: { taskId: { in: taskIds } },
      select: { userId: true, kind: true, taskId: true },
    });
    expect(notices).toEqual(r3Ids.map((taskId) => ({ userId: admin.userId, kind: "task.assigned", taskId })));
    const followers = await db.taskFollower.findMany({
      where: { taskId: { in: taskIds } },
      select: { taskId: true, userId: true },
    });
    expect(followers).toHaveLength(r1Ids.length + r3Ids.length);
  });

  it("creates all 34 templates of the catalog with their weights, one task.created event each", async () => {
    const keys = taskTemplates.map((t) => t.key);
    expect(keys).toHaveLength(34);
    const { id } = await runAs(
      createPlan,
      owner.userId,
      team.slug,
      planInput({ templateKeys: keys, startDate: "2026-01-31", targetDate: "2027-06-30" }),
    );

    const plan = await loadPlan(id);
    expect(plan.tasks).toHaveLength(34);
    expect(plan.tasks.map((t) => t.templateKey).sort()).toEqual([...keys].sort());
    expectTasksFromCatalog(plan.tasks, { startDate: "2026-01-31", locale: "en" });
    expect(plan.tasks.every((t) => t.assigneeId === null)).toBe(true);
    expect(await db.activityEvent.count({ where: { planId: id, kind: "task.created" } })).toBe(34);
    expect(await db.activityEvent.count({ where: { planId: id, kind: "plan.created" } })).toBe(1);
  });

  it("creates one area's templates (templatesForArea) and nothing else", async () => {
    const keys = templatesForArea("R2").map((t) => t.key);
    const { id } = await runAs(
      createPlan,
      admin.userId,
      team.slug,
      planInput({ templateKeys: keys, defaultAssignees: { R2: viewer.userId } }),
    );
    const plan = await loadPlan(id);
    expect(plan.tasks).toHaveLength(keys.length);
    expect(new Set(plan.tasks.map((t) => t.areaCode))).toEqual(new Set(["R2"]));
    expectTasksFromCatalog(plan.tasks, { startDate: "2026-03-01", locale: "en" });
    // A VIEWER may be assigned: they are a current member.
    expect(plan.tasks.every((t) => t.assigneeId === viewer.userId)).toBe(true);
  });

  it("titles the tasks in the creator's language and keeps both text copies", async () => {
    const zhMember = await createTestMember({ teamId: team.id, role: "MEMBER" });
    await db.user.update({ where: { id: zhMember.userId }, data: { locale: "zh-CN" } });
    const { id } = await runAs(createPlan, zhMember.userId, team.slug, planInput({ templateKeys: ["R3.1", "R4.4"] }));
    const plan = await loadPlan(id);
    expect(plan.tasks).toHaveLength(2);
    expectTasksFromCatalog(plan.tasks, { startDate: "2026-03-01", locale: "zh-CN" });
  });

  it("creates a blank plan (no templates) as a DRAFT by default, with only the plan.created event", async () => {
    const { title, startDate, targetDate } = planInput();
    const { id } = await runAs(createPlan, member.userId, team.slug, { title, startDate, targetDate });
    const plan = await loadPlan(id);
    expect(plan).toMatchObject({ title, status: "DRAFT", description: "" });
    expect(plan.tasks).toEqual([]);
    expect(await db.activityEvent.findMany({ where: { planId: id }, select: { kind: true, after: true } })).toEqual([
      { kind: "plan.created", after: { title, status: "DRAFT", templates: [] } },
    ]);
  });

  describe("a default assignee who is not a team member rolls everything back", () => {
    const cases: [string, () => string][] = [
      ["a user of another team", () => outsider.userId],
      ["a user id that does not exist", () => `no-such-user-${randomHex()}`],
    ];
    for (const [name, assignee] of cases) {
      it(`${name} → VALIDATION on that area, no plan, task or event created`, async () => {
        const before = await snapshotTeamData(team.id);
        const plansBefore = await planCount();
        const error = await appErrorOf(
          runAs(
            createPlan,
            owner.userId,
            team.slug,
            planInput({
              templateKeys: ["R1.1", "R2.1", "R3.1"],
              defaultAssignees: { R1: owner.userId, R2: assignee() },
            }),
          ),
        );
        expect(error.code).toBe("VALIDATION");
        expect(error.fieldErrors).toHaveProperty(["defaultAssignees.R2"]);
        expect(await planCount()).toBe(plansBefore);
        expect(await snapshotTeamData(team.id)).toEqual(before);
      });
    }
  });

  describe("validation", () => {
    const refused: [string, Partial<CreatePlanInput>, string][] = [
      ["an empty title", { title: "" }, "title"],
      ["a whitespace-only title", { title: " \t \n " }, "title"],
      ["a title of 201 characters", { title: "x".repeat(201) }, "title"],
      ["a title of 201 Chinese characters", { title: "新".repeat(201) }, "title"],
      ["a description of 10,001 characters", { description: "d".repeat(10_001) }, "description"],
      ["a target date before the start", { startDate: "2026-03-01", targetDate: "2026-02-28" }, "targetDate"],
      ["a date that does not exist", { startDate: "2026-02-30" }, "startDate"],
      ["a date in another format", { targetDate: "31/12/2026" }, "targetDate"],
      ["an unknown template key", { templateKeys: ["R1.1", "R5.1"] }, "templateKeys.1"],
      ["a template key in another case", { templateKeys: ["r1.1"] }, "templateKeys.0"],
      ["a status other than DRAFT or ACTIVE", { status: "ARCHIVED" as "ACTIVE" }, "status"],
    ];
    for (const [name, overrides, field] of refused) {
      it(`refuses ${name} (VALIDATION on ${field}) and creates nothing`, async () => {
        const before = await snapshotTeamData(team.id);
        const error = await appErrorOf(
          runAs(createPlan, owner.userId, team.slug, planInput({ templateKeys: ["R1.1"], ...overrides })),
        );
        expect(error.code).toBe("VALIDATION");
        expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
        expect(await snapshotTeamData(team.id)).toEqual(before);
      });
    }

    const acceptedTitles: [string, string, string][] = [
      ["exactly 200 characters", "x".repeat(200), "x".repeat(200)],
      ["200 characters once trimmed", `   ${"y".repeat(200)}   `, "y".repeat(200)],
      ["200 Chinese characters", "新".repeat(200), "新".repeat(200)],
      ["emoji and Chinese", "🚀 新质生产力赋能电子商务 ✨", "🚀 新质生产力赋能电子商务 ✨"],
      ["100 emoji", "🎯".repeat(100), "🎯".repeat(100)],
    ];
    for (const [name, title, stored] of acceptedTitles) {
      it(`accepts a title of ${name}`, async () => {
        const { id } = await runAs(createPlan, owner.userId, team.slug, planInput({ title }));
        expect((await db.plan.findUniqueOrThrow({ where: { id } })).title).toBe(stored);
      });
    }

    it("accepts a description of 10,000 characters and a target date equal to the start", async () => {
      const { id } = await runAs(
        createPlan,
        owner.userId,
        team.slug,
        planInput({ description: "d".repeat(10_000), startDate: "2026-05-05", targetDate: "2026-05-05" }),
      );
      expect(
        await db.plan.findUniqueOrThrow({
          where: { id },
          select: { description: true, startDate: true, targetDate: true },
        }),
      ).toEqual({
        description: "d".repeat(10_000),
        startDate: utc("2026-05-05"),
        targetDate: utc("2026-05-05"),
      });
    });
  });
});

describe("findPlans", () => {
  it("counts the tasks that count towards progress: cancelled ones are left out, as in the rollups", async () => {
    const plan = await createTestPlan({ teamId: team.id });
    await createTestTask({ teamId: team.id, planId: plan.id, status: "TODO" });
    await createTestTask({ teamId: team.id, planId: plan.id, status: "DONE", progress: 100 });
    await createTestTask({ teamId: team.id, planId: plan.id, status: "CANCELLED" });
    const listed = (await findPlans({ teamId: team.id, q: plan.title })).plans.find((p) => p.id === plan.id);
    expect(listed).toMatchObject({ taskCount: 2, progress: 0.5 });
  });

  it("pages a team's plans by status, then newest first, and finds them by title", async () => {
    const own = await createTestTeam();
    const titles = Array.from({ length: 7 }, (_, i) => `Corridor ${i}`);
    for (const [i, title] of titles.entries()) {
      const plan = await createTestPlan({ teamId: own.id, title, status: i === 6 ? "ARCHIVED" : "ACTIVE" });
      await db.plan.update({ where: { id: plan.id }, data: { createdAt: new Date(Date.UTC(2026, 0, 1 + i)) } });
    }
    await createTestPlan({ teamId: team.id, title: "Corridor elsewhere" });
    // Active before archived; within a status the newest first.
    const order = ["Corridor 5", "Corridor 4", "Corridor 3", "Corridor 2", "Corridor 1", "Corridor 0", "Corridor 6"];
    const first = await findPlans({ teamId: own.id, perPage: 3 });
    expect(first).toMatchObject({ total: 7, page: 1, pageCount: 3 });
    expect(first.plans.map((p) => p.title)).toEqual(order.slice(0, 3));
    expect((await findPlans({ teamId: own.id, perPage: 3, page: 3 })).plans.map((p) => p.title)).toEqual([
      "Corridor 6",
    ]);
    // Past the last page: the last page.
    expect(await findPlans({ teamId: own.id, perPage: 3, page: 40 })).toMatchObject({ page: 3 });
    const found = await findPlans({ teamId: own.id, q: "  CORRIDOR 1 " });
    expect(found.plans.map((p) => p.title)).toEqual(["Corridor 1"]);
    expect(found.total).toBe(1);
    expect((await findPlans({ teamId: own.id, q: "elsewhere" })).total).toBe(0);
    // %, _ and \ are letters, not patterns.
    await createTestPlan({ teamId: own.id, title: "Corridor 100% ready_now" });
    for (const q of ["%", "_", "0% r", "\\"]) {
      expect(
        (await findPlans({ teamId: own.id, q })).plans.map((p) => p.title),
        q,
      ).toEqual(q === "\\" ? [] : ["Corridor 100% ready_now"]);
    }
  });
});

describe("updatePlan", () => {
  const edit = (planId: string, version: number, title: string) => ({
    planId,
    version,
    title,
    description: `About ${title.trim()}`,
    startDate: "2026-02-01",
    targetDate: "2026-11-30",
  });

  it("refuses a start date after a task's due date, and changes nothing", async () => {
    const plan = await createTestPlan({ teamId: team.id, title: "Dated" });
    await createTestTask({ teamId: team.id, planId: plan.id, dueDate: utc("2026-01-15") });
    const error = await appErrorOf(runAs(updatePlan, admin.userId, team.slug, edit(plan.id, 1, "Later start")));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.startDate?.[0]).toContain("2026-01-15");
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { title: true, version: true } })).toEqual(
      { title: "Dated", version: 1 },
    );
  });

  it("lets an ADMIN save; the version moves on and plan.updated records before and after", async () => {
    const plan = await createTestPlan({ teamId: team.id, title: "Before" });
    expect(await runAs(updatePlan, admin.userId, team.slug, edit(plan.id, 1, "  After  "))).toEqual({
      id: plan.id,
      version: 2,
    });
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      title: "After",
      description: "About After",
      startDate: utc("2026-02-01"),
      targetDate: utc("2026-11-30"),
      version: 2,
    });
    expect(
      await db.activityEvent.findMany({
        where: { planId: plan.id },
        select: { kind: true, actorId: true, before: true, after: true },
      }),
    ).toEqual([
      {
        kind: "plan.updated",
        actorId: admin.userId,
        before: { title: "Before", startDate: "2026-01-01", targetDate: "2026-12-31" },
        after: { title: "After", startDate: "2026-02-01", targetDate: "2026-11-30" },
      },
    ]);
  });

  for (const role of ["MEMBER", "VIEWER"] as const) {
    it(`refuses a ${role} (FORBIDDEN) and changes nothing`, async () => {
      const plan = await createTestPlan({ teamId: team.id });
      const before = await snapshotTeamData(team.id);
      expect(
        (await appErrorOf(runAs(updatePlan, actors()[role].userId, team.slug, edit(plan.id, 1, "Mine")))).code,
      ).toBe("FORBIDDEN");
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }

  it("refuses a stale version with CONFLICT showing the first save, which stays as saved", async () => {
    const plan = await createTestPlan({ teamId: team.id, title: "Original" });
    await runAs(updatePlan, owner.userId, team.slug, edit(plan.id, 1, "First"));
    const error = await appErrorOf(runAs(updatePlan, admin.userId, team.slug, edit(plan.id, 1, "Second")));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({
      current: expect.objectContaining({
        id: plan.id,
        title: "First",
        description: "About First",
        startDate: "2026-02-01",
        targetDate: "2026-11-30",
        version: 2,
      }),
    });
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      title: "First",
      description: "About First",
      version: 2,
    });
    expect(await db.activityEvent.count({ where: { planId: plan.id, kind: "plan.updated" } })).toBe(1);
  });

  // Repeated because a race only shows now and then: the loser must report the winner's save, not what it read before waiting.
  it("of two truly concurrent saves with the same version, exactly one wins and the other gets CONFLICT with the winner's values", async () => {
    for (let round = 0; round < 10; round++) {
      const plan = await createTestPlan({ teamId: team.id, title: "Original" });
      const results = await Promise.allSettled([
        runAs(updatePlan, owner.userId, team.slug, edit(plan.id, 1, "Owner's")),
        runAs(updatePlan, admin.userId, team.slug, edit(plan.id, 1, "Admin's")),
      ]);
      const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [i === 0 ? "Owner's" : "Admin's"] : []));
      const losers = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(losers, `round ${round}`).toHaveLength(1);
      const error = await appErrorOf(Promise.reject(losers[0] ?? new Error("no refused save")));
      expect(error.code).toBe("CONFLICT");
      expect(error.details, `round ${round}`).toEqual({
        current: expect.objectContaining({ title: winners[0], description: `About ${winners[0]}`, version: 2 }),
      });
      expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
        title: winners[0],
        version: 2,
      });
      expect(await db.activityEvent.count({ where: { planId: plan.id, kind: "plan.updated" } })).toBe(1);
    }
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ["a whitespace-only title", { title: "   " }, "title"],
    ["a title of 201 characters", { title: "t".repeat(201) }, "title"],
    ["a description of 10,001 characters", { description: "d".repeat(10_001) }, "description"],
    ["a target date before the start", { startDate: "2026-06-01", targetDate: "2026-05-31" }, "targetDate"],
  ];
  for (const [name, overrides, field] of refused) {
    it(`refuses ${name} (VALIDATION on ${field}) and changes nothing`, async () => {
      const plan = await createTestPlan({ teamId: team.id });
      const before = await snapshotTeamData(team.id);
      const error = await appErrorOf(
        runAs(updatePlan, owner.userId, team.slug, { ...edit(plan.id, 1, "Valid"), ...overrides }),
      );
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }

  it("refuses an archived plan (FORBIDDEN)", async () => {
    const plan = await createTestPlan({ teamId: team.id, status: "ARCHIVED" });
    const before = await snapshotTeamData(team.id);
    expect((await appErrorOf(runAs(updatePlan, owner.userId, team.slug, edit(plan.id, 1, "Revived")))).code).toBe(
      "FORBIDDEN",
    );
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});

describe("setPlanStatus: the lifecycle", () => {
  type Outcome = "ok" | "FORBIDDEN" | "VALIDATION";
  const moves: [PlanStatus, PlanStatus, Role, Outcome][] = [
    ["DRAFT", "ACTIVE", "MEMBER", "ok"],
    ["DRAFT", "ACTIVE", "VIEWER", "FORBIDDEN"],
    ["DRAFT", "COMPLETED", "MEMBER", "VALIDATION"],
    ["DRAFT", "COMPLETED", "OWNER", "VALIDATION"],
    ["DRAFT", "DRAFT", "OWNER", "VALIDATION"],
    ["ACTIVE", "COMPLETED", "MEMBER", "ok"],
    ["ACTIVE", "DRAFT", "OWNER", "VALIDATION"],
    ["COMPLETED", "ACTIVE", "MEMBER", "ok"],
    ["DRAFT", "ARCHIVED", "MEMBER", "FORBIDDEN"],
    ["ACTIVE", "ARCHIVED", "MEMBER", "FORBIDDEN"],
    ["ACTIVE", "ARCHIVED", "VIEWER", "FORBIDDEN"],
    ["ACTIVE", "ARCHIVED", "ADMIN", "ok"],
    ["COMPLETED", "ARCHIVED", "OWNER", "ok"],
    ["ARCHIVED", "ACTIVE", "MEMBER", "FORBIDDEN"],
    ["ARCHIVED", "ACTIVE", "VIEWER", "FORBIDDEN"],
    ["ARCHIVED", "ACTIVE", "ADMIN", "ok"],
    ["ARCHIVED", "ACTIVE", "OWNER", "ok"],
    ["ARCHIVED", "COMPLETED", "OWNER", "VALIDATION"],
  ];
  for (const [from, to, role, outcome] of moves) {
    it(`${role}: ${from} → ${to} → ${outcome}`, async () => {
      const plan = await createTestPlan({ teamId: team.id, status: from });
      const actor = actors()[role];
      if (outcome === "ok") {
        expect(await runAs(setPlanStatus, actor.userId, team.slug, { planId: plan.id, status: to })).toEqual({
          id: plan.id,
          status: to,
        });
        expect(
          await db.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { status: true, version: true } }),
        ).toEqual({ status: to, version: 2 });
        expect(
          await db.activityEvent.findMany({
            where: { planId: plan.id },
            select: { kind: true, actorId: true, before: true, after: true },
          }),
        ).toEqual([
          { kind: "plan.status_changed", actorId: actor.userId, before: { status: from }, after: { status: to } },
        ]);
        return;
      }
      const before = await snapshotTeamData(team.id);
      const error = await appErrorOf(runAs(setPlanStatus, actor.userId, team.slug, { planId: plan.id, status: to }));
      expect(error.code).toBe(outcome);
      if (outcome === "VALIDATION") expect(error.fieldErrors).toHaveProperty("status");
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }
});

describe("duplicatePlan", () => {
  it("copies the plan as a DRAFT with the same tasks and links, every task reset to TODO at 0 %", async () => {
    const { id: sourceId } = await runAs(
      createPlan,
      owner.userId,
      team.slug,
      planInput({
        description: "Source description",
        templateKeys: ["R1.1", "R3.7", "R4.9"],
        defaultAssignees: { R3: member.userId },
      }),
    );
    const custom = await runAs(createTask, member.userId, team.slug, {
      planId: sourceId,
      title: "Custom task",
      description: "Own words",
      areaCode: "R2",
      pathCode: "P4",
      dilemmas: [
        { dilemmaCode: "D2", weight: 3 },
        { dilemmaCode: "D4", weight: 1 },
      ],
      priority: "URGENT",
      status: "DONE",
      assigneeId: admin.userId,
      dueDate: "2026-08-15",
      progress: 100,
    });
    const r11 = await db.task.findFirstOrThrow({ where: { planId: sourceId, templateKey: "R1.1" } });
    await runAs(updateTask, owner.userId, team.slug, {
      taskId: r11.id,
      version: r11.version,
      title: r11.title,
      description: r11.description,
      areaCode: "R1",
      pathCode: "P1",
      dilemmas: [
        { dilemmaCode: "D1", weight: 2 },
        { dilemmaCode: "D3", weight: 1 },
      ],
      priority: "HIGH",
      status: "IN_PROGRESS",
      assigneeId: null,
      dueDate: "2026-07-01",
      progress: 40,
    });
    const sourceBefore = await loadPlan(sourceId);

    const { id: copyId } = await runAs(duplicatePlan, member.userId, team.slug, { planId: sourceId });
    expect(copyId).not.toBe(sourceId);
    const copy = await loadPlan(copyId);
    expect(copy).toMatchObject({
      teamId: team.id,
      title: `${sourceBefore.title} (copy)`,
      description: "Source description",
      status: "DRAFT",
      startDate: sourceBefore.startDate,
      targetDate: sourceBefore.targetDate,
      catalogVersion: sourceBefore.catalogVersion,
      createdById: member.userId,
      version: 1,
    });

    const copied = (task: LoadedTask) => ({
      areaCode: task.areaCode,
      pathCode: task.pathCode,
      templateKey: task.templateKey,
      templateTextZh: task.templateTextZh,
      templateTextEn: task.templateTextEn,
      title: task.title,
      description: task.description,
      priority: task.priority,
      assigneeId: task.assigneeId,
      dueDate: task.dueDate,
      links: weightsOf(task.dilemmas),
    });
    const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
    expect(copy.tasks.map(copied).sort(byTitle)).toEqual(sourceBefore.tasks.map(copied).sort(byTitle));
    for (const task of copy.tasks) {
      expect(task).toMatchObject({
        status: "TODO",
        progress: 0,
        completedAt: null,
        version: 1,
        createdById: member.userId,
      });
    }
    expect(weightsOf(copy.tasks.find((t) => t.title === "Custom task")?.dilemmas ?? [])).toEqual({ D2: 3, D4: 1 });
    expect(weightsOf(copy.tasks.find((t) => t.templateKey === "R1.1")?.dilemmas ?? [])).toEqual({ D1: 2, D3: 1 });

    // The source is untouched.
    expect(await loadPlan(sourceId)).toEqual(sourceBefore);
    expect((await db.task.findUniqueOrThrow({ where: { id: custom.id } })).status).toBe("DONE");

    const events = await db.activityEvent.findMany({
      where: { planId: copyId },
      select: { kind: true, taskId: true, after: true },
    });
    expect(events.filter((e) => e.kind === "plan.created")).toEqual([
      { kind: "plan.created", taskId: null, after: { copiedFrom: sourceId } },
    ]);
    expect(
      events
        .filter((e) => e.kind === "task.created")
        .map((e) => e.taskId)
        .sort(),
    ).toEqual(copy.tasks.map((t) => t.id).sort());
    expect(events).toHaveLength(1 + copy.tasks.length);
  });

  it("keeps the copy's title within 200 characters", async () => {
    const plan = await createTestPlan({ teamId: team.id, title: "L".repeat(200) });
    const { id } = await runAs(duplicatePlan, member.userId, team.slug, { planId: plan.id });
    const { title } = await db.plan.findUniqueOrThrow({ where: { id } });
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith(" (copy)")).toBe(true);
  });

  it("refuses a VIEWER (FORBIDDEN) and creates nothing", async () => {
    const plan = await createTestPlan({ teamId: team.id });
    await createTestTask({ teamId: team.id, planId: plan.id });
    const before = await snapshotTeamData(team.id);
    expect((await appErrorOf(runAs(duplicatePlan, viewer.userId, team.slug, { planId: plan.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});

describe("deletePlan", () => {
  it("deletes the plan with its tasks for an ADMIN who types the exact title, and logs plan.deleted", async () => {
    const plan = await createTestPlan({ teamId: team.id, title: "Plan to delete" });
    const task = await createTestTask({ teamId: team.id, planId: plan.id });
    expect(
      await runAs(deletePlan, admin.userId, team.slug, { planId: plan.id, confirmTitle: "Plan to delete" }),
    ).toEqual({ id: plan.id });
    expect(await db.plan.findUnique({ where: { id: plan.id } })).toBeNull();
    expect(await db.task.findUnique({ where: { id: task.id } })).toBeNull();
    expect(await db.taskDilemma.count({ where: { taskId: task.id } })).toBe(0);
    expect(
      await db.activityEvent.findMany({
        where: { teamId: team.id, entityId: plan.id },
        select: { kind: true, actorId: true, before: true },
      }),
    ).toEqual([{ kind: "plan.deleted", actorId: admin.userId, before: { title: "Plan to delete" } }]);
  });

  it("lets an OWNER delete too", async () => {
    const plan = await createTestPlan({ teamId: team.id, title: "Owner's plan" });
    await runAs(deletePlan, owner.userId, team.slug, { planId: plan.id, confirmTitle: "Owner's plan" });
    expect(await db.plan.findUnique({ where: { id: plan.id } })).toBeNull();
  });

  const wrongTitles = ["plan to keep", "Plan to", "Plan to keep!", ""];
  for (const confirmTitle of wrongTitles) {
    it(`refuses the confirmation ${JSON.stringify(confirmTitle)} (VALIDATION) and keeps the plan`, async () => {
      const plan = await createTestPlan({ teamId: team.id, title: "Plan to keep" });
      await createTestTask({ teamId: team.id, planId: plan.id });
      const before = await snapshotTeamData(team.id);
      const error = await appErrorOf(runAs(deletePlan, owner.userId, team.slug, { planId: plan.id, confirmTitle }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors).toHaveProperty("confirmTitle");
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }

  for (const role of ["MEMBER", "VIEWER"] as const) {
    it(`refuses a ${role} even with the exact title (FORBIDDEN)`, async () => {
      const plan = await createTestPlan({ teamId: team.id, title: "Guarded plan" });
      const before = await snapshotTeamData(team.id);
      expect(
        (
          await appErrorOf(
            runAs(deletePlan, actors()[role].userId, team.slug, { planId: plan.id, confirmTitle: "Guarded plan" }),
          )
        ).code,
      ).toBe("FORBIDDEN");
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }
});

describe("addTemplates", () => {
  async function planWith(keys: string[]) {
    const { id } = await runAs(
      createPlan,
      owner.userId,
      team.slug,
      planInput({ templateKeys: keys, startDate: "2026-04-01" }),
    );
    return id;
  }

  it("adds new templates with the catalog's weights and due dates from the plan start, one task.created event each", async () => {
    const planId = await planWith(["R1.1"]);
    expect(await runAs(addTemplates, member.userId, team.slug, { planId, templateKeys: ["R3.5", "R4.2"] })).toEqual({
      created: 2,
      duplicates: [],
    });
    const plan = await loadPlan(planId);
    expect(plan.tasks.map((t) => t.templateKey).sort()).toEqual(["R1.1", "R3.5", "R4.2"]);
    expectTasksFromCatalog(plan.tasks, { startDate: "2026-04-01", locale: "en" });
    expect(await db.activityEvent.count({ where: { planId, kind: "task.created", actorId: member.userId } })).toBe(2);
  });

  it("reports templates already in the plan and adds nothing unless confirmed", async () => {
    const planId = await planWith(["R1.1", "R1.2"]);
    const before = await snapshotTeamData(team.id);
    expect(await runAs(addTemplates, member.userId, team.slug, { planId, templateKeys: ["R1.2", "R3.1"] })).toEqual({
      created: 0,
      duplicates: ["R1.2"],
    });
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });

  it("adds them all, duplicates included, with allowDuplicates", async () => {
    const planId = await planWith(["R1.1", "R1.2"]);
    expect(
      await runAs(addTemplates, member.userId, team.slug, {
        planId,
        templateKeys: ["R1.2", "R3.1"],
        allowDuplicates: true,
      }),
    ).toEqual({
      created: 2,
      duplicates: ["R1.2"],
    });
    const plan = await loadPlan(planId);
    expect(plan.tasks.map((t) => t.templateKey).sort()).toEqual(["R1.1", "R1.2", "R1.2", "R3.1"]);
    expectTasksFromCatalog(plan.tasks, { startDate: "2026-04-01", locale: "en" });
    expect(await db.activityEvent.count({ where: { planId, kind: "task.created" } })).toBe(4);
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ["an unknown template key", { templateKeys: ["R1.3", "R9.9"] }, "templateKeys.1"],
    ["an empty list", { templateKeys: [] }, "templateKeys"],
  ];
  for (const [name, overrides, field] of refused) {
    it(`refuses ${name} (VALIDATION on ${field}) and adds nothing`, async () => {
      const planId = await planWith(["R1.1"]);
      const before = await snapshotTeamData(team.id);
      const error = await appErrorOf(
        runAs(addTemplates, owner.userId, team.slug, { planId, templateKeys: ["R1.3"], ...overrides }),
      );
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
      expect(await snapshotTeamData(team.id)).toEqual(before);
    });
  }

  it("refuses an archived plan (FORBIDDEN), even with allowDuplicates", async () => {
    const plan = await createTestPlan({ teamId: team.id, status: "ARCHIVED" });
    const before = await snapshotTeamData(team.id);
    expect(
      (
        await appErrorOf(
          runAs(addTemplates, owner.userId, team.slug, {
            planId: plan.id,
            templateKeys: ["R2.1"],
            allowDuplicates: true,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});

describe("an ARCHIVED plan is read-only until un-archived", () => {
  it("refuses task edits while archived and accepts them after an ADMIN re-activates it", async () => {
    const plan = await createTestPlan({ teamId: team.id, status: "ACTIVE" });
    const task = await createTestTask({ teamId: team.id, planId: plan.id });
    await runAs(setPlanStatus, admin.userId, team.slug, { planId: plan.id, status: "ARCHIVED" });
    expect(
      (
        await appErrorOf(
          runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "DONE" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    await runAs(setPlanStatus, admin.userId, team.slug, { planId: plan.id, status: "ACTIVE" });
    await runAs(setTaskStatus, member.userId, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    expect(
      await db.task.findUniqueOrThrow({ where: { id: task.id }, select: { status: true, progress: true } }),
    ).toEqual({ status: "DONE", progress: 100 });
  });
});
