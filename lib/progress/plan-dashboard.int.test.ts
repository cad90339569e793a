import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import {
  getPlanDashboard,
  getSharedTeamDashboard,
  planDashboards,
  teamDashboards,
} from "@/lib/progress/plan-dashboard";
import { setTaskStatus } from "@/lib/tasks/update-task";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import {
  addMember,
  cleanupTestData,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  runAs,
} from "@/lib/testing/factories";

let owner: { id: string };
let team: { id: string; slug: string };
let plan: { id: string; startDate: Date; targetDate: Date };
let tasks: { id: string }[];
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));

beforeAll(async () => {
  owner = await createTestUser();
  team = await createTestTeam({ ownerId: owner.id });
  plan = await createTestPlan({ teamId: team.id });
  tasks = await Promise.all(
    [1, 2, 3].map(() => createTestTask({ teamId: team.id, planId: plan.id, assigneeId: owner.id })),
  );
});
beforeEach(() => {
  planDashboards.clear();
  teamDashboards.clear();
});
afterAll(cleanupTestData);

const read = () => getPlanDashboard({ teamId: team.id, planId: plan.id }, plan, today);
/** Computations started by `run`. */
async function computationsOf(run: () => Promise<unknown>) {
  const before = planDashboards.computations;
  await run();
  return planDashboards.computations - before;
}

describe("the plan dashboard under live updates", () => {
  it("serves concurrent viewers from one computation, and a committed change starts exactly one more", async () => {
    let views: Awaited<ReturnType<typeof read>>[] = [];
    expect(await computationsOf(async () => (views = await Promise.all(Array.from({ length: 20 }, read))))).toBe(1);
    expect(new Set(views).size).toBe(1);
    expect(views[0]!.now.statusCounts).toMatchObject({ TODO: 3, DONE: 0 });
    expect(await computationsOf(read)).toBe(0);

    await runAs(setTaskStatus, owner.id, team.slug, { taskId: tasks[0]!.id, version: 1, status: "DONE" });
    expect(await computationsOf(async () => (views = await Promise.all(Array.from({ length: 20 }, read))))).toBe(1);
    expect(views.every((v) => v.now.statusCounts.DONE === 1 && v.now.statusCounts.TODO === 2)).toBe(true);
    expect(await computationsOf(read)).toBe(0);
  });

  it("sees a change whose event id is older than one already read (commit order is not id order)", async () => {
    await read();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    // This transaction takes its event id first and commits last.
    const slow = db.$transaction(
      async (tx) => {
        await tx.task.update({ where: { id: tasks[1]!.id }, data: { status: "BLOCKED" } });
        await recordEvent(
          tx,
          { teamId: team.id, userId: owner.id },
          { kind: "comment.created", planId: plan.id, taskId: tasks[1]!.id, commentId: "c1" },
        );
        started();
        await held;
      },
      { timeout: 20_000 },
    );
    await isStarted;
    await db.$transaction((tx) =>
      recordEvent(
        tx,
        { teamId: team.id, userId: owner.id },
        { kind: "comment.created", planId: plan.id, taskId: tasks[2]!.id, commentId: "c2" },
      ),
    );
    expect((await read()).now.statusCounts.BLOCKED).toBe(0);
    release();
    await slow;
    const after = await read();
    expect(after.now.statusCounts.BLOCKED).toBe(1);
  });

  it("sees a deleted task, whose events leave with it", async () => {
    const extra = await createTestTask({ teamId: team.id, planId: plan.id });
    await db.$transaction((tx) =>
      recordEvent(
        tx,
        { teamId: team.id, userId: owner.id },
        { kind: "comment.created", planId: plan.id, taskId: extra.id, commentId: "c3" },
      ),
    );
    const before = (await read()).now.statusCounts.TODO ?? 0;
    // One event leaves and one (the deletion's) arrives: the count comes out even.
    await runAs(bulkTasks, owner.id, team.slug, { action: "delete", taskIds: [extra.id] });
    expect((await read()).now.statusCounts.TODO).toBe(before - 1);
  });

  it("follows the team's membership (the workload lists every member)", async () => {
    const joiner = await createTestUser();
    expect((await read()).workload.some((row) => row.userId === joiner.id)).toBe(false);
    await addMember({ teamId: team.id, userId: joiner.id, role: "MEMBER" });
    expect((await read()).workload.some((row) => row.userId === joiner.id)).toBe(true);
  });

  it("never serves one team's numbers to another team asking with the same plan id", async () => {
    const mine = await read();
    expect(mine.now.statusCounts.TODO).toBeGreaterThan(0);
    const stranger = await createTestTeam();
    const foreign = await getPlanDashboard({ teamId: stranger.id, planId: plan.id }, plan, today);
    expect(foreign).not.toBe(mine);
    expect(Object.values(foreign.now.statusCounts).every((n) => n === 0)).toBe(true);
    expect(foreign.workload.some((row) => row.userId === owner.id)).toBe(false);
    expect(foreign.due).toEqual({ overdue: { tasks: [], total: 0 }, dueSoon: { tasks: [], total: 0 } });
    // And the team's own entry is still its own.
    expect(await read()).toBe(mine);
  });
});

describe("the team dashboard under live updates", () => {
  it("serves concurrent viewers from one computation per team, and a committed change starts one more", async () => {
    const readTeam = () => getSharedTeamDashboard(team.id, today);
    const before = teamDashboards.computations;
    const views = await Promise.all(Array.from({ length: 20 }, readTeam));
    expect(teamDashboards.computations - before).toBe(1);
    expect(new Set(views).size).toBe(1);
    const open = views[0]!.totals.openCount;

    await runAs(setTaskStatus, owner.id, team.slug, { taskId: tasks[2]!.id, version: 1, status: "CANCELLED" });
    const after = await Promise.all(Array.from({ length: 20 }, readTeam));
    expect(teamDashboards.computations - before).toBe(2);
    expect(after[0]!.totals.openCount).toBe(open - 1);

    // Another team's dashboard is its own computation and holds none of this team's plans.
    const stranger = await createTestTeam();
    const foreign = await getSharedTeamDashboard(stranger.id, today);
    expect(foreign.plans).toEqual([]);
    expect(await readTeam()).toBe(after[0]);
  });
});
