// The REST API's people, plan edits, deletes, bulk, comments, indicators and readings;
// Idempotency-Key; pages and their cursors; CSV exports with a token.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { CLIENT_IP_HEADER } from "@/lib/ops/client-address.cjs";
import { callApi, createTestApiToken } from "@/lib/testing/api-client";
import {
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  randomIp,
} from "@/lib/testing/factories";
import type { Role } from "@/generated/prisma/enums";

afterAll(cleanupTestData);

type Team = { id: string; slug: string };
let teamA: Team;
let teamB: Team;

const tokens = {} as Record<Role, string> & { B: string };
const users = {} as Record<Role, string>;

beforeAll(async () => {
  const [owner, ownerOfB] = await Promise.all([createTestUser(), createTestUser()]);

  teamA = await createTestTeam({ ownerId: owner.id });
  teamB = await createTestTeam({ ownerId: ownerOfB.id });
  users.OWNER = owner.id;
  tokens.OWNER = (await createTestApiToken({ teamId: teamA.id, userId: owner.id, roleCeiling: "OWNER" })).token;
  for (const role of ["ADMIN", "MEMBER", "VIEWER"] as const) {
    const { userId } = await createTestMember({ teamId: teamA.id, role });
    users[role] = userId;
    tokens[role] = (await createTestApiToken({ teamId: teamA.id, userId, roleCeiling: role })).token;
  }
  tokens.B = (await createTestApiToken({ teamId: teamB.id, userId: ownerOfB.id, roleCeiling: "OWNER" })).token;
});

const taskBody = (title: string) => ({
  title,
  areaCode: "R1",
  pathCode: "P1",
  dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
});

