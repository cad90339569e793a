import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addTaskDependency, findBlockerIds, removeTaskDependency } from "@/lib/dependencies/dependencies";
import { duplicatePlan } from "@/lib/plans/plan-lifecycle";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  runAs,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

let team: { id: string; slug: string };
let member: { userId: string };
let viewer: { userId: string };
let planId: string;
let otherTeamTaskId: string;

beforeAll(async () => {
  team = await createTestTeam();
  [member, viewer] = await Promise.all([
    createTestMember({ teamId: team.id, role: "MEMBER" }),
    createTestMember({ teamId: team.id, role: "VIEWER" }),
  ]);
  planId = (await createTestPlan({ teamId: team.id })).id;
  const otherTeam = await createTestTeam();
  const otherPlan = await createTestPlan({ teamId: otherTeam.id });
  otherTeamTaskId = (await createTestTask({ teamId: otherTeam.id, planId: otherPlan.id })).id;
});

const add = (taskId: string, blockerId: string, userId = member.userId) =>
  runAs(addTaskDependency, userId, team.slug, { taskId, blockerId });
const remove = (taskId: string, blockerId: string, userId = member.userId) =>
  runAs(removeTaskDependency, userId, team.slug, { taskId, blockerId });
const tasks = (n: number, plan = planId) =>
  Promise.all(Array.from({ length: n }, (_, i) => createTestTask({ teamId: team.id, planId: plan, title: `T${i}` })));
const linksOf = (taskIds: string[]) =>
  db.taskDependency.findMany({ where: { blockedId: { in: taskIds } }, orderBy: { blockerId: "asc" } });

