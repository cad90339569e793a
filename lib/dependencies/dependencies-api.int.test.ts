// The REST API of "blocked by" links: blockedBy on task reads, POST and DELETE
// /api/v1/tasks/{taskId}/dependencies, through the real route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { callApi, createTestApiToken } from "@/lib/testing/api-client";
import {
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

let planId: string;
let member: string;
let viewer: string;
let other: string;
let otherTaskId: string;
const tasks: { id: string }[] = [];

beforeAll(async () => {
  const owner = await createTestUser();
  const team = await createTestTeam({ ownerId: owner.id });
  planId = (await createTestPlan({ teamId: team.id })).id;
  const m = await createTestMember({ teamId: team.id, role: "MEMBER" });
  const v = await createTestMember({ teamId: team.id, role: "VIEWER" });
  member = (await createTestApiToken({ teamId: team.id, userId: m.userId, roleCeiling: "MEMBER" })).token;
  viewer = (await createTestApiToken({ teamId: team.id, userId: v.userId, roleCeiling: "VIEWER" })).token;
  const otherOwner = await createTestUser();
  const otherTeam = await createTestTeam({ ownerId: otherOwner.id });
  other = (await createTestApiToken({ teamId: otherTeam.id, userId: otherOwner.id, roleCeiling: "OWNER" })).token;
  otherTaskId = (
    await createTestTask({ teamId: otherTeam.id, planId: (await createTestPlan({ teamId: otherTeam.id })).id })
  ).id;
  // The team's plan: a task to block and two blockers.
  tasks.push(
    ...(await Promise.all(
      ["Blocked", "First blocker", "Second blocker"].map((title) => createTestTask({ teamId: team.id, planId, title })),
    )),
  );
});

const addUrl = (taskId: string) => `/api/v1/tasks/${taskId}/dependencies`;

describe("REST: task dependencies", { timeout: 90_000 }, () => {
  it("adds blockers, shows them as blockedBy on reads and lists, and removes one", async () => {
    const [blocked, first, second] = tasks as [{ id: string }, { id: string }, { id: string }];
    const added = await callApi({
      method: "POST",
      url: addUrl(blocked.id),
      token: member,
      body: { blockerId: first.id },
    });
    expect(added.status).toBe(200);
    expect(added.json.blockedBy).toEqual([first.id]);
    await callApi({ method: "POST", url: addUrl(blocked.id), token: member, body: { blockerId: second.id } });
    const read = await callApi({ url: `/api/v1/tasks/${blocked.id}`, token: viewer });
    expect(read.json.blockedBy).toEqual([first.id, second.id].sort());
    const list = await callApi({ url: `/api/v1/plans/${planId}/tasks`, token: viewer });
    const byId = new Map((list.json.data as { id: string; blockedBy: string[] }[]).map((t) => [t.id, t.blockedBy]));
    expect(byId.get(first.id)).toEqual([]);
    expect(byId.get(blocked.id)).toHaveLength(2);

    const removed = await callApi({ method: "DELETE", url: `${addUrl(blocked.id)}/${first.id}`, token: member });
    expect(removed.status).toBe(204);
    expect((await callApi({ url: `/api/v1/tasks/${blocked.id}`, token: member })).json.blockedBy).toEqual([second.id]);
    const again = await callApi({ method: "DELETE", url: `${addUrl(blocked.id)}/${first.id}`, token: member });
    expect(again.status).toBe(404);
  });

  it("refuses a cycle and another team's task with a 422 naming blockerId, a viewer with a 403, and changes nothing", async () => {
    const [blocked, , second] = tasks as [{ id: string }, { id: string }, { id: string }];
    const before = await db.taskDependency.count({ where: { planId } });
    const cycle = await callApi({
      method: "POST",
      url: addUrl(second.id),
      token: member,
      body: { blockerId: blocked.id },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.json.error.fields.blockerId[0]).toContain("Blocked");
    const foreign = await callApi({
      method: "POST",
      url: addUrl(blocked.id),
      token: member,
      body: { blockerId: otherTaskId },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.fields.blockerId[0]).toBe("Choose a task of the same plan.");
    const fromOther = await callApi({
      method: "POST",
      url: addUrl(blocked.id),
      token: other,
      body: { blockerId: second.id },
    });
    expect(fromOther.status).toBe(404);
    const asViewer = await callApi({
      method: "POST",
      url: addUrl(second.id),
      token: viewer,
      body: { blockerId: tasks[1]!.id },
    });
    expect(asViewer.status).toBe(403);
    expect(await db.taskDependency.count({ where: { planId } })).toBe(before);
  });
});
