import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import { progressFixtures } from "@/lib/progress/fixtures";
import { PROGRESS_CSV_HEADER, TASK_CSV_HEADER, toCsv, toExportPercent } from "@/lib/reports/csv";
import { exportPlanProgress, exportPlanTasks } from "@/lib/reports/export-plan";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTasks,
  createTestTeam,
  createTestUser,
  runAs,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

describe("plan CSV exports", () => {
  let teamSlug: string;
  let viewerId: string;
  let planId: string;
  let outsiderId: string;
  let outsiderSlug: string;

  beforeAll(async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    teamSlug = team.slug;
    viewerId = (await createTestMember({ teamId: team.id, role: "VIEWER" })).userId;
    const plan = await createTestPlan({ teamId: team.id });
    planId = plan.id;
    await createTestTasks({
      teamId: team.id,
      planId,
      tasks: progressFixtures.find((f) => f.name === "generated 60 tasks (LCG seed 20240601)")!.tasks,
    });
    await createTestTask({
      teamId: team.id,
      planId,
      title: '安全, "加密"\n第二行',
      areaCode: "R3",
      pathCode: "P3",
      weights: { D3: 3, D4: 1 },
      status: "IN_PROGRESS",
      progress: 40,
      priority: "URGENT",
      assigneeId: owner.id,
      dueDate: new Date("2026-03-05T00:00:00Z"),
    });
    const outsider = await createTestUser();
    outsiderId = outsider.id;
    outsiderSlug = (await createTestTeam({ ownerId: outsider.id })).slug;
  });

  it("writes the very numbers getPlanProgress returns, for any member (also a viewer)", async () => {
    const [result, progress] = await Promise.all([
      runAs(exportPlanProgress, viewerId, teamSlug, { planId }),
      runAs(getPlanProgress, viewerId, teamSlug, { planId }),
    ]);
    expect(result.filename).toBe(`plan-${planId}-progress.csv`);
    expect(result.table.header).toEqual(PROGRESS_CSV_HEADER);
    const expected = [
      ["overall", "", progress.overall],
      ...progress.dilemmas.map((d) => ["dilemma", d.code, d] as const),
      ...progress.areas.map((a) => ["area", a.code, a] as const),
      ...progress.paths.map((p) => ["path", p.code, p] as const),
    ] as const;
    expect(result.table.rows).toHaveLength(13);
    for (const [i, [kind, code, rollup]] of expected.entries()) {
      const row = result.table.rows[i]!;
      expect(row.slice(0, 2)).toEqual([kind, code]);
      expect(row.slice(4)).toEqual([toExportPercent(rollup.progress), rollup.taskCount, rollup.weightSum]);
    }
  });

  it("writes one row per task with its codes, weights and date, intact through CSV", async () => {
    const result = await runAs(exportPlanTasks, viewerId, teamSlug, { planId, locale: "zh-CN" });
    expect(result.filename).toBe(`plan-${planId}-tasks.csv`);
    expect(result.table.header).toEqual(TASK_CSV_HEADER);
    expect(result.table.rows).toHaveLength(await db.task.count({ where: { planId } }));
    const row = result.table.rows.find((r) => r[1] === '安全, "加密"\n第二行');
    expect(row).toEqual([
      "",
      '安全, "加密"\n第二行',
      "R3",
      expect.stringMatching(/数据安全/),
      "P3",
      expect.any(String),
      "D3:3; D4:1",
      "IN_PROGRESS",
      "URGENT",
      expect.any(String),
      "2026-03-05",
      40,
      "进行中",
      "紧急",
    ]);
    const csv = toCsv(result.table);
    expect(csv.startsWith("\uFEFFkey,title,")).toBe(true);
    expect(csv).toContain('"安全, ""加密""\n第二行"');
  });

  it("is NOT_FOUND for another team's member, however the plan id is reached", async () => {
    expect((await appErrorOf(runAs(exportPlanTasks, outsiderId, teamSlug, { planId }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(runAs(exportPlanProgress, outsiderId, teamSlug, { planId }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(runAs(exportPlanTasks, outsiderId, outsiderSlug, { planId }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(runAs(exportPlanProgress, outsiderId, outsiderSlug, { planId }))).code).toBe("NOT_FOUND");
  });
});
