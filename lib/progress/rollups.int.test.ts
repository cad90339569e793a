// The maintained rollups (PlanRollup, kept by database triggers) against the pure
// formulas of lib/progress/formula.ts, recomputed from the raw tasks after every
// step of a seeded random sequence of writes through the app's operations and
// through plain SQL; then many writers at once.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { TeamOperation } from "@/lib/actions/operation";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES, type DilemmaCode } from "@/lib/catalog/types";
import { db } from "@/lib/db";
import {
  areaProgress,
  dilemmaProgress,
  overallProgress,
  pathProgress,
  type ProgressTask,
  type Rollup,
} from "@/lib/progress/formula";
import { rebuildRollups, rollupDifferences } from "@/lib/progress/rollup-check";
import { planRollupsWithCounts, readPlanRollupRows } from "@/lib/progress/sql";
import { getTeamDashboard } from "@/lib/progress/team-dashboard";
import { deletePlan, duplicatePlan } from "@/lib/plans/plan-lifecycle";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { createTask } from "@/lib/tasks/create-task";
import { OPEN_STATUSES, TASK_STATUSES } from "@/lib/tasks/status";
import { setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import { cleanupTestData, createTestMember, createTestPlan, createTestTeam, runAs } from "@/lib/testing/factories";

afterAll(cleanupTestData);

const TODAY = "2026-02-15";

/** 32-bit LCG (glibc constants): the same seed gives the same sequence of writes. */
function lcg(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 16;
  };
  const int = (n: number) => next() % n;
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { int, pick };
}

type Random = ReturnType<typeof lcg>;

const randomLinks = (r: Random) => {
  const first = r.int(DILEMMA_CODES.length);
  return Array.from({ length: 1 + r.int(3) }, (_, k) => ({
    dilemmaCode: DILEMMA_CODES[(first + k) % DILEMMA_CODES.length] as DilemmaCode,
    weight: 1 + r.int(3),
  }));
};
const randomDue = (r: Random) => (r.int(4) === 0 ? null : `2026-0${1 + r.int(3)}-${String(10 + r.int(19))}`);

/** A plan's rollups and counts as the pure formulas give them from its tasks as they are now. */
async function pureOf(planId: string) {
  const tasks = await db.task.findMany({
    where: { planId },
    select: {
      status: true,
      progress: true,
      areaCode: true,
      pathCode: true,
      dueDate: true,
      dilemmas: { select: { dilemmaCode: true, weight: true } },
    },
  });
  const progressTasks: ProgressTask[] = tasks.map((t) => ({
    status: t.status,
    progress: t.progress,
    area: t.areaCode as ProgressTask["area"],
    path: t.pathCode as ProgressTask["path"],
    weights: Object.fromEntries(t.dilemmas.map((d) => [d.dilemmaCode, d.weight])),
  }));
  const open = tasks.filter((t) => (OPEN_STATUSES as readonly string[]).includes(t.status));
  return {
    dilemmas: dilemmaProgress(progressTasks),
    areas: areaProgress(progressTasks),
    paths: pathProgress(progressTasks),
    overall: overallProgress(progressTasks),
    statusCounts: Object.fromEntries(TASK_STATUSES.map((s) => [s, tasks.filter((t) => t.status === s).length])),
    openCount: open.length,
    overdueCount: open.filter((t) => t.dueDate && t.dueDate.toISOString().slice(0, 10) < TODAY).length,
  };
}

function expectSameRollup(actual: Rollup, expected: Rollup, label: string) {
  expect(actual.taskCount, `${label} taskCount`).toBe(expected.taskCount);
  expect(actual.weightSum, `${label} weightSum`).toBe(expected.weightSum);
  if (expected.progress === null) expect(actual.progress, `${label} progress`).toBeNull();
  else expect(actual.progress, `${label} progress`).toBeCloseTo(expected.progress, 10);
}

