import { afterAll, describe, expect, it } from "vitest";
import { getSharedWeeklyDigest, weeklyDigests } from "@/lib/digest/shared";
import { currentWeek } from "@/lib/digest/weekly";
import { setTaskStatus } from "@/lib/tasks/update-task";
import {
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  runAs,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

describe("getSharedWeeklyDigest (This week)", () => {
  it("gives the team's viewers one computation until the team changes, then a new one with the change", async () => {
    const team = await createTestTeam();
    const { userId } = await createTestMember({ teamId: team.id, role: "OWNER" });
    const plan = await createTestPlan({ teamId: team.id, startDate: new Date("2026-01-01T00:00:00Z") });
    const task = await createTestTask({ teamId: team.id, planId: plan.id, status: "IN_PROGRESS" });
    const now = new Date();
    const week = currentWeek("UTC", now);
    const before = weeklyDigests.computations;

    // Three viewers at once: one computation, one result.
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => getSharedWeeklyDigest({ teamId: team.id, week, now })));
    expect(weeklyDigests.computations - before).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a!.done).toEqual([]);

    // Another time zone is another week: its own computation.
    await getSharedWeeklyDigest({ teamId: team.id, week: currentWeek("Asia/Shanghai", now), now });
    expect(weeklyDigests.computations - before).toBe(2);

    // A change in the team (an event): the next viewer gets a new computation that shows it.
    await runAs(setTaskStatus, userId, team.slug, { taskId: task.id, version: task.version, status: "DONE" });
    const after = await getSharedWeeklyDigest({ teamId: team.id, week, now: new Date() });
    expect(weeklyDigests.computations - before).toBe(3);
    expect(after.done.map((t) => t.id)).toEqual([task.id]);
  });
});