describe("people", () => {
  it("answers who the token acts as, and the team's members (never another team's) a page at a time", async () => {
    const me = await callApi({ url: "/api/v1/me", token: tokens.MEMBER });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ id: users.MEMBER, role: "MEMBER", team: { id: teamA.id, slug: teamA.slug } });

    const seen: { id: string; role: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await callApi({
        url: `/api/v1/members?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        token: tokens.VIEWER,
      });
      expect(page.status).toBe(200);
      expect(page.json.hasMore).toBe(page.json.nextCursor !== null);
      seen.push(...(page.json.data as { id: string; role: string }[]));
      cursor = page.json.nextCursor as string | null;
    } while (cursor);
    expect(seen.map((m) => m.id).sort()).toEqual(Object.values(users).sort());
    expect(seen.find((m) => m.id === users.ADMIN)?.role).toBe("ADMIN");
    const ofB = await callApi({ url: "/api/v1/members", token: tokens.B });
    expect(ofB.json.data.map((m: { id: string }) => m.id)).not.toContain(users.MEMBER);
  });
});

describe("pages and cursors", () => {
  it("answers every list in one shape, and refuses a cursor of another plan, list or filter with a 400", async () => {
    const [p1, p2] = await Promise.all([createTestPlan({ teamId: teamA.id }), createTestPlan({ teamId: teamA.id })]);
    for (let i = 0; i < 3; i++) {
      await createTestTask({ teamId: teamA.id, planId: p1.id, title: `p1 ${i}` });
      await createTestTask({ teamId: teamA.id, planId: p2.id, title: `p2 ${i}` });
    }
    const first = await callApi({ url: `/api/v1/plans/${p1.id}/tasks?limit=2`, token: tokens.VIEWER });
    expect(first.json).toMatchObject({ hasMore: true, nextCursor: expect.any(String) });
    const cursor = first.json.nextCursor as string;
    const next = await callApi({ url: `/api/v1/plans/${p1.id}/tasks?limit=2&cursor=${cursor}`, token: tokens.VIEWER });
    expect(next.status).toBe(200);
    expect(next.json).toMatchObject({ hasMore: false, nextCursor: null });
    expect(next.json.data).toHaveLength(1);

    for (const url of [
      `/api/v1/plans/${p2.id}/tasks?limit=2&cursor=${cursor}`,
      `/api/v1/plans/${p1.id}/tasks?limit=2&status=TODO&cursor=${cursor}`,
      `/api/v1/plans?cursor=${cursor}`,
      `/api/v1/members?cursor=${cursor}`,
    ]) {
      const other = await callApi({ url, token: tokens.VIEWER });
      expect(other.status, url).toBe(400);
      expect(other.json.error.code).toBe("BAD_REQUEST");
      expect(other.json.error.fields).toHaveProperty("cursor");
    }
    // The page size may change between pages.
    expect(
      (await callApi({ url: `/api/v1/plans/${p1.id}/tasks?limit=5&cursor=${cursor}`, token: tokens.VIEWER })).status,
    ).toBe(200);

    const plans = await callApi({ url: "/api/v1/plans?limit=1", token: tokens.VIEWER });
    expect(Object.keys(plans.json).sort()).toEqual(["data", "hasMore", "nextCursor"]);
    const rest = await callApi({
      url: `/api/v1/plans?limit=100&cursor=${plans.json.nextCursor}`,
      token: tokens.VIEWER,
    });
    const all = await callApi({ url: "/api/v1/plans?limit=100", token: tokens.VIEWER });
    expect([...plans.json.data, ...rest.json.data]).toEqual(all.json.data);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer to the same key and body, refuses the key with another body, and keeps keys per user", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const url = `/api/v1/plans/${plan.id}/tasks`;
    const headers = { "idempotency-key": `create-${plan.id}` };
    const first = await callApi({ method: "POST", url, token: tokens.MEMBER, body: taskBody("Once"), headers });
    expect(first.status).toBe(201);
    const retry = await callApi({ method: "POST", url, token: tokens.MEMBER, body: taskBody("Once"), headers });
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    const other = await callApi({ method: "POST", url, token: tokens.MEMBER, body: taskBody("Twice"), headers });
    expect(other.status).toBe(422);
    expect(other.json.error.fields).toHaveProperty("Idempotency-Key");
    expect(await db.task.count({ where: { planId: plan.id } })).toBe(1);

    // Another user's key of the same name is theirs.
    const admin = await callApi({ method: "POST", url, token: tokens.ADMIN, body: taskBody("Once"), headers });
    expect(admin.status).toBe(201);
    expect(admin.json.id).not.toBe(first.json.id);
    expect(await db.task.count({ where: { planId: plan.id } })).toBe(2);

    // An error answer is replayed too (the request is not run again), a DELETE's 204 as well.
    const refused = await callApi({ method: "POST", url, token: tokens.VIEWER, body: taskBody("No"), headers });
    expect(refused.status).toBe(403);
    const task = first.json as { id: string };
    const del = {
      method: "DELETE",
      url: `/api/v1/tasks/${task.id}`,
      token: tokens.MEMBER,
      headers: { "idempotency-key": "del-1" },
    };
    expect((await callApi(del)).status).toBe(204);
    const again = await callApi(del);
    expect(again.status).toBe(204);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("gives ten parallel requests with one key one effect and one answer", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const headers = { "idempotency-key": `parallel-${plan.id}` };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        callApi({
          method: "POST",
          url: `/api/v1/plans/${plan.id}/tasks`,
          token: tokens.MEMBER,
          body: taskBody("Parallel"),
          headers,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(9);
    expect(await db.task.count({ where: { planId: plan.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { kind: "task.created", planId: plan.id } })).toBe(1);
  });

  it("lets a key be used again after 24 hours", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const headers = { "idempotency-key": `expiring-${plan.id}` };
    const call = () =>
      callApi({
        method: "POST",
        url: `/api/v1/plans/${plan.id}/tasks`,
        token: tokens.MEMBER,
        body: taskBody("Day"),
        headers,
      });
    const first = await call();
    await db.idempotencyKey.updateMany({
      where: { key: headers["idempotency-key"] },
      data: { createdAt: new Date(Date.now() - 25 * 3600_000) },
    });
    const later = await call();
    expect(later.status).toBe(201);
    expect(later.json.id).not.toBe(first.json.id);
  });
});

describe("plans: edit, lifecycle, delete by role", () => {
  it("edits details with the version check (a stale version is 409 with the plan), for ADMIN and OWNER only", async () => {
    const plan = await createTestPlan({ teamId: teamA.id, title: "Before" });
    const url = `/api/v1/plans/${plan.id}`;
    expect(
      (await callApi({ method: "PATCH", url, token: tokens.MEMBER, body: { version: 1, title: "M" } })).status,
    ).toBe(403);
    const saved = await callApi({ method: "PATCH", url, token: tokens.ADMIN, body: { version: 1, title: "After" } });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ title: "After", version: 2, startDate: "2026-01-01" });
    const stale = await callApi({ method: "PATCH", url, token: tokens.OWNER, body: { version: 1, title: "Lost?" } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.current).toMatchObject({ id: plan.id, title: "After", version: 2 });
    const bad = await callApi({
      method: "PATCH",
      url,
      token: tokens.OWNER,
      body: { version: 2, targetDate: "2025-01-01" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields).toHaveProperty("targetDate");
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).title).toBe("After");
  });

  it("moves a plan along its lifecycle (archiving needs ADMIN) and deletes it (ADMIN, OWNER)", async () => {
    const plan = await createTestPlan({ teamId: teamA.id, status: "DRAFT" });
    const status = (token: string, s: string) =>
      callApi({ method: "POST", url: `/api/v1/plans/${plan.id}/status`, token, body: { status: s } });
    expect((await status(tokens.VIEWER, "ACTIVE")).status).toBe(403);
    expect((await status(tokens.MEMBER, "ACTIVE")).json.status).toBe("ACTIVE");
    expect((await status(tokens.MEMBER, "DRAFT")).status).toBe(422);
    expect((await status(tokens.MEMBER, "ARCHIVED")).status).toBe(403);
    expect((await status(tokens.ADMIN, "ARCHIVED")).json.status).toBe("ARCHIVED");
    // Archived: read-only for tasks too.
    const create = await callApi({
      method: "POST",
      url: `/api/v1/plans/${plan.id}/tasks`,
      token: tokens.OWNER,
      body: taskBody("x"),
    });
    expect(create.status).toBe(403);

    for (const role of ["VIEWER", "MEMBER"] as const)
      expect((await callApi({ method: "DELETE", url: `/api/v1/plans/${plan.id}`, token: tokens[role] })).status).toBe(
        403,
      );
    expect((await callApi({ method: "DELETE", url: `/api/v1/plans/${plan.id}`, token: tokens.ADMIN })).status).toBe(
      204,
    );
    expect(await db.plan.count({ where: { id: plan.id } })).toBe(0);
    expect(await db.activityEvent.count({ where: { kind: "plan.deleted", entityId: plan.id } })).toBe(1);
  });
});

describe("plans: add templates, duplicate", () => {
  it("adds template tasks (duplicates only when asked) and copies a plan, as a member; never another team's", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const url = `/api/v1/plans/${plan.id}/templates`;
    const add = (token: string, body: unknown) => callApi({ method: "POST", url, token, body });
    const first = await add(tokens.MEMBER, { templateKeys: ["R3.1", "R3.2"] });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json).toEqual({ created: 2, duplicates: [] });
    expect(await db.task.count({ where: { planId: plan.id, templateKey: { in: ["R3.1", "R3.2"] } } })).toBe(2);
    expect((await add(tokens.MEMBER, { templateKeys: ["R3.1"] })).json).toEqual({ created: 0, duplicates: ["R3.1"] });
    expect((await add(tokens.MEMBER, { templateKeys: ["R3.1"], allowDuplicates: true })).json).toMatchObject({
      created: 1,
    });
    expect((await add(tokens.VIEWER, { templateKeys: ["R3.3"] })).status).toBe(403);
    expect((await add(tokens.B, { templateKeys: ["R3.3"] })).status).toBe(404);
    const unknown = await add(tokens.MEMBER, { templateKeys: ["R9.9"] });
    expect(unknown.status).toBe(422);
    expect(await db.task.count({ where: { planId: plan.id } })).toBe(3);

    const copy = await callApi({ method: "POST", url: `/api/v1/plans/${plan.id}/duplicate`, token: tokens.MEMBER });
    expect(copy.status, JSON.stringify(copy.json)).toBe(201);
    expect(copy.headers.get("location")).toBe(`/api/v1/plans/${copy.json.id}`);
    expect(copy.json).toMatchObject({ title: `${plan.title} (copy)`, status: "DRAFT" });
    expect(await db.task.count({ where: { planId: copy.json.id } })).toBe(3);
    for (const token of [tokens.VIEWER, tokens.B]) {
      const refused = await callApi({ method: "POST", url: `/api/v1/plans/${plan.id}/duplicate`, token });
      expect(refused.status).toBe(token === tokens.B ? 404 : 403);
    }
    expect(await db.plan.count({ where: { teamId: teamA.id, title: `${plan.title} (copy)` } })).toBe(1);
  });
});

describe("the changes feed", () => {
  it("lists the team's events in order after an id, by type, a page at a time; never another team's", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    // Every event from here on (of any team) is newer than this one.
    const start = (await db.activityEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const created = await callApi({
      method: "POST",
      url: `/api/v1/plans/${plan.id}/tasks`,
      token: tokens.MEMBER,
      body: taskBody("Fed task"),
    });
    const taskUrl = `/api/v1/tasks/${created.json.id}`;
    await callApi({ method: "PATCH", url: taskUrl, token: tokens.MEMBER, body: { version: 1, progress: 30 } });
    await callApi({ method: "POST", url: `${taskUrl}/comments`, token: tokens.MEMBER, body: { body: "Noted" } });
    await db.$transaction((tx) =>
      recordEvent(
        tx,
        { teamId: teamA.id, userId: users.OWNER },
        { kind: "invitation.created", invitationId: "inv-feed", after: { email: "new@example.test", role: "MEMBER" } },
      ),
    );
    // A deleted task's events leave with it; its deletion stays.
    const doomed = await callApi({
      method: "POST",
      url: `/api/v1/plans/${plan.id}/tasks`,
      token: tokens.MEMBER,
      body: taskBody("Short-lived"),
    });
    await callApi({ method: "DELETE", url: `/api/v1/tasks/${doomed.json.id}`, token: tokens.MEMBER });
    // Team B's own change, which team A's feed never shows.
    const planB = await createTestPlan({ teamId: teamB.id });
    await callApi({ method: "POST", url: `/api/v1/plans/${planB.id}/tasks`, token: tokens.B, body: taskBody("B") });

    const feed = async (token: string, query: string) =>
      callApi({ url: `/api/v1/events?after=${start}${query}`, token });
    const member = await feed(tokens.VIEWER, "");
    expect(member.status).toBe(200);
    type FeedEvent = { id: string; type: string; taskId: string | null; entityId: string; actor: { name: string } };
    const events = member.json.data as FeedEvent[];
    expect(events.map((e) => e.type)).toEqual(["task.created", "task.updated", "comment.created", "task.deleted"]);
    expect(events.map((e) => BigInt(e.id))).toEqual(
      [...events.map((e) => BigInt(e.id))].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(events[1]).toMatchObject({ before: { progress: 0 }, after: { progress: 30 }, actor: { id: users.MEMBER } });
    expect(events[3]).toMatchObject({ taskId: null, entityType: "task", entityId: doomed.json.id });
    // Invitations, with the invitee's email, for those who manage members.
    const admin = (await feed(tokens.ADMIN, "")).json.data as FeedEvent[];
    expect(admin.map((e) => e.type)).toContain("invitation.created");

    // Types (any letter case, repeated or comma-separated) and the next call after the last id seen.
    const typed = await feed(tokens.VIEWER, "&types=TASK.UPDATED,comment.created");
    expect((typed.json.data as FeedEvent[]).map((e) => e.type)).toEqual(["task.updated", "comment.created"]);
    const later = await callApi({ url: `/api/v1/events?after=${events[1]!.id}`, token: tokens.VIEWER });
    expect((later.json.data as FeedEvent[]).map((e) => e.type)).toEqual(["comment.created", "task.deleted"]);

    // One at a time: following nextCursor visits each exactly once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await feed(tokens.VIEWER, `&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...(page.json.data as FeedEvent[]).map((e) => e.id));
      cursor = page.json.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(events.map((e) => e.id));

    // Team B's token sees only team B; bad input is a 422 naming the field.
    const other = (await feed(tokens.B, "")).json.data as FeedEvent[];
    expect(other.map((e) => e.type)).toEqual(["task.created"]);
    const unknownType = await feed(tokens.VIEWER, "&types=task.exploded");
    expect(unknownType.status).toBe(422);
    expect(unknownType.json.error.fields.types[0]).toContain("task.updated");
    expect((await callApi({ url: "/api/v1/events?after=abc", token: tokens.VIEWER })).status).toBe(422);
  });

  it("lists an event that commits after a later-numbered one after it: a poll in between misses nothing", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const task = await createTestTask({ teamId: teamA.id, planId: plan.id });
    const comment = (tx: Parameters<typeof recordEvent>[0], commentId: string) =>
      recordEvent(
        tx,
        { teamId: teamA.id, userId: users.OWNER },
        { kind: "comment.created", planId: plan.id, taskId: task.id, commentId },
      );
    // The slow transaction writes its event first (the lower id) and commits last.
    let release = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    let written = () => {};
    const isWritten = new Promise<void>((resolve) => (written = resolve));
    const slow = db.$transaction(
      async (tx) => {
        await comment(tx, "feed-slow");
        written();
        await hold;
      },
      { timeout: 20_000 },
    );
    await isWritten;
    await db.$transaction((tx) => comment(tx, "feed-quick"));
    const quick = await db.activityEvent.findFirstOrThrow({ where: { teamId: teamA.id, entityId: "feed-quick" } });
    const poll = async () =>
      (await callApi({ url: `/api/v1/events?after=${quick.id}`, token: tokens.VIEWER })).json.data as {
        id: string;
        entityId: string;
      }[];
    expect(await poll()).toEqual([]);

    release();
    await slow;
    const next = await poll();
    expect(next.map((e) => e.entityId)).toEqual(["feed-slow"]);
    expect(BigInt(next[0]!.id)).toBeLessThan(quick.id);
  });
});