/** Every reader of the rollups equals the pure formulas for each of the plans. */
async function expectRollupsMatch(teamId: string, planIds: string[], step: string) {
  const dashboard = await getTeamDashboard({ teamId, today: new Date(`${TODAY}T00:00:00Z`) });
  for (const planId of planIds) {
    const expected = await pureOf(planId);
    const { rollups, statusCounts } = await planRollupsWithCounts(db, { teamId, planId });
    const label = `${step}, plan ${planId}`;
    for (const d of DILEMMA_CODES) expectSameRollup(rollups.dilemmas[d], expected.dilemmas[d], `${label} ${d}`);
    for (const a of AREA_CODES) expectSameRollup(rollups.areas[a], expected.areas[a], `${label} ${a}`);
    for (const p of PATH_CODES) expectSameRollup(rollups.paths[p], expected.paths[p], `${label} ${p}`);
    expectSameRollup(rollups.overall, expected.overall, `${label} overall`);
    expect(statusCounts, `${label} status counts`).toEqual(expected.statusCounts);
    const row = dashboard.plans.find((p) => p.id === planId);
    if (row) {
      expectSameRollup(row.overall, expected.overall, `${label} heat-map overall`);
      expect([row.openCount, row.overdueCount], `${label} open, overdue`).toEqual([
        expected.openCount,
        expected.overdueCount,
      ]);
    }
  }
  expect(await rollupDifferences(db, planIds), step).toEqual([]);
}

