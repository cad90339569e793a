import { afterAll, describe, expect, it } from "vitest";
import { runOperation } from "@/lib/actions/operation";
import { DILEMMA_CODES } from "@/lib/catalog/types";
import { db } from "@/lib/db";
import { createPlan } from "@/lib/plans/create-plan";
import { planProgressAt } from "@/lib/progress/progress-at";
import { dilemmaProgressOn, getPlanTrend, MAX_TREND_POINTS, trendDays, trendStep } from "@/lib/progress/trend";
import { setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import { cleanupTestData, createTestPlan, createTestTeam, createTestUser } from "@/lib/testing/factories";
import { toDateInput } from "@/lib/validation/common";
import { DAY_MS } from "@/lib/time";

afterAll(cleanupTestData);

const DAY = DAY_MS;
const daysAgo = (n: number) =>
  new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - n * DAY);

/** Moves events to `n` days ago, at `hour` UTC (default noon). */
async function backdate(eventIds: bigint[], n: number, hour = 12) {
  await db.activityEvent.updateMany({
    where: { id: { in: eventIds } },
    data: { createdAt: new Date(daysAgo(n).getTime() + hour * 60 * 60 * 1000) },
  });
}

async function lastEventId(taskId: string) {
  const event = await db.activityEvent.findFirstOrThrow({
    where: { taskId },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return [event.id];
}

describe("plan trend, one query over days", () => {
  it("equals planProgressAt on every day of a plan with backdated events", async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    const actor = { userId: owner.id, teamSlug: team.slug };
    const { id: planId } = await runOperation(createPlan, actor, {
      title: "Trend",
      startDate: toDateInput(daysAgo(40)),
      targetDate: toDateInput(daysAgo(-60)),
      templateKeys: ["R1.1", "R2.1", "R3.1", "R3.4"],
      status: "ACTIVE",
    });
    const tasks = await db.task.findMany({ where: { planId }, select: { id: true, templateKey: true } });
    const idOf = (key: string) => tasks.find((t) => t.templateKey === key)!.id;
    await backdate(
      (await db.activityEvent.findMany({ where: { planId }, select: { id: true } })).map((e) => e.id),
      35,
    );

    /** Changes a task (keeping its other fields) and moves that event to `n` days ago. */
    const change = async (
      key: string,
      n: number,
      patch: { status: "TODO" | "IN_PROGRESS" | "BLOCKED" | "DONE" | "CANCELLED"; progress?: number },
      hour = 12,
    ) => {
      const task = await db.task.findUniqueOrThrow({ where: { id: idOf(key) }, include: { dilemmas: true } });
      if (patch.progress === undefined) {
        await runOperation(setTaskStatus, actor, { taskId: task.id, version: task.version, status: patch.status });
      } else {
        await runOperation(updateTask, actor, {
          taskId: task.id,
          version: task.version,
          title: task.title,
          description: task.description,
          areaCode: task.areaCode,
          pathCode: task.pathCode,
          dilemmas: task.dilemmas.map((d) => ({ dilemmaCode: d.dilemmaCode, weight: d.weight })),
          priority: task.priority,
          assigneeId: null,
          dueDate: "",
          status: patch.status,
          progress: patch.progress,
        });
      }
      await backdate(await lastEventId(task.id), n, hour);
    };

    await change("R1.1", 20, { status: "IN_PROGRESS", progress: 30 });
    await change("R3.1", 12, { status: "DONE" });
    await change("R2.1", 10, { status: "CANCELLED" });
    await change("R1.1", 6, { status: "DONE" });
    // At exactly midnight: part of day 5, not of day 6.
    await change("R3.4", 5, { status: "IN_PROGRESS", progress: 50 }, 0);
    await change("R3.1", 2, { status: "IN_PROGRESS", progress: 40 });

    const scope = { teamId: team.id, planId };
    const trend = await getPlanTrend({ ...scope, from: daysAgo(40), to: daysAgo(0) });
    expect(trend).toHaveLength(41);
    expect(trend[0]?.day).toBe(toDateInput(daysAgo(40)));
    expect(trend.at(-1)?.day).toBe(toDateInput(daysAgo(0)));

    // Before the tasks existed nothing is addressed.
    expect(trend[0]?.dilemmas).toEqual({ D1: null, D2: null, D3: null, D4: null });

    for (const n of [36, 35, 20, 12, 10, 7, 6, 5, 2, 0]) {
      const point = trend.find((p) => p.day === toDateInput(daysAgo(n)));
      const expected = await planProgressAt(db, { ...scope, day: daysAgo(n) });
      for (const code of DILEMMA_CODES) {
        const want = expected.dilemmas[code].progress;
        const got = point?.dilemmas[code];
        if (want === null) expect(got, `${code} ${n} days ago`).toBeNull();
        else expect(got, `${code} ${n} days ago`).toBeCloseTo(want, 10);
      }
    }

    // Spot checks against hand-computed values.
    const on = (n: number) => trend.find((p) => p.day === toDateInput(daysAgo(n)))!.dilemmas;
    expect(on(6).D3).toBeCloseTo((3 * 1 + 2 * 0) / 5, 10);
    expect(on(5).D3).toBeCloseTo((3 * 1 + 2 * 0.5) / 5, 10);
    expect(on(15).D2).toBeCloseTo((1 * 0.3 + 3 * 0) / 4, 10);
    expect(on(10).D2).toBeCloseTo(0.3, 10); // R2.1 cancelled: left out
    expect(on(0).D1).toBe(1);
    expect(on(0).D4).toBeNull();
  });

  it("steps so that a long plan stays within the point budget and always ends today", async () => {
    expect(trendStep(daysAgo(120), daysAgo(0))).toBe(1);
    expect(trendStep(daysAgo(121), daysAgo(0))).toBe(2);
    expect(trendStep(daysAgo(400), daysAgo(0))).toBe(4);

    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    const plan = await createTestPlan({ teamId: team.id });
    const trend = await getPlanTrend({ teamId: team.id, planId: plan.id, from: daysAgo(400), to: daysAgo(0) });
    expect(trend.length).toBeLessThanOrEqual(MAX_TREND_POINTS + 1);
    expect(trend.at(-1)?.day).toBe(toDateInput(daysAgo(0)));
    expect(trend[1]!.day > trend[0]!.day).toBe(true);
    expect(await getPlanTrend({ teamId: team.id, planId: plan.id, from: daysAgo(0), to: daysAgo(3) })).toEqual([]);

    // Another team's id sees nothing of this plan.
    const other = await createTestTeam();
    const foreign = await getPlanTrend({ teamId: other.id, planId: plan.id, from: daysAgo(2), to: daysAgo(0) });
    expect(foreign.every((p) => Object.values(p.dilemmas).every((v) => v === null))).toBe(true);
  });

  it("keeps settled days, drops them when the log, tasks or links change, and adds today's changes to them", async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    const actor = { userId: owner.id, teamSlug: team.slug };
    const { id: planId } = await runOperation(createPlan, actor, {
      title: "Trend cache",
      startDate: toDateInput(daysAgo(10)),
      targetDate: toDateInput(daysAgo(-30)),
      templateKeys: ["R1.1", "R3.1", "R3.4"],
      status: "ACTIVE",
    });
    const tasks = await db.task.findMany({ where: { planId }, select: { id: true, templateKey: true } });
    const idOf = (key: string) => tasks.find((t) => t.templateKey === key)!.id;
    await backdate(
      (await db.activityEvent.findMany({ where: { planId }, select: { id: true } })).map((e) => e.id),
      8,
    );
    const setStatus = async (key: string, status: "IN_PROGRESS" | "DONE" | "CANCELLED") => {
      const task = await db.task.findUniqueOrThrow({ where: { id: idOf(key) }, select: { id: true, version: true } });
      await runOperation(setTaskStatus, actor, { taskId: task.id, version: task.version, status });
    };
    await setStatus("R3.1", "DONE");
    await backdate(await lastEventId(idOf("R3.1")), 4);

    const scope = { teamId: team.id, planId };
    const days = trendDays(daysAgo(10), daysAgo(0));
    const matchesReplay = async (label: string) => {
      const values = await dilemmaProgressOn({ ...scope, days });
      for (const day of days) {
        const expected = await planProgressAt(db, { ...scope, day: new Date(`${day}T00:00:00Z`) });
        for (const code of DILEMMA_CODES) {
          const want = expected.dilemmas[code].progress;
          const got = values.get(day)?.[code];
          if (want === null) expect(got, `${label}: ${code} on ${day}`).toBeNull();
          else expect(got, `${label}: ${code} on ${day}`).toBeCloseTo(want, 10);
        }
      }
      return values;
    };
    const stored = () => db.planProgressDay.findMany({ where: { planId }, orderBy: { day: "asc" } });

    await matchesReplay("first view");
    // Every day but today is kept (yesterday too, once it ended more than ten minutes ago).
    const kept = (await stored()).map((r) => toDateInput(r.day));
    expect(kept).toContain(toDateInput(daysAgo(1)));
    expect(kept).toContain(toDateInput(daysAgo(10)));
    expect(kept).not.toContain(toDateInput(daysAgo(0)));
    const earlyToday = new Date(daysAgo(0).getTime() + 5 * 60 * 1000);
    const unsettled = await dilemmaProgressOn({ ...scope, days: [toDateInput(daysAgo(1))], now: earlyToday });
    expect(unsettled.get(toDateInput(daysAgo(1)))).toEqual(
      (await dilemmaProgressOn({ ...scope, days })).get(toDateInput(daysAgo(1))),
    );

    // A kept day is read, not replayed: a doctored row shows through...
    const d3 = DILEMMA_CODES.indexOf("D3");
    await db.planProgressDay.update({
      where: { planId_day: { planId, day: daysAgo(6) } },
      data: { weightSums: [1, 1, 1, 1], weighted: [100, 100, 100, 100] },
    });
    expect(
      (await dilemmaProgressOn({ ...scope, days: [toDateInput(daysAgo(6))] })).get(toDateInput(daysAgo(6)))?.[
        DILEMMA_CODES[d3]!
      ],
    ).toBe(1);
    // ...until an event dated on or before it arrives: then it is replayed again.
    await setStatus("R1.1", "IN_PROGRESS");
    await backdate(await lastEventId(idOf("R1.1")), 7);
    await matchesReplay("after a backdated event");

    // Today's changes are added to yesterday's kept sums.
    await setStatus("R3.4", "DONE");
    const today = (await matchesReplay("after a change today")).get(toDateInput(daysAgo(0)))!;
    expect(today.D3).toBeCloseTo(1, 10); // R3.1 and R3.4 done; R1.1 links no D3 weight here
    expect((await stored()).some((r) => toDateInput(r.day) === toDateInput(daysAgo(1)))).toBe(true);

    // Deleting a task forgets every kept day of the plan.
    await db.task.delete({ where: { id: idOf("R3.1") } });
    expect(await stored()).toEqual([]);
    await matchesReplay("after a task was deleted");

    // Changing a task's dilemma links forgets them too.
    await matchesReplay("kept again");
    const link = await db.taskDilemma.findFirstOrThrow({ where: { taskId: idOf("R3.4") } });
    await db.taskDilemma.update({
      where: { taskId_dilemmaCode: { taskId: link.taskId, dilemmaCode: link.dilemmaCode } },
      data: { weight: link.weight + 1 },
    });
    expect(await stored()).toEqual([]);
    await matchesReplay("after a link changed");
  });
});