describe("task dependencies", () => {
  it("adds and removes a blocker, each with its event on the blocked task", async () => {
    const [a, b] = await tasks(2);
    await add(b!.id, a!.id);
    expect(await findBlockerIds(team.id, [b!.id, a!.id])).toEqual(
      new Map([
        [b!.id, [a!.id]],
        [a!.id, []],
      ]),
    );
    await remove(b!.id, a!.id);
    expect(await linksOf([b!.id])).toEqual([]);
    const events = await db.activityEvent.findMany({ where: { taskId: b!.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([
      ["task.dependency_added", member.userId],
      ["task.dependency_removed", member.userId],
    ]);
    expect(events[0]?.after).toEqual({ blockerId: a!.id, blockerTitle: "T0" });
    expect(events[1]?.before).toEqual({ blockerId: a!.id, blockerTitle: "T0" });
  });

  it("refuses itself, a pair twice, and removing a link that is not there", async () => {
    const [a, b] = await tasks(2);
    const self = await appErrorOf(add(a!.id, a!.id));
    expect([self.code, self.fieldErrors?.blockerId]).toEqual(["VALIDATION", ["dependencySelf?blocker="]]);
    await add(b!.id, a!.id);
    const twice = await appErrorOf(add(b!.id, a!.id));
    expect(twice.userMessage).toBe("dependencyExists?blocker=T0");
    expect((await appErrorOf(remove(a!.id, b!.id))).code).toBe("NOT_FOUND");
    expect(await linksOf([a!.id, b!.id])).toHaveLength(1);
  });

  it("refuses a cycle, direct or through a longer chain, naming the blocker", async () => {
    const [a, b, c, d] = await tasks(4);
    // a blocks b, b blocks c, c blocks d.
    await add(b!.id, a!.id);
    await add(c!.id, b!.id);
    await add(d!.id, c!.id);
    const direct = await appErrorOf(add(a!.id, b!.id));
    expect([direct.code, direct.userMessage]).toEqual(["VALIDATION", "dependencyCycle?blocker=T1"]);
    const longer = await appErrorOf(add(a!.id, d!.id));
    expect(longer.userMessage).toBe("dependencyCycle?blocker=T3");
    // Not a cycle: a second path to the same task.
    await add(d!.id, a!.id);
    expect(await linksOf([a!.id])).toEqual([]);
    expect(await linksOf([d!.id])).toHaveLength(2);
  });

  it("refuses a task of another plan, of another team, and a task of another team to block", async () => {
    const [a] = await tasks(1);
    const secondPlan = (await createTestPlan({ teamId: team.id })).id;
    const [elsewhere] = await tasks(1, secondPlan);
    const otherPlan = await appErrorOf(add(a!.id, elsewhere!.id));
    expect(otherPlan.fieldErrors?.blockerId).toEqual(["dependencyOtherPlan?blocker="]);
    const otherTeam = await appErrorOf(add(a!.id, otherTeamTaskId));
    expect(otherTeam.fieldErrors?.blockerId).toEqual(["dependencyOtherPlan?blocker="]);
    expect((await appErrorOf(add(otherTeamTaskId, a!.id))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(remove(otherTeamTaskId, a!.id))).code).toBe("NOT_FOUND");
    expect(
      await db.taskDependency.count({ where: { OR: [{ blockedId: otherTeamTaskId }, { blockedId: a!.id }] } }),
    ).toBe(0);
  });

  it("refuses a viewer and an archived plan", async () => {
    const [a, b] = await tasks(2);
    expect((await appErrorOf(add(b!.id, a!.id, viewer.userId))).code).toBe("FORBIDDEN");
    await add(b!.id, a!.id);
    expect((await appErrorOf(remove(b!.id, a!.id, viewer.userId))).code).toBe("FORBIDDEN");
    const archived = (await createTestPlan({ teamId: team.id, status: "ARCHIVED" })).id;
    const [x, y] = await tasks(2, archived);
    expect((await appErrorOf(add(y!.id, x!.id))).code).toBe("FORBIDDEN");
    expect(await linksOf([y!.id])).toEqual([]);
  });

  it("the database itself refuses a self link and a link across plans", async () => {
    const [a] = await tasks(1);
    const secondPlan = (await createTestPlan({ teamId: team.id })).id;
    const [elsewhere] = await tasks(1, secondPlan);
    await expect(
      db.taskDependency.create({ data: { teamId: team.id, planId, blockerId: a!.id, blockedId: a!.id } }),
    ).rejects.toThrow();
    await expect(
      db.taskDependency.create({ data: { teamId: team.id, planId, blockerId: elsewhere!.id, blockedId: a!.id } }),
    ).rejects.toThrow();
  });

  it("two links added at once cannot close a cycle together", async () => {
    const [a, b] = await tasks(2);
    const results = await Promise.allSettled([add(b!.id, a!.id), add(a!.id, b!.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await linksOf([a!.id, b!.id])).toHaveLength(1);
  });

  it("goes with a deleted task", async () => {
    const [a, b, c] = await tasks(3);
    await add(b!.id, a!.id);
    await add(c!.id, b!.id);
    await runAs(bulkTasks, member.userId, team.slug, { action: "delete", taskIds: [b!.id] });
    expect(await linksOf([b!.id, c!.id])).toEqual([]);
  });

  it("a duplicated plan has the same links between the copied tasks", async () => {
    const source = (await createTestPlan({ teamId: team.id })).id;
    const [a, b, c] = await tasks(3, source);
    await add(b!.id, a!.id);
    await add(c!.id, a!.id);
    await add(c!.id, b!.id);
    const { id: copy } = await runAs(duplicatePlan, member.userId, team.slug, { planId: source });
    const copied = await db.task.findMany({ where: { planId: copy }, select: { id: true, title: true } });
    const titleOf = new Map(copied.map((t) => [t.id, t.title]));
    const links = await db.taskDependency.findMany({ where: { planId: copy } });
    expect(links.map((l) => `${titleOf.get(l.blockerId)}→${titleOf.get(l.blockedId)}`).sort()).toEqual([
      "T0→T1",
      "T0→T2",
      "T1→T2",
    ]);
  });
});
