import { afterAll, describe, expect, it } from "vitest";
import { runOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { createPlan } from "@/lib/plans/create-plan";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import { dilemmaProgressOfPlansBefore, planProgressAt, planProgressBefore } from "@/lib/progress/progress-at";
import { planProgress } from "@/lib/progress/sql";
import { setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import { cleanupTestData, createTestTeam, createTestUser } from "@/lib/testing/factories";
import { toDateInput } from "@/lib/validation/common";
import { DAY_MS } from "@/lib/time";

afterAll(cleanupTestData);

const DAY = DAY_MS;
const daysAgo = (n: number) =>
  new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - n * DAY);

/** Moves a task's events so they appear to have happened `n` days ago at noon. */
async function backdate(eventIds: bigint[], n: number) {
  await db.activityEvent.updateMany({
    where: { id: { in: eventIds } },
    data: { createdAt: new Date(daysAgo(n).getTime() + 12 * 60 * 60 * 1000) },
  });
}

async function lastEventIds(taskId: string, take = 1) {
  const events = await db.activityEvent.findMany({
    where: { taskId },
    orderBy: { id: "desc" },
    take,
    select: { id: true },
  });
  return events.map((e) => e.id);
}

describe("progress at a past date, replayed from the activity log", () => {
  it("shows what was true then, including a task later reopened", async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    const actor = { userId: owner.id, teamSlug: team.slug };
    const start = toDateInput(daysAgo(30));
    const { id: planId } = await runOperation(createPlan, actor, {
      title: "History",
      startDate: start,
      targetDate: toDateInput(daysAgo(-60)),
      templateKeys: ["R3.1", "R3.4"],
      status: "ACTIVE",
    });
    const tasks = await db.task.findMany({
      where: { planId },
      orderBy: { templateKey: "asc" },
      select: { id: true, version: true },
    });
    const [primary, secondary] = tasks as [{ id: string; version: number }, { id: string; version: number }];
    await backdate(
      (await db.activityEvent.findMany({ where: { planId }, select: { id: true } })).map((e) => e.id),
      20,
    );

    // R3.1 (D3×3) done 10 days ago, then reopened at 40 % 2 days ago; R3.4 (D3×2) at 50 % since 5 days ago.
    await runOperation(setTaskStatus, actor, { taskId: primary.id, version: primary.version, status: "DONE" });
    await backdate(await lastEventIds(primary.id), 10);
    const reopened = await db.task.findUniqueOrThrow({
      where: { id: primary.id },
      select: { version: true, title: true },
    });
    const fields = {
      title: reopened.title,
      description: "",
      areaCode: "R3",
      pathCode: "P3",
      dilemmas: [{ dilemmaCode: "D3", weight: 3 }],
      priority: "HIGH",
      assigneeId: null,
      dueDate: "",
    } as const;
    await runOperation(updateTask, actor, {
      ...fields,
      taskId: primary.id,
      version: reopened.version,
      status: "IN_PROGRESS",
      progress: 40,
    });
    await backdate(await lastEventIds(primary.id), 2);
    const s = await db.task.findUniqueOrThrow({ where: { id: secondary.id }, select: { version: true, title: true } });
    await runOperation(updateTask, actor, {
      ...fields,
      title: s.title,
      dilemmas: [{ dilemmaCode: "D3", weight: 2 }],
      taskId: secondary.id,
      version: s.version,
      status: "IN_PROGRESS",
      progress: 50,
    });
    await backdate(await lastEventIds(secondary.id), 5);

    const scope = { teamId: team.id, planId };
    const at = async (n: number) => (await planProgressAt(db, { ...scope, day: daysAgo(n) })).dilemmas.D3;

    expect((await planProgressAt(db, { ...scope, day: daysAgo(25) })).dilemmas.D3).toEqual({
      progress: null,
      taskCount: 0,
      weightSum: 0,
    });
    expect(await at(15)).toEqual({ progress: 0, taskCount: 2, weightSum: 5 });
    expect((await at(7)).progress).toBeCloseTo((3 * 1 + 2 * 0) / 5, 10);
    expect((await at(4)).progress).toBeCloseTo((3 * 1 + 2 * 0.5) / 5, 10);
    expect((await at(1)).progress).toBeCloseTo((3 * 0.4 + 2 * 0.5) / 5, 10);

    // Today's replay equals the live aggregate.
    const live = await planProgress(db, scope);
    const replayed = await planProgressAt(db, { ...scope, day: daysAgo(0) });
    expect(replayed.dilemmas).toEqual(live.dilemmas);
    expect(replayed.overall.progress).toBeCloseTo(live.overall.progress ?? NaN, 10);

    // The JSON of the dashboard: the same numbers, with status counts of that day.
    const json = await runOperation(getPlanProgress, actor, { planId, at: toDateInput(daysAgo(7)) });
    expect(json.dilemmas.find((d) => d.code === "D3")?.progress).toBeCloseTo(0.6, 10);
    expect(json.dilemmas.find((d) => d.code === "D1")?.progress).toBeNull();
    expect(json.statusCounts).toMatchObject({ DONE: 1, TODO: 1, IN_PROGRESS: 0 });
    const now = await runOperation(getPlanProgress, actor, { planId });
    expect(now.statusCounts).toMatchObject({ IN_PROGRESS: 2, DONE: 0 });

    // Several plans in one query (the weekly digest): each plan's own replay, figure for figure.
    const { id: otherPlanId } = await runOperation(createPlan, actor, {
      title: "Other",
      startDate: start,
      targetDate: toDateInput(daysAgo(-60)),
      templateKeys: ["R1.1", "R3.1", "R4.2"],
      status: "ACTIVE",
    });
    const other = await db.task.findFirstOrThrow({
      where: { planId: otherPlanId },
      select: { id: true, version: true },
    });
    await runOperation(setTaskStatus, actor, { taskId: other.id, version: other.version, status: "DONE" });
    for (const n of [25, 15, 7, 4, 1, 0, -1]) {
      const before = new Date(daysAgo(n).getTime() + DAY);
      const batched = await dilemmaProgressOfPlansBefore(db, {
        teamId: team.id,
        planIds: [planId, otherPlanId],
        before,
      });
      for (const id of [planId, otherPlanId]) {
        const single = await planProgressBefore(db, { teamId: team.id, planId: id, before });
        expect(batched.get(id), `plan ${id}, ${n} days ago`).toEqual(single.dilemmas);
      }
    }
    expect((await dilemmaProgressOfPlansBefore(db, { teamId: team.id, planIds: [], before: new Date() })).size).toBe(0);
  });

  it("answers not found for another team's plan and refuses a malformed date", async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    const other = await createTestUser();
    const otherTeam = await createTestTeam({ ownerId: other.id });
    const { id: planId } = await runOperation(
      createPlan,
      { userId: owner.id, teamSlug: team.slug },
      { title: "Mine", startDate: "2026-01-01", targetDate: "2026-12-31" },
    );
    await expect(
      runOperation(getPlanProgress, { userId: other.id, teamSlug: otherTeam.slug }, { planId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      runOperation(getPlanProgress, { userId: owner.id, teamSlug: team.slug }, { planId, at: "2026-02-30" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
