import { afterAll, describe, expect, it } from "vitest";
import { findDueTasks, getPlanWorkload } from "@/lib/progress/workload";
import {
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
} from "@/lib/testing/factories";
import { DAY_MS } from "@/lib/time";

afterAll(cleanupTestData);

const DAY = DAY_MS;
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
const inDays = (n: number) => new Date(today.getTime() + n * DAY);

describe("plan workload", () => {
  it("counts open tasks, overdue ones and the weighted share per assignee, with an Unassigned row", async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    const { userId: idle } = await createTestMember({ teamId: team.id, role: "MEMBER" });
    const plan = await createTestPlan({ teamId: team.id });
    const other = await createTestPlan({ teamId: team.id });
    const scope = { teamId: team.id, planId: plan.id };
    await createTestTask({ ...scope, assigneeId: owner.id, weights: { D1: 3, D2: 1 }, dueDate: inDays(-2) }); // 4, overdue
    await createTestTask({ ...scope, assigneeId: owner.id, status: "BLOCKED", weights: { D3: 2 }, dueDate: inDays(3) }); // 2
    await createTestTask({ ...scope, assigneeId: owner.id, status: "DONE", weights: { D3: 3 }, dueDate: inDays(-5) }); // closed
    await createTestTask({ ...scope, weights: { D4: 2 }, dueDate: inDays(0) }); // unassigned, due today: not overdue
    await createTestTask({ ...scope, status: "CANCELLED", weights: { D4: 3 } }); // closed
    await createTestTask({ teamId: team.id, planId: other.id, assigneeId: idle, weights: { D1: 3 } }); // other plan

    const rows = await getPlanWorkload({ ...scope, today });
    const mine = rows.find((r) => r.userId === owner.id);
    expect(mine).toMatchObject({ openCount: 2, overdueCount: 1, weight: 6, email: owner.email });
    expect(mine?.share).toBeCloseTo(6 / 8, 10);
    expect(rows.find((r) => r.userId === idle)).toMatchObject({ openCount: 0, overdueCount: 0, weight: 0, share: 0 });
    expect(rows.at(-1)).toMatchObject({ userId: null, openCount: 1, overdueCount: 0, weight: 2 });
    expect(rows.at(-1)?.share).toBeCloseTo(2 / 8, 10);
    expect(rows[0]?.userId).toBe(owner.id);

    const { overdue, dueSoon } = await findDueTasks({ ...scope, today });
    expect(overdue).toMatchObject({ total: 1 });
    expect(overdue.tasks).toHaveLength(1);
    expect(dueSoon.tasks.map((t) => t.dueDate?.toISOString().slice(0, 10))).toEqual(
      [inDays(0), inDays(3)].map((d) => d.toISOString().slice(0, 10)),
    );
    expect(dueSoon.total).toBe(2);
    // A shorter list keeps the soonest and still counts them all.
    const short = await findDueTasks({ ...scope, today, limit: 1 });
    expect(short.dueSoon.tasks.map((t) => t.dueDate?.toISOString().slice(0, 10))).toEqual([
      inDays(0).toISOString().slice(0, 10),
    ]);
    expect(short.dueSoon.total).toBe(2);

    // Another team's id sees no task of this plan.
    const stranger = await createTestTeam();
    const foreign = await getPlanWorkload({ teamId: stranger.id, planId: plan.id, today });
    expect(foreign).toEqual([
      { userId: null, name: null, email: null, openCount: 0, overdueCount: 0, weight: 0, share: null },
    ]);
  });
});