describe("tasks: start dates", () => {
  it("sets, keeps, checks and clears a task's start date", async () => {
    const plan = await createTestPlan({ teamId: teamA.id, startDate: new Date("2026-02-01T00:00:00Z") });
    const created = await callApi({
      method: "POST",
      url: `/api/v1/plans/${plan.id}/tasks`,
      token: tokens.MEMBER,
      body: { ...taskBody("Scheduled"), startDate: "2026-03-01", dueDate: "2026-04-30" },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ startDate: "2026-03-01", dueDate: "2026-04-30", version: 1 });
    const url = `/api/v1/tasks/${created.json.id}`;
    const patch = (body: Record<string, unknown>) => callApi({ method: "PATCH", url, token: tokens.MEMBER, body });

    // A PATCH without it keeps it; one before the plan starts or after the due date is refused on the field.
    const kept = await patch({ version: 1, progress: 20 });
    expect(kept.json).toMatchObject({ startDate: "2026-03-01", progress: 20, version: 2 });
    for (const body of [{ startDate: "2026-01-15" }, { startDate: "2026-05-01" }, { dueDate: "2026-02-15" }]) {
      const refused = await patch({ version: 2, ...body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(refused.json.error.fields)).toEqual(["startDate"]);
    }
    expect((await callApi({ url, token: tokens.VIEWER })).json).toMatchObject({ startDate: "2026-03-01", version: 2 });
    const cleared = await patch({ version: 2, startDate: null });
    expect(cleared.json).toMatchObject({ startDate: null, dueDate: "2026-04-30", version: 3 });
    const empty = await patch({ version: 3, startDate: "2026-04-01" });
    expect(empty.json.startDate).toBe("2026-04-01");
    expect((await patch({ version: 4, startDate: "" })).json.startDate).toBeNull();
  });
});

describe("tasks: delete and bulk", () => {
  it("deletes a task (MEMBER and up) and applies a bulk action all or nothing", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const planB = await createTestPlan({ teamId: teamB.id });
    const [t1, t2, t3] = await Promise.all(
      [1, 2, 3].map((i) => createTestTask({ teamId: teamA.id, planId: plan.id, title: `bulk ${i}` })),
    );
    const foreign = await createTestTask({ teamId: teamB.id, planId: planB.id });
    const bulk = (token: string, body: unknown) => callApi({ method: "POST", url: "/api/v1/tasks/bulk", token, body });

    // One task of another team: nothing changes, and the foreign task is not revealed.
    const mixed = await bulk(tokens.MEMBER, { action: "status", taskIds: [t1!.id, foreign.id], status: "DONE" });
    expect(mixed.status).toBe(404);
    expect(await db.task.count({ where: { id: { in: [t1!.id, foreign.id] }, status: "DONE" } })).toBe(0);
    // A due date before the plan starts for one task: nothing changes.
    const early = await bulk(tokens.MEMBER, { action: "dueDate", taskIds: [t1!.id, t2!.id], dueDate: "2025-01-01" });
    expect(early.status).toBe(422);
    expect(await db.task.count({ where: { planId: plan.id, dueDate: { not: null } } })).toBe(0);
    expect((await bulk(tokens.VIEWER, { action: "delete", taskIds: [t1!.id] })).status).toBe(403);

    const assign = await bulk(tokens.MEMBER, { action: "assign", taskIds: [t1!.id, t2!.id], assigneeId: users.ADMIN });
    expect(assign.json).toEqual({ count: 2 });
    expect(await db.task.count({ where: { planId: plan.id, assigneeId: users.ADMIN } })).toBe(2);
    const due = await bulk(tokens.MEMBER, { action: "dueDate", taskIds: [t1!.id, t3!.id], dueDate: "2026-08-01" });
    expect(due.status).toBe(200);
    expect((await callApi({ url: `/api/v1/tasks/${t3!.id}`, token: tokens.VIEWER })).json.dueDate).toBe("2026-08-01");

    expect((await callApi({ method: "DELETE", url: `/api/v1/tasks/${t3!.id}`, token: tokens.VIEWER })).status).toBe(
      403,
    );
    expect((await callApi({ method: "DELETE", url: `/api/v1/tasks/${foreign.id}`, token: tokens.OWNER })).status).toBe(
      404,
    );
    expect((await callApi({ method: "DELETE", url: `/api/v1/tasks/${t3!.id}`, token: tokens.MEMBER })).status).toBe(
      204,
    );
    expect((await callApi({ url: `/api/v1/tasks/${t3!.id}`, token: tokens.MEMBER })).status).toBe(404);
    expect(await db.task.count({ where: { id: foreign.id } })).toBe(1);
  });
});

