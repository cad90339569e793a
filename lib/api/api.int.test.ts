import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestApiToken } from "@/lib/testing/api-client";
import { db } from "@/lib/db";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import {
  addMember,
  cleanupTestData,
  createTestIndicator,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

type Team = { id: string; slug: string };

let teamA: Team;
let teamB: Team;
let ownerA: string;
let planA: { id: string };
let planB: { id: string };
let taskA: { id: string };
let taskB: { id: string };
let indicatorB: { id: string };
let indicatorA: { id: string };
let memberToken: string; // MEMBER of team A
let viewerToken: string; // VIEWER of team A

beforeAll(async () => {
  const [owner, ownerOfB] = await Promise.all([createTestUser(), createTestUser()]);
  ownerA = owner.id;
  teamA = await createTestTeam({ ownerId: owner.id });
  teamB = await createTestTeam({ ownerId: ownerOfB.id });
  [planA, planB] = await Promise.all([createTestPlan({ teamId: teamA.id }), createTestPlan({ teamId: teamB.id })]);
  [taskA, taskB] = await Promise.all([
    createTestTask({ teamId: teamA.id, planId: planA.id }),
    createTestTask({ teamId: teamB.id, planId: planB.id }),
  ]);
  indicatorB = await createTestIndicator({ teamId: teamB.id, planId: planB.id });
  indicatorA = await createTestIndicator({ teamId: teamA.id, planId: planA.id });
  const member = await createTestMember({ teamId: teamA.id, role: "MEMBER" });
  const viewer = await createTestMember({ teamId: teamA.id, role: "VIEWER" });
  memberToken = (await createTestApiToken({ teamId: teamA.id, userId: member.userId, roleCeiling: "MEMBER" })).token;
  viewerToken = (await createTestApiToken({ teamId: teamA.id, userId: viewer.userId, roleCeiling: "VIEWER" })).token;
});

describe("REST API authentication", () => {
  it("answers 401 with a Bearer challenge without a token, and with a malformed or unknown one", async () => {
    for (const headers of [
      {},
      { authorization: "Basic abc" },
      { authorization: "Bearer pw_not-a-real-token" },
    ] as Record<string, string>[]) {
      const response = await callApi({ url: "/api/v1/plans", headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(response.json.error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("answers 401 for a revoked or an expired token, and 200 for a live one (recording its last use)", async () => {
    const revoked = await createTestApiToken({
      teamId: teamA.id,
      userId: ownerA,
      roleCeiling: "OWNER",
      revokedAt: new Date(),
    });
    const expired = await createTestApiToken({
      teamId: teamA.id,
      userId: ownerA,
      roleCeiling: "OWNER",
      expiresAt: new Date(Date.now() - 1000),
    });
    const live = await createTestApiToken({
      teamId: teamA.id,
      userId: ownerA,
      roleCeiling: "OWNER",
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect((await callApi({ url: "/api/v1/plans", token: revoked.token })).json.error.message).toMatch(/revoked/);
    expect((await callApi({ url: "/api/v1/plans", token: revoked.token })).status).toBe(401);
    expect((await callApi({ url: "/api/v1/plans", token: expired.token })).status).toBe(401);
    expect((await callApi({ url: "/api/v1/plans", token: expired.token })).json.error.message).toMatch(/expired/);
    const ok = await callApi({ url: "/api/v1/plans", token: live.token });
    expect(ok.status).toBe(200);
    expect(ok.json.data.map((p: { id: string }) => p.id)).toEqual([planA.id]);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: live.id } })).lastUsedAt).not.toBeNull();
  });

  it("stops a token at once when its owner leaves the team (401), and caps it when their role is lowered", async () => {
    const { userId, membershipId } = await createTestMember({ teamId: teamA.id, role: "MEMBER" });
    const { token } = await createTestApiToken({ teamId: teamA.id, userId, roleCeiling: "MEMBER" });
    const body = {
      title: "Written by a member",
      areaCode: "R1",
      pathCode: "P1",
      dilemmas: [{ dilemmaCode: "D1", weight: 1 }],
    };
    expect((await callApi({ method: "POST", url: `/api/v1/plans/${planA.id}/tasks`, token, body })).status).toBe(201);
    await db.membership.update({ where: { id: membershipId }, data: { role: "VIEWER" } });
    expect((await callApi({ method: "POST", url: `/api/v1/plans/${planA.id}/tasks`, token, body })).status).toBe(403);
    expect((await callApi({ url: `/api/v1/plans/${planA.id}`, token })).status).toBe(200);
    await db.membership.delete({ where: { id: membershipId } });
    const gone = await callApi({ url: `/api/v1/plans/${planA.id}`, token });
    expect(gone.status).toBe(401);
  });

  it("never lets a token do more than its creator could when it was made, even after a promotion", async () => {
    const { userId, membershipId } = await createTestMember({ teamId: teamA.id, role: "VIEWER" });
    const { token } = await createTestApiToken({ teamId: teamA.id, userId, roleCeiling: "VIEWER" });
    await db.membership.update({ where: { id: membershipId }, data: { role: "ADMIN" } });
    const response = await callApi({
      method: "PATCH",
      url: `/api/v1/tasks/${taskA.id}`,
      token,
      body: { version: 1, progress: 10 },
    });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe("FORBIDDEN");
  });
});

describe("REST API scope: a token of team A on team B's ids is 404, and nothing changes", () => {
  it("refuses every read and write of another team's plan, task and indicator", async () => {
    const before = await snapshotTeamData(teamB.id);
    const calls = [
      { url: `/api/v1/plans/${planB.id}` },
      { url: `/api/v1/plans/${planB.id}/progress` },
      { url: `/api/v1/plans/${planB.id}/tasks` },
      {
        method: "POST",
        url: `/api/v1/plans/${planB.id}/tasks`,
        body: { title: "x", areaCode: "R1", pathCode: "P1", dilemmas: [{ dilemmaCode: "D1", weight: 1 }] },
      },
      { url: `/api/v1/tasks/${taskB.id}` },
      { method: "PATCH", url: `/api/v1/tasks/${taskB.id}`, body: { version: 1, title: "stolen" } },
      {
        method: "POST",
        url: `/api/v1/indicators/${indicatorB.id}/readings`,
        body: { value: 1, recordedOn: "2026-01-02" },
      },
    ];
    for (const call of calls) {
      const response = await callApi({ ...call, token: memberToken });
      expect(response.status, `${call.method ?? "GET"} ${call.url}`).toBe(404);
      expect(response.json.error.code).toBe("NOT_FOUND");
    }
    expect(await snapshotTeamData(teamB.id)).toEqual(before);
  });

  it("answers 404 for ids that do not exist", async () => {
    expect((await callApi({ url: "/api/v1/plans/nope", token: memberToken })).status).toBe(404);
    expect((await callApi({ url: "/api/v1/tasks/nope", token: memberToken })).status).toBe(404);
  });
});

describe("REST API role ceiling: a VIEWER's token reads but cannot write", () => {
  it("answers 403 to every write and changes nothing", async () => {
    const before = await snapshotTeamData(teamA.id);
    const writes = [
      {
        method: "POST",
        url: "/api/v1/plans",
        body: { title: "No", startDate: "2026-01-01", targetDate: "2026-12-31", areas: ["R1"] },
      },
      {
        method: "POST",
        url: `/api/v1/plans/${planA.id}/tasks`,
        body: { title: "No", areaCode: "R1", pathCode: "P1", dilemmas: [{ dilemmaCode: "D1", weight: 1 }] },
      },
      { method: "PATCH", url: `/api/v1/tasks/${taskA.id}`, body: { version: 1, title: "No" } },
      {
        method: "POST",
        url: `/api/v1/indicators/${indicatorA.id}/readings`,
        body: { value: 3, recordedOn: "2026-01-05" },
      },
    ];
    for (const call of writes) {
      const response = await callApi({ ...call, token: viewerToken });
      expect(response.status, call.url).toBe(403);
      expect(response.json.error.code).toBe("FORBIDDEN");
    }
    expect(await snapshotTeamData(teamA.id)).toEqual(before);
    expect((await callApi({ url: `/api/v1/plans/${planA.id}/tasks`, token: viewerToken })).status).toBe(200);
  });
});

describe("REST API plans", () => {
  it("creates a plan from whole areas exactly as the wizard does", async () => {
    const response = await callApi({
      method: "POST",
      url: "/api/v1/plans",
      token: memberToken,
      body: { title: "Security and logistics", startDate: "2026-02-01", targetDate: "2026-12-31", areas: ["R3", "R4"] },
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      title: "Security and logistics",
      status: "DRAFT",
      startDate: "2026-02-01",
      targetDate: "2026-12-31",
      taskCount: 19,
      progress: 0,
    });
    const keys = await db.task.findMany({
      where: { planId: response.json.id, teamId: teamA.id },
      select: { templateKey: true },
    });
    expect(keys.map((k) => k.templateKey).sort()).toEqual(
      [
        ...Array.from({ length: 9 }, (_, i) => `R3.${i + 1}`),
        ...Array.from({ length: 10 }, (_, i) => `R4.${i + 1}`),
      ].sort(),
    );
    expect(await db.activityEvent.count({ where: { planId: response.json.id, kind: "plan.created" } })).toBe(1);
  });

  it("creates a plan from chosen templates, and reads it back", async () => {
    const created = await callApi({
      method: "POST",
      url: "/api/v1/plans",
      token: memberToken,
      body: {
        title: "Two templates",
        startDate: "2026-01-01",
        targetDate: "2026-06-30",
        templates: ["R3.1", "R4.2"],
        status: "ACTIVE",
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.taskCount).toBe(2);
    const read = await callApi({ url: `/api/v1/plans/${created.json.id}`, token: viewerToken });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);
  });

  it("answers 422 with field paths for invalid input, 400 for a body that is not JSON, and creates nothing", async () => {
    const before = await db.plan.count({ where: { teamId: teamA.id } });
    const neither = await callApi({
      method: "POST",
      url: "/api/v1/plans",
      token: memberToken,
      body: { title: "", startDate: "2026-13-01", targetDate: "2026-01-01" },
    });
    expect(neither.status).toBe(422);
    expect(Object.keys(neither.json.error.fields).sort()).toEqual(["areas", "startDate", "title"]);
    const unknown = await callApi({
      method: "POST",
      url: "/api/v1/plans",
      token: memberToken,
      body: { title: "x", startDate: "2026-01-01", targetDate: "2026-02-01", templates: ["R9.9"] },
    });
    expect(unknown.json.error.fields).toEqual({ "templates.0": ["Unknown template."] });
    const backwards = await callApi({
      method: "POST",
      url: "/api/v1/plans",
      token: memberToken,
      body: { title: "x", startDate: "2026-05-01", targetDate: "2026-02-01", areas: ["R1"] },
    });
    expect(backwards.status).toBe(422);
    expect(Object.keys(backwards.json.error.fields)).toEqual(["targetDate"]);
    const malformed = await callApi({ method: "POST", url: "/api/v1/plans", token: memberToken, rawBody: "{title:" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("BAD_REQUEST");
    expect(await db.plan.count({ where: { teamId: teamA.id } })).toBe(before);
  });
});

describe("REST API tasks", () => {
  it("creates, reads and updates a task with the version check: a stale version is 409 with the current task", async () => {
    const created = await callApi({
      method: "POST",
      url: `/api/v1/plans/${planA.id}/tasks`,
      token: memberToken,
      body: {
        title: "Access review",
        areaCode: "R3",
        pathCode: "P3",
        dilemmas: [{ dilemmaCode: "D3", weight: 2 }],
        dueDate: "2026-06-30",
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      title: "Access review",
      status: "TODO",
      priority: "MEDIUM",
      progress: 0,
      dueDate: "2026-06-30",
      version: 1,
      assignee: null,
      dilemmas: [{ dilemmaCode: "D3", weight: 2 }],
    });
    const id = created.json.id as string;
    const first = await callApi({
      method: "PATCH",
      url: `/api/v1/tasks/${id}`,
      token: memberToken,
      body: { version: 1, status: "IN_PROGRESS", progress: 40 },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      version: 2,
      status: "IN_PROGRESS",
      progress: 40,
      title: "Access review",
      dueDate: "2026-06-30",
    });
    const stale = await callApi({
      method: "PATCH",
      url: `/api/v1/tasks/${id}`,
      token: memberToken,
      body: { version: 1, title: "Overwritten" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("CONFLICT");
    expect(stale.json.error.current).toEqual(first.json);
    expect((await callApi({ url: `/api/v1/tasks/${id}`, token: viewerToken })).json).toEqual(first.json);
    const events = await db.activityEvent.findMany({
      where: { taskId: id },
      select: { kind: true },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["task.created", "task.updated"]);
  });

  it("answers 422 with the field paths of the task form", async () => {
    const response = await callApi({
      method: "POST",
      url: `/api/v1/plans/${planA.id}/tasks`,
      token: memberToken,
      body: { title: "x", areaCode: "R7", pathCode: "P1", dilemmas: [{ dilemmaCode: "D1", weight: 5 }], progress: 101 },
    });
    expect(response.status).toBe(422);
    expect(response.json.error.fields).toEqual({
      areaCode: ["Choose an area."],
      "dilemmas.0.weight": ["Weights are 1–3."],
      progress: ["Progress is 0–100."],
    });
    const patch = await callApi({
      method: "PATCH",
      url: `/api/v1/tasks/${taskA.id}`,
      token: memberToken,
      body: { title: "no version" },
    });
    expect(patch.status).toBe(422);
    expect(Object.keys(patch.json.error.fields)).toEqual(["version"]);
  });

  it("pages through every task exactly once while tasks are edited between pages, with the UI's filters", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    const tasks = [];
    for (let i = 0; i < 23; i += 1)
      tasks.push(
        await createTestTask({
          teamId: teamA.id,
          planId: plan.id,
          title: `Paged ${i}`,
          status: i % 3 === 0 ? "DONE" : "TODO",
          areaCode: i % 2 ? "R2" : "R1",
          weights: i % 2 ? { D2: 1 } : { D1: 1 },
        }),
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof callApi>> = await callApi({
        url: `/api/v1/plans/${plan.id}/tasks?limit=5${cursor ? `&cursor=${cursor}` : ""}`,
        token: memberToken,
      });
      expect(page.status).toBe(200);
      expect(page.json.data.length).toBeLessThanOrEqual(5);
      seen.push(...page.json.data.map((t: { id: string }) => t.id));
      cursor = page.json.nextCursor as string | null;
      pages += 1;
      // Edit tasks on both sides of the cursor, which would reorder a list sorted by time or title.
      for (const task of [tasks[pages], tasks[22 - pages]]) {
        if (!task) continue;
        const current = await db.task.findUniqueOrThrow({ where: { id: task.id }, select: { version: true } });
        const edit = await callApi({
          method: "PATCH",
          url: `/api/v1/tasks/${task.id}`,
          token: memberToken,
          body: { version: current.version, title: `Edited ${pages} ${task.title}`, status: "IN_PROGRESS" },
        });
        expect(edit.status).toBe(200);
      }
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(new Set(tasks.map((t) => t.id)));

    const filtered = await callApi({
      url: `/api/v1/plans/${plan.id}/tasks?area=R2&dilemma=D2&limit=200`,
      token: memberToken,
    });
    expect(filtered.json.data).toHaveLength(11);
    expect(filtered.json.data.every((t: { areaCode: string }) => t.areaCode === "R2")).toBe(true);
    expect(filtered.json.nextCursor).toBeNull();
    expect(
      (await callApi({ url: `/api/v1/plans/${plan.id}/tasks?limit=201`, token: memberToken })).json.error.fields,
    ).toHaveProperty("limit");
    expect((await callApi({ url: `/api/v1/plans/${plan.id}/tasks?cursor=garbage`, token: memberToken })).status).toBe(
      400,
    );
  });
});

describe("REST API strict queries", () => {
  let plan: { id: string };
  const codesOf = (json: { data: { dilemmas: { dilemmaCode: string }[] }[] }) =>
    json.data.map((t) => t.dilemmas.map((d) => d.dilemmaCode).join("+")).sort();

  beforeAll(async () => {
    plan = await createTestPlan({ teamId: teamA.id });
    for (const [dilemma, status] of [
      ["D1", "TODO"],
      ["D3", "TODO"],
      ["D3", "DONE"],
      ["D4", "IN_PROGRESS"],
    ] as const)
      await createTestTask({ teamId: teamA.id, planId: plan.id, status, weights: { [dilemma]: 1 } });
  });

  it("takes codes in any letter case, repeated or comma-separated", async () => {
    const list = (query: string) => callApi({ url: `/api/v1/plans/${plan.id}/tasks?${query}`, token: viewerToken });
    expect(codesOf((await list("dilemma=d3")).json)).toEqual(["D3", "D3"]);
    expect(codesOf((await list("dilemma=D3&dilemma=D4")).json)).toEqual(["D3", "D3", "D4"]);
    expect(codesOf((await list("dilemma=D3,D4")).json)).toEqual(["D3", "D3", "D4"]);
    expect(codesOf((await list("dilemma=D3&dilemma=d4,D3&status=todo,In_Progress")).json)).toEqual(["D3", "D4"]);
  });

  it("answers 422 naming the allowed values for an unknown code", async () => {
    const nope = await callApi({ url: `/api/v1/plans/${plan.id}/tasks?status=NOPE`, token: viewerToken });
    expect(nope.status).toBe(422);
    expect(nope.json.error.fields).toEqual({
      status: ["Unknown value “NOPE”. Allowed (in any letter case): TODO, IN_PROGRESS, BLOCKED, DONE, CANCELLED."],
    });
    const mixed = await callApi({ url: `/api/v1/plans/${plan.id}/tasks?dilemma=D3,d9`, token: viewerToken });
    expect(mixed.status).toBe(422);
    expect(mixed.json.error.fields).toEqual({
      dilemma: ["Unknown value “d9”. Allowed (in any letter case): D1, D2, D3, D4."],
    });
    const overdue = await callApi({ url: `/api/v1/plans/${plan.id}/tasks?overdue=yes`, token: viewerToken });
    expect(overdue.json.error.fields).toEqual({
      overdue: ["Unknown value “yes”. Allowed (in any letter case): 1, 0."],
    });
  });

  it("answers 422 for an unknown query parameter or a single-valued one given twice", async () => {
    const unknown = await callApi({ url: `/api/v1/plans/${plan.id}/tasks?dilemmas=D3`, token: viewerToken });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields).toEqual({
      dilemmas: [
        "Unknown query parameter. Allowed: area, dilemma, path, status, priority, assignee, overdue, q, cursor, limit.",
      ],
    });
    const none = await callApi({ url: "/api/v1/catalog?page=2", token: viewerToken });
    expect(none.status).toBe(422);
    expect(none.json.error.fields).toEqual({ page: ["This operation takes no query parameters."] });
    const twice = await callApi({ url: `/api/v1/plans/${plan.id}/tasks?q=a&q=b`, token: viewerToken });
    expect(twice.status).toBe(422);
    expect(twice.json.error.fields).toEqual({ q: ["Give this query parameter only once."] });
  });
});

describe("REST API bodies", () => {
  it("answers 415 for a body that is not sent as application/json, and changes nothing", async () => {
    const before = await snapshotTeamData(teamA.id);
    const task = await callApi({ url: `/api/v1/tasks/${taskA.id}`, token: memberToken });
    for (const call of [
      {
        method: "POST",
        url: "/api/v1/plans",
        body: { title: "x", startDate: "2026-01-01", targetDate: "2026-02-01", areas: ["R1"] },
      },
      {
        method: "PATCH",
        url: `/api/v1/tasks/${taskA.id}`,
        body: { version: task.json.version, title: "Sent as text" },
      },
    ]) {
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
        const response = await callApi({
          method: call.method,
          url: call.url,
          token: memberToken,
          rawBody: JSON.stringify(call.body),
          headers: { "content-type": contentType },
        });
        expect(response.status, `${call.method} ${contentType}`).toBe(415);
        expect(response.json.error).toEqual({
          code: "UNSUPPORTED_MEDIA_TYPE",
          message: "Send the body as JSON with the header Content-Type: application/json.",
        });
      }
    }
    expect(await snapshotTeamData(teamA.id)).toEqual(before);
    const charset = await callApi({
      method: "PATCH",
      url: `/api/v1/tasks/${taskA.id}`,
      token: memberToken,
      rawBody: JSON.stringify({ version: task.json.version, progress: 5 }),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(200);
  });

  it("keeps a task's description when a PATCH sends only progress and version", async () => {
    const created = await callApi({
      method: "POST",
      url: `/api/v1/plans/${planA.id}/tasks`,
      token: memberToken,
      body: {
        title: "Keeps its text",
        description: "Written with care",
        areaCode: "R1",
        pathCode: "P1",
        dilemmas: [{ dilemmaCode: "D1", weight: 1 }],
      },
    });
    const patched = await callApi({
      method: "PATCH",
      url: `/api/v1/tasks/${created.json.id}`,
      token: memberToken,
      body: { progress: 20, version: created.json.version },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ progress: 20, description: "Written with care", title: "Keeps its text" });
  });
});

describe("REST API progress, readings and catalog", () => {
  it("answers the dashboard's progress JSON, now and at a past day", async () => {
    const plan = await createTestPlan({ teamId: teamA.id });
    await createTestTask({ teamId: teamA.id, planId: plan.id, status: "DONE", progress: 100, weights: { D3: 3 } });
    await createTestTask({ teamId: teamA.id, planId: plan.id, weights: { D3: 1 } });
    const indicator = await createTestIndicator({
      teamId: teamA.id,
      planId: plan.id,
      dilemmaCode: "D3",
      baseline: 0,
      target: 10,
    });
    const reading = await callApi({
      method: "POST",
      url: `/api/v1/indicators/${indicator.id}/readings`,
      token: memberToken,
      body: { value: "2.5", recordedOn: "2026-03-31", note: "Q1" },
    });
    expect(reading.status).toBe(201);
    expect(reading.json).toMatchObject({ indicatorId: indicator.id, value: 2.5, recordedOn: "2026-03-31", note: "Q1" });
    const future = await callApi({
      method: "POST",
      url: `/api/v1/indicators/${indicator.id}/readings`,
      token: memberToken,
      body: { value: 1, recordedOn: "2999-01-01" },
    });
    expect(future.status).toBe(422);
    expect(Object.keys(future.json.error.fields)).toEqual(["recordedOn"]);

    const now = await callApi({ url: `/api/v1/plans/${plan.id}/progress`, token: viewerToken });
    expect(now.status).toBe(200);
    expect(now.json).toEqual(
      JSON.parse(JSON.stringify(await runAs(getPlanProgress, ownerA, teamA.slug, { planId: plan.id }))),
    );
    expect(now.json.dilemmas.find((d: { code: string }) => d.code === "D3").progress).toBeCloseTo(0.75);
    expect(now.json.indicators[0]).toMatchObject({ current: 2.5, progress: 0.25 });
    const past = await callApi({ url: `/api/v1/plans/${plan.id}/progress?at=2020-01-01`, token: viewerToken });
    expect(past.json).toMatchObject({ at: "2020-01-01", overall: { taskCount: 0 } });
    expect((await callApi({ url: `/api/v1/plans/${plan.id}/progress?at=yesterday`, token: viewerToken })).status).toBe(
      422,
    );
  });

  it("answers the catalog", async () => {
    const response = await callApi({ url: "/api/v1/catalog", token: viewerToken });
    expect(response.status).toBe(200);
    expect(response.json.templates).toHaveLength(34);
    expect(response.json.dilemmas.map((d: { code: string }) => d.code)).toEqual(["D1", "D2", "D3", "D4"]);
  });
});

describe("REST API and membership changes of other teams", () => {
  it("keeps a user's token of team A away from team B even when they are a member of B", async () => {
    const user = await createTestUser();
    await addMember({ teamId: teamA.id, userId: user.id, role: "MEMBER" });
    await addMember({ teamId: teamB.id, userId: user.id, role: "OWNER" });
    const { token } = await createTestApiToken({ teamId: teamA.id, userId: user.id, roleCeiling: "MEMBER" });
    expect((await callApi({ url: `/api/v1/plans/${planB.id}`, token })).status).toBe(404);
    expect(
      (await callApi({ url: "/api/v1/plans", token })).json.data.every((p: { id: string }) => p.id !== planB.id),
    ).toBe(true);
  });
});
