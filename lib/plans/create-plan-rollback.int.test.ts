import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createPlan } from "@/lib/plans/create-plan";
import { addTemplates } from "@/lib/plans/add-templates";
import * as taskRules from "@/lib/tasks/task-rules";
import {
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTeam,
  randomHex,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";

// The wizard's tasks are written one by one after the plan row; a failure half-way
// (here: the third assignment notice) must leave no plan, task, link, event or notice behind.
vi.mock("@/lib/tasks/task-rules", async (importOriginal) => {
  const actual = await importOriginal<typeof taskRules>();
  return { ...actual, notifyAssignment: vi.fn(actual.notifyAssignment) };
});

afterAll(cleanupTestData);

let team: { id: string; slug: string };
let owner: { userId: string };
let member: { userId: string };

beforeAll(async () => {
  team = await createTestTeam();
  [owner, member] = await Promise.all([
    createTestMember({ teamId: team.id, role: "OWNER" }),
    createTestMember({ teamId: team.id, role: "MEMBER" }),
  ]);
});

/** Makes the n-th assignment notice (1-based) from now on fail like a lost connection would; the others run for real. */
async function failOnNotice(n: number) {
  const actual = await vi.importActual<typeof taskRules>("@/lib/tasks/task-rules");
  let calls = 0;
  vi.mocked(taskRules.notifyAssignment).mockImplementation(async (...args) => {
    calls += 1;
    if (calls === n) throw new Error("simulated failure");
    return actual.notifyAssignment(...args);
  });
}

afterEach(() => {
  vi.mocked(taskRules.notifyAssignment).mockClear();
});

describe("createPlan runs in one transaction", () => {
  it("a failure after the plan row and two tasks were written leaves nothing behind", async () => {
    await failOnNotice(3);
    const before = await snapshotTeamData(team.id);
    const plansBefore = await db.plan.count({ where: { teamId: team.id } });
    const title = `Doomed ${randomHex()}`;
    await expect(
      runAs(createPlan, owner.userId, team.slug, {
        title,
        startDate: "2026-01-01",
        targetDate: "2026-12-31",
        templateKeys: ["R1.1", "R1.2", "R1.3", "R1.4"],
        defaultAssignees: { R1: member.userId },
      }),
    ).rejects.toThrow("simulated failure");
    expect(vi.mocked(taskRules.notifyAssignment)).toHaveBeenCalledTimes(3);
    expect(await db.plan.count({ where: { teamId: team.id } })).toBe(plansBefore);
    expect(await db.plan.findFirst({ where: { title } })).toBeNull();
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });

  it("addTemplates likewise adds all of the templates or none", async () => {
    const plan = await createTestPlan({ teamId: team.id });
    // Every template task goes through the notice step (a no-op without assignee): the second task fails.
    await failOnNotice(2);
    const before = await snapshotTeamData(team.id);
    await expect(
      runAs(addTemplates, member.userId, team.slug, { planId: plan.id, templateKeys: ["R4.1", "R4.2", "R4.3"] }),
    ).rejects.toThrow("simulated failure");
    expect(await snapshotTeamData(team.id)).toEqual(before);
  });
});