describe("maintained rollups", () => {
  let team: { id: string; slug: string };
  let ownerId: string;
  beforeAll(async () => {
    team = await createTestTeam();
    ownerId = (await createTestMember({ teamId: team.id, role: "OWNER" })).userId;
  });

  it("equal the pure formulas after every step of a random sequence of writes", async () => {
    const r = lcg(20261202);
    const as = <S extends z.ZodType, R>(op: TeamOperation<S, R>, input: z.input<S>) =>
      runAs(op, ownerId, team.slug, input);
    const plans = [(await createTestPlan({ teamId: team.id })).id, (await createTestPlan({ teamId: team.id })).id];
    const tasksOf = async (planId: string) =>
      db.task.findMany({
        where: { planId },
        orderBy: { id: "asc" },
        include: { dilemmas: { select: { dilemmaCode: true, weight: true }, orderBy: { dilemmaCode: "asc" } } },
      });
    const fullInput = (t: Awaited<ReturnType<typeof tasksOf>>[number]) => ({
      taskId: t.id,
      version: t.version,
      title: t.title,
      description: t.description,
      areaCode: t.areaCode as ProgressTask["area"],
      pathCode: t.pathCode as ProgressTask["path"],
      dilemmas: t.dilemmas.map((d) => ({ dilemmaCode: d.dilemmaCode as DilemmaCode, weight: d.weight })),
      priority: t.priority,
      status: t.status,
      assigneeId: t.assigneeId,
      dueDate: t.dueDate ? t.dueDate.toISOString().slice(0, 10) : null,
      progress: t.progress,
    });

    const kinds = [
      "create",
      "update",
      "status",
      "progress",
      "links",
      "cancel",
      "delete",
      "bulk-status",
      "bulk-due",
      "sql-progress",
      "sql-weights",
      "sql-move",
      "duplicate",
      "delete-plan",
    ] as const;
    // A few creations fill the plans, then every kind of write three times, each round in a seeded random order.
    const shuffled = () =>
      [...kinds]
        .map((kind) => ({ kind, sort: r.int(65536) }))
        .sort((a, b) => a.sort - b.sort)
        .map((k) => k.kind);
    const sequence = [...Array<(typeof kinds)[number]>(6).fill("create"), ...shuffled(), ...shuffled(), ...shuffled()];
    for (const [step, drawn] of sequence.entries()) {
      const planId = r.pick(plans);
      const tasks = await tasksOf(planId);
      const kind = tasks.length === 0 ? "create" : drawn;
      const task = tasks.length > 0 ? r.pick(tasks) : undefined;
      switch (kind) {
        case "create":
          await as(createTask, {
            planId,
            title: `Task ${step}`,
            description: "",
            areaCode: r.pick(AREA_CODES),
            pathCode: r.pick(PATH_CODES),
            dilemmas: randomLinks(r),
            priority: "MEDIUM",
            status: r.pick(TASK_STATUSES),
            assigneeId: null,
            dueDate: randomDue(r),
            progress: r.int(101),
          });
          break;
        case "update":
          await as(updateTask, {
            ...fullInput(task!),
            areaCode: r.pick(AREA_CODES),
            pathCode: r.pick(PATH_CODES),
            dilemmas: randomLinks(r),
            status: r.pick(TASK_STATUSES),
            progress: r.int(101),
            dueDate: randomDue(r),
          });
          break;
        case "status":
          await as(setTaskStatus, { taskId: task!.id, version: task!.version, status: r.pick(TASK_STATUSES) });
          break;
        case "progress":
          await as(updateTask, { ...fullInput(task!), progress: r.int(101) });
          break;
        case "links":
          await as(updateTask, { ...fullInput(task!), dilemmas: randomLinks(r) });
          break;
        case "cancel":
          await as(setTaskStatus, { taskId: task!.id, version: task!.version, status: "CANCELLED" });
          break;
        case "delete":
          await as(bulkTasks, { action: "delete", taskIds: tasks.slice(0, 1 + r.int(2)).map((t) => t.id) });
          break;
        case "bulk-status":
          await as(bulkTasks, {
            action: "status",
            taskIds: [task!.id, ...tasks.filter((t) => t.id !== task!.id && r.int(2) === 0).map((t) => t.id)],
            status: r.pick(TASK_STATUSES),
          });
          break;
        case "bulk-due":
          await as(bulkTasks, { action: "dueDate", taskIds: tasks.map((t) => t.id), dueDate: randomDue(r) });
          break;
        case "sql-progress":
          // Writes that bypass the app: one statement over many rows.
          await db.$executeRaw`UPDATE "Task" SET progress = (length(id) * ${1 + r.int(7)}) % 101 WHERE "planId" = ${planId}`;
          break;
        case "sql-weights":
          await db.$executeRaw`UPDATE "TaskDilemma" SET weight = 1 + (weight % 3) WHERE "taskId" IN (SELECT id FROM "Task" WHERE "planId" = ${planId})`;
          break;
        case "sql-move": {
          const other = plans.find((p) => p !== planId);
          if (other) await db.$executeRaw`UPDATE "Task" SET "planId" = ${other} WHERE id = ${task!.id}`;
          break;
        }
        case "duplicate":
          if (plans.length < 4) plans.push((await as(duplicatePlan, { planId })).id);
          break;
        case "delete-plan": {
          // Keeps two plans: a copy takes the place of the deleted one when needed.
          if (plans.length <= 2) plans.push((await as(duplicatePlan, { planId })).id);
          const plan = await db.plan.findUniqueOrThrow({ where: { id: planId } });
          await as(deletePlan, { planId, confirmTitle: plan.title });
          plans.splice(plans.indexOf(planId), 1);
          expect(await db.planRollup.count({ where: { planId } })).toBe(0);
          break;
        }
      }
      await expectRollupsMatch(team.id, plans, `step ${step} (${kind})`);
    }
  });

  it("lose no change when 50 writers update tasks of one plan at once", async () => {
    const planId = (await createTestPlan({ teamId: team.id })).id;
    // 50 tasks in two statements (bulk inserts, as an import would make).
    const created = await db.task.createManyAndReturn({
      data: Array.from({ length: 50 }, (_, i) => ({
        teamId: team.id,
        planId,
        title: `Concurrent ${i}`,
        areaCode: AREA_CODES[i % AREA_CODES.length]!,
        pathCode: PATH_CODES[i % PATH_CODES.length]!,
        dueDate: new Date("2026-02-01T00:00:00Z"),
      })),
      select: { id: true },
    });
    await db.taskDilemma.createMany({
      data: created.map((t, i) => ({
        taskId: t.id,
        teamId: team.id,
        dilemmaCode: DILEMMA_CODES[i % DILEMMA_CODES.length]!,
        weight: 1 + (i % 3),
      })),
    });
    await expectRollupsMatch(team.id, [planId], "after bulk inserts");
    // Every writer changes the same keys of the same plan (status, progress, due-date and
    // link rows), each in its own transaction on its own connection (ten at a time).
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    try {
      await Promise.all(
        created.map(async (t, i) => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query(`UPDATE "Task" SET status = $2, progress = $3 WHERE id = $1`, [
              t.id,
              i % 2 === 0 ? "DONE" : "IN_PROGRESS",
              i,
            ]);
            if (i % 5 === 0) await client.query(`UPDATE "TaskDilemma" SET weight = 3 WHERE "taskId" = $1`, [t.id]);
            await client.query("COMMIT");
          } finally {
            client.release();
          }
        }),
      );
    } finally {
      await pool.end();
    }
    await expectRollupsMatch(team.id, [planId], "after 50 concurrent writes");
    const { statusCounts } = await planRollupsWithCounts(db, { teamId: team.id, planId });
    expect([statusCounts.DONE, statusCounts.IN_PROGRESS, statusCounts.TODO]).toEqual([25, 25, 0]);
  });

  it("are not written by a change of fields they do not count, and stay folded under single updates", async () => {
    const plan = await createTestPlan({ teamId: team.id });
    const { id: taskId } = await runAs(createTask, ownerId, team.slug, {
      planId: plan.id,
      title: "Folded",
      description: "",
      areaCode: "R2",
      pathCode: "P2",
      dilemmas: [
        { dilemmaCode: "D1", weight: 2 },
        { dilemmaCode: "D4", weight: 1 },
      ],
      priority: "MEDIUM",
      status: "TODO",
      assigneeId: null,
      dueDate: "2026-03-01",
      progress: 0,
    });
    const rows = () =>
      db.planRollup.findMany({ where: { planId: plan.id }, orderBy: { id: "asc" }, omit: { teamId: true } });
    const before = await rows();
    await db.$executeRaw`UPDATE "Task" SET title = 'Renamed', priority = 'HIGH', description = 'x', version = version + 1 WHERE id = ${taskId}`;
    expect(await rows()).toEqual(before);
    // Progress, status and due date one statement at a time: one row per key remains.
    for (const [status, progress, due] of [
      ["IN_PROGRESS", 30, "2026-03-02"],
      ["BLOCKED", 30, "2026-03-02"],
      ["DONE", 30, null],
      ["CANCELLED", 30, null],
      ["TODO", 10, "2026-03-03"],
    ] as const) {
      await db.$executeRaw`UPDATE "Task" SET status = ${status}::"TaskStatus", progress = ${progress}, "dueDate" = ${due}::date WHERE id = ${taskId}`;
      await expectRollupsMatch(team.id, [plan.id], `${status} ${progress} ${due}`);
      const keys = (await rows()).map((r) => `${r.dimension}:${r.key}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("are found wrong by the check and put right by a rebuild", async () => {
    const plan = await createTestPlan({ teamId: team.id });
    await runAs(createTask, ownerId, team.slug, {
      planId: plan.id,
      title: "Checked",
      description: "",
      areaCode: "R1",
      pathCode: "P1",
      dilemmas: [{ dilemmaCode: "D2", weight: 3 }],
      priority: "MEDIUM",
      status: "IN_PROGRESS",
      assigneeId: null,
      dueDate: null,
      progress: 40,
    });
    expect(await rollupDifferences(db, [plan.id])).toEqual([]);
    // As after a restore that lost the rollups' last writes.
    await db.$executeRaw`DELETE FROM "PlanRollup" WHERE "planId" = ${plan.id} AND dimension = 'dilemma'`;
    expect(await rollupDifferences(db, [plan.id])).toEqual([
      {
        planId: plan.id,
        dimension: "dilemma",
        key: "D2",
        actual: { taskCount: 0, weightSum: 0, weighted: 0 },
        expected: { taskCount: 1, weightSum: 3, weighted: 120 },
      },
    ]);
    await rebuildRollups(db);
    expect(await rollupDifferences(db, [plan.id])).toEqual([]);
    expect((await readPlanRollupRows(db, { teamId: team.id, planIds: [plan.id] })).length).toBeGreaterThan(0);
  });
});
