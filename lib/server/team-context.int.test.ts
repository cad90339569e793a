import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findMembership, operationActor } from "@/lib/server/team-context";
import { getTaskForApi } from "@/lib/api/operations";
import { updateTask } from "@/lib/tasks/update-task";
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
afterEach(() => vi.restoreAllMocks());

let team: { id: string; slug: string };
let otherTeam: { id: string; slug: string };
let task: { id: string };
let member: { userId: string };

beforeAll(async () => {
  const [owner, otherOwner] = await Promise.all([createTestUser(), createTestUser()]);
  team = await createTestTeam({ ownerId: owner.id });
  otherTeam = await createTestTeam({ ownerId: otherOwner.id });
  const plan = await createTestPlan({ teamId: team.id });
  task = await createTestTask({ teamId: team.id, planId: plan.id });
  member = await createTestMember({ teamId: team.id, role: "MEMBER" });
});

/** Counts the membership reads made while `work` runs. */
async function membershipReads(work: () => Promise<unknown>): Promise<number> {
  const first = vi.spyOn(db.membership, "findFirst");
  const unique = vi.spyOn(db.membership, "findUnique");
  await work();
  const count = first.mock.calls.length + unique.mock.calls.length;
  first.mockRestore();
  unique.mockRestore();
  return count;
}

describe("one membership read per request", () => {
  it("reads the membership once for a REST PATCH (token check, read, write and read back)", async () => {
    const { token } = await createTestApiToken({ teamId: team.id, userId: member.userId, roleCeiling: "MEMBER" });
    let status = 0;
    const reads = await membershipReads(async () => {
      const response = await callApi({
        method: "PATCH",
        url: `/api/v1/tasks/${task.id}`,
        token,
        body: { version: 1, progress: 30 },
      });
      status = response.status;
    });
    expect(status).toBe(200);
    expect(reads).toBe(1);
  });

  it("runs an operation on a membership read earlier in the request without reading it again", async () => {
    const membership = await findMembership(member.userId, { slug: team.slug });
    const actor = operationActor({ ...membership!, userId: member.userId });
    let title = "";
    const reads = await membershipReads(async () => {
      title = (await runOperation(getTaskForApi, actor, { taskId: task.id })).title;
    });
    expect(reads).toBe(0);
    expect(title).toBeTruthy();
  });

  it("still lowers a reused membership to the token's role ceiling", async () => {
    const membership = await findMembership(member.userId, { slug: team.slug });
    const actor = {
      userId: member.userId,
      teamSlug: team.slug,
      roleCeiling: "VIEWER" as const,
      membership: membership!,
    };
    const write = runOperation(updateTask, actor, { taskId: task.id, version: 1, title: "No" });
    await expect(write).rejects.toSatisfy((e) => e instanceof AppError && e.code === "FORBIDDEN");
  });

  it("never takes a membership of another team for the slug asked (reads it, and a non-member gets NOT_FOUND)", async () => {
    const membership = await findMembership(member.userId, { slug: team.slug });
    const actor = { userId: member.userId, teamSlug: otherTeam.slug, membership: membership! };
    const read = runOperation(getTaskForApi, actor, { taskId: task.id });
    await expect(read).rejects.toSatisfy((e) => e instanceof AppError && e.code === "NOT_FOUND");
  });

  it("finds no membership for a slug that is not storable text", async () => {
    expect(await findMembership(member.userId, { slug: "a\u0000b" })).toBeNull();
    expect(await findMembership(member.userId, { slug: team.slug })).toMatchObject({ role: "MEMBER" });
  });
});