describe("comments", () => {
  it("lists, adds, and edits and deletes one's own comments only", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const task = await createTestTask({ teamId: teamA.id, planId: plan.id });
    const url = `/api/v1/tasks/${task.id}/comments`;
    const mine = await callApi({ method: "POST", url, token: tokens.MEMBER, body: { body: "First" } });
    expect(mine.status).toBe(201);
    expect(mine.json).toMatchObject({ taskId: task.id, body: "First", author: { id: users.MEMBER } });
    expect((await callApi({ method: "POST", url, token: tokens.VIEWER, body: { body: "No" } })).status).toBe(403);
    await callApi({ method: "POST", url, token: tokens.ADMIN, body: { body: "Second" } });

    const list = await callApi({ url, token: tokens.VIEWER });
    expect(list.json.data.map((c: { body: string }) => c.body)).toEqual(["First", "Second"]);
    const commentUrl = `/api/v1/comments/${mine.json.id}`;
    const byOther = await callApi({ method: "PATCH", url: commentUrl, token: tokens.ADMIN, body: { body: "Hijack" } });
    expect(byOther.status).toBe(403);
    expect((await callApi({ method: "DELETE", url: commentUrl, token: tokens.OWNER })).status).toBe(403);
    const edited = await callApi({ method: "PATCH", url: commentUrl, token: tokens.MEMBER, body: { body: "Edited" } });
    expect(edited.json.body).toBe("Edited");
    expect(
      (await callApi({ method: "PATCH", url: commentUrl, token: tokens.MEMBER, body: { body: " " } })).status,
    ).toBe(422);
    expect((await callApi({ method: "DELETE", url: commentUrl, token: tokens.MEMBER })).status).toBe(204);
    expect((await callApi({ url, token: tokens.VIEWER })).json.data.map((c: { body: string }) => c.body)).toEqual([
      "Second",
    ]);
    // Another team sees none of it.
    expect((await callApi({ url, token: tokens.B })).status).toBe(404);
    expect((await callApi({ url: commentUrl, token: tokens.B })).status).toBe(404);
  });
});

describe("indicators and readings", () => {
  it("creates, lists, updates and deletes indicators; lists, corrects and deletes readings; progress follows", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const created = await callApi({
      method: "POST",
      url: `/api/v1/plans/${plan.id}/indicators`,
      token: tokens.MEMBER,
      body: { dilemmaCode: "D2", name: "Coverage", unit: "%", direction: "UP", baseline: 0, target: 100 },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(created.json).toMatchObject({ planId: plan.id, dilemmaCode: "D2", current: null, progress: null });
    const same = await callApi({
      method: "POST",
      url: `/api/v1/plans/${plan.id}/indicators`,
      token: tokens.MEMBER,
      body: { dilemmaCode: "D2", name: "Flat", unit: "%", direction: "UP", baseline: 5, target: 5 },
    });
    expect(same.status).toBe(422);

    const readingsUrl = `/api/v1/indicators/${id}/readings`;
    for (const [value, recordedOn] of [
      [20, "2026-02-01"],
      [40, "2026-03-01"],
    ] as const)
      expect(
        (await callApi({ method: "POST", url: readingsUrl, token: tokens.MEMBER, body: { value, recordedOn } })).status,
      ).toBe(201);
    const readings = await callApi({ url: readingsUrl, token: tokens.VIEWER });
    expect(readings.json.data.map((r: { value: number }) => r.value)).toEqual([20, 40]);
    expect((await callApi({ url: `/api/v1/indicators/${id}`, token: tokens.VIEWER })).json).toMatchObject({
      current: 40,
      progress: 0.4,
    });

    const latest = readings.json.data[1] as { id: string };
    const corrected = await callApi({
      method: "PATCH",
      url: `${readingsUrl}/${latest.id}`,
      token: tokens.MEMBER,
      body: { value: 50 },
    });
    expect(corrected.json).toMatchObject({ value: 50, recordedOn: "2026-03-01" });
    expect(
      (await callApi({ method: "PATCH", url: `${readingsUrl}/${latest.id}`, token: tokens.VIEWER, body: { value: 1 } }))
        .status,
    ).toBe(403);
    const progress = await callApi({ url: `/api/v1/plans/${plan.id}/progress`, token: tokens.VIEWER });
    expect(progress.json.indicators.find((i: { id: string }) => i.id === id)).toMatchObject({ current: 50 });
    expect(await db.activityEvent.count({ where: { kind: "indicator.reading_corrected", entityId: latest.id } })).toBe(
      1,
    );

    expect((await callApi({ method: "DELETE", url: `${readingsUrl}/${latest.id}`, token: tokens.MEMBER })).status).toBe(
      204,
    );
    expect((await callApi({ url: `/api/v1/indicators/${id}`, token: tokens.VIEWER })).json).toMatchObject({
      current: 20,
    });

    const updated = await callApi({
      method: "PATCH",
      url: `/api/v1/indicators/${id}`,
      token: tokens.MEMBER,
      body: { target: 40, name: "Cover" },
    });
    expect(updated.json).toMatchObject({ name: "Cover", target: 40, unit: "%", progress: 0.5 });
    const list = await callApi({ url: `/api/v1/plans/${plan.id}/indicators`, token: tokens.VIEWER });
    expect(list.json.data.map((i: { id: string }) => i.id)).toEqual([id]);

    // Another team's token: every indicator and reading path is a 404, and nothing changes.
    for (const [method, url] of [
      ["GET", `/api/v1/indicators/${id}`],
      ["PATCH", `/api/v1/indicators/${id}`],
      ["DELETE", `/api/v1/indicators/${id}`],
      ["GET", readingsUrl],
      ["GET", `/api/v1/plans/${plan.id}/indicators`],
    ] as const)
      expect(
        (await callApi({ method, url, token: tokens.B, body: method === "PATCH" ? { name: "B" } : undefined })).status,
        `${method} ${url}`,
      ).toBe(404);
    expect((await callApi({ method: "DELETE", url: `/api/v1/indicators/${id}`, token: tokens.VIEWER })).status).toBe(
      403,
    );
    expect((await callApi({ method: "DELETE", url: `/api/v1/indicators/${id}`, token: tokens.MEMBER })).status).toBe(
      204,
    );
    expect(await db.indicatorReading.count({ where: { indicatorId: id } })).toBe(0);
  });
});

describe("CSV exports with a token", () => {
  it("answers the task CSV to a token of the team, 404 to another team's token and 401 to a bad one", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    await createTestTask({ teamId: teamA.id, planId: plan.id, title: "In the CSV" });
    const { GET } = await import("@/app/api/teams/[teamSlug]/plans/[planId]/export/tasks/route");
    const ip = randomIp();
    const call = (token: string) =>
      GET(
        new NextRequest(`http://localhost:3000/api/teams/${teamA.slug}/plans/${plan.id}/export/tasks`, {
          headers: { authorization: `Bearer ${token}`, [CLIENT_IP_HEADER]: ip },
        }),
        { params: Promise.resolve({ teamSlug: teamA.slug, planId: plan.id }) },
      );
    const ok = await call(tokens.VIEWER);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await ok.text()).toContain("In the CSV");
    // Counted against the API's limits like any request with a token, errors included.
    const remaining = Number(ok.headers.get("ratelimit-remaining"));
    expect(ok.headers.get("ratelimit-limit")).toMatch(/^\d+$/);
    const again = await call(tokens.VIEWER);
    expect(Number(again.headers.get("ratelimit-remaining"))).toBeLessThan(remaining);
    const foreign = await call(tokens.B);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
    expect((await call("pw_nope")).status).toBe(401);
  });
});

describe("caching", () => {
  it("serves the OpenAPI document with a short cache and an ETag (304 when unchanged)", async () => {
    const doc = await callApi({ url: "/api/v1/openapi.json" });
    expect(doc.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
    const etag = doc.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"/);
    const again = await callApi({ url: "/api/v1/openapi.json", headers: { "if-none-match": `W/${etag}` } });
    expect(again.status).toBe(304);
  });

  it("changes a plan's ETag when the plan changes", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const url = `/api/v1/plans/${plan.id}`;
    const before = await callApi({ url, token: tokens.OWNER });
    await callApi({ method: "PATCH", url, token: tokens.OWNER, body: { version: 1, title: "Changed" } });
    const after = await callApi({
      url,
      token: tokens.OWNER,
      headers: { "if-none-match": before.headers.get("etag") ?? "" },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
  });
});
