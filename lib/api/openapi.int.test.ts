// Contract test: the OpenAPI document is valid (and clean under Spectral's OpenAPI
// rules), every route it lists exists, and every operation answers as documented
// (status, body schema and headers), for its success and for the errors it documents.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Validator } from "@seriousme/openapi-schema-validator";
// ajv and ajv-formats come with @seriousme/openapi-schema-validator and @hookform/resolvers.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openApiDocument } from "@/lib/api/openapi";
import { callApi, createTestApiToken, loadRouteModule } from "@/lib/testing/api-client";
import {
  cleanupTestData,
  createTestIndicator,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

type Operation = {
  operationId: string;
  parameters: { name: string; in: "path" | "query"; required: boolean }[];
  requestBody?: { content: { "application/json": { example?: unknown; schema: unknown } } };
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: { "application/json": { schema: unknown } } }
  >;
};

const doc = JSON.parse(JSON.stringify(openApiDocument())) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ template, method: method.toUpperCase(), operation })),
);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: "https://pathwise.local/openapi.json" });

/** Whether a body matches the schema the document gives for that status of that operation. */
function matchesDocumented(template: string, method: string, status: number, body: unknown) {
  const pointer = [
    "paths",
    template,
    method.toLowerCase(),
    "responses",
    String(status),
    "content",
    "application/json",
    "schema",
  ]
    .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
    .join("/");
  const validate = ajv.compile({ $ref: `https://pathwise.local/openapi.json#/${pointer}` });
  const isValid = validate(body);
  return { isValid, errors: JSON.stringify(validate.errors) };
}

let token: string;
let viewerToken: string;
let ids: Record<string, string>;
let teamId: string;
let ownerId: string;
let memberId: string;
let memberToken: string;
let otherTeamToken: string;

beforeAll(async () => {
  const owner = await createTestUser();
  const team = await createTestTeam({ ownerId: owner.id });
  const plan = await createTestPlan({ teamId: team.id });
  const task = await createTestTask({ teamId: team.id, planId: plan.id, dueDate: new Date("2026-05-01T00:00:00Z") });
  const indicator = await createTestIndicator({
    teamId: team.id,
    planId: plan.id,
    readings: [{ value: 10, recordedOn: "2026-02-01" }],
  });
  const reading = await db.indicatorReading.findFirstOrThrow({ where: { indicatorId: indicator.id } });
  const comment = await db.comment.create({
    data: { teamId: team.id, taskId: task.id, authorId: owner.id, body: "First comment" },
  });
  teamId = team.id;
  ids = {
    planId: plan.id,
    taskId: task.id,
    indicatorId: indicator.id,
    readingId: reading.id,
    commentId: comment.id,
    ...(await blockerIds(team.id, plan.id, task.id)),
  };
  token = (await createTestApiToken({ teamId: team.id, userId: owner.id, roleCeiling: "OWNER" })).token;
  ownerId = owner.id;
  memberId = (await createTestMember({ teamId: team.id, role: "MEMBER" })).userId;
  memberToken = (await createTestApiToken({ teamId: team.id, userId: memberId, roleCeiling: "MEMBER" })).token;
  const otherOwner = await createTestUser();
  const otherTeam = await createTestTeam({ ownerId: otherOwner.id });
  otherTeamToken = (await createTestApiToken({ teamId: otherTeam.id, userId: otherOwner.id, roleCeiling: "OWNER" }))
    .token;
  const viewer = await createTestMember({ teamId: team.id, role: "VIEWER" });
  viewerToken = (await createTestApiToken({ teamId: team.id, userId: viewer.userId, roleCeiling: "VIEWER" })).token;
});

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? "missing");

/** Whether an operation's success would destroy or move the shared objects (a DELETE, a lifecycle move). */
const destroys = (method: string, template: string) =>
  method === "DELETE" || template.endsWith("/status") || template.endsWith("/bulk");

/** A blocker of the task (blockerId) and another task of its plan that does not block it yet (spareTaskId). */
async function blockerIds(teamId: string, planId: string, taskId: string) {
  const blocker = await createTestTask({ teamId, planId, title: "Blocker" });
  const spare = await createTestTask({ teamId, planId, title: "Spare" });
  await db.taskDependency.create({ data: { teamId, planId, blockerId: blocker.id, blockedId: taskId } });
  return { blockerId: blocker.id, spareTaskId: spare.id };
}

/** Fresh objects of the team (a DRAFT plan with a task, a comment of the owner, an indicator with a reading) for such operations. */
async function freshIds(): Promise<Record<string, string>> {
  const plan = await createTestPlan({ teamId, status: "DRAFT" });
  const task = await createTestTask({ teamId, planId: plan.id });
  const indicator = await createTestIndicator({
    teamId,
    planId: plan.id,
    readings: [{ value: 1, recordedOn: "2026-02-01" }],
  });
  const reading = await db.indicatorReading.findFirstOrThrow({ where: { indicatorId: indicator.id } });
  const comment = await db.comment.create({ data: { teamId, taskId: task.id, authorId: ownerId, body: "To delete" } });
  return {
    planId: plan.id,
    taskId: task.id,
    indicatorId: indicator.id,
    readingId: reading.id,
    commentId: comment.id,
    ...(await blockerIds(teamId, plan.id, task.id)),
  };
}

/** Bodies for operations whose documented example names objects that only exist in the reader's team. */
const testBodies: Record<string, (values: Record<string, string>) => unknown> = {
  bulkTasks: (values) => ({ action: "status", taskIds: [values.taskId], status: "IN_PROGRESS" }),
  addTaskDependency: (values) => ({ blockerId: values.spareTaskId }),
};

const exampleOf = (operation: Operation, values: Record<string, string>) =>
  testBodies[operation.operationId]?.(values) ?? operation.requestBody?.content["application/json"].example;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is served at /api/v1/openapi.json without a token", async () => {
    const response = await callApi({ url: "/api/v1/openapi.json" });
    expect(response.status).toBe(200);
    expect(response.json).toEqual(doc);
  });

  it("passes Spectral's OpenAPI rules (spectral:oas, .spectral.yaml) without errors", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pathwise-openapi-"));
    try {
      const file = path.join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
      const spectral = path.resolve(process.cwd(), "node_modules/.bin/spectral");
      const { stdout } = await promisify(execFile)(
        spectral,
        ["lint", file, "--ruleset", path.resolve(process.cwd(), ".spectral.yaml"), "--format", "json", "--quiet"],
        { maxBuffer: 10 * 1024 * 1024 },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
      const problems = JSON.parse(stdout || "[]") as { severity: number; code: string; path: string[] }[];
      const errors = problems.filter((p) => p.severity === 0);
      expect(errors.map((e) => `${e.code} at ${e.path.join(".")}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives every response, success or error, the RateLimit headers, and every 201 a Location", () => {
    for (const { template, method, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const names = Object.keys(response.headers ?? {});
        expect(names, `${method} ${template} ${status}`).toEqual(
          expect.arrayContaining(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]),
        );
        if (status === "201") expect(names).toContain("Location");
        if (status === "429" || status === "503") expect(names).toContain("Retry-After");
      }
    }
  });

  it("documents the errors every operation may give: 401, 422, 429, 500, 503; 404 with ids; 400 and 415 with a body", () => {
    for (const { template, method, operation } of operations) {
      const statuses = Object.keys(operation.responses).map(Number);
      const expected = [401, 422, 429, 500, 503];
      if (operation.parameters.some((p) => p.in === "path")) expected.push(404);
      if (operation.requestBody) expected.push(400, 415);
      expect(statuses, `${method} ${template}`).toEqual(expect.arrayContaining(expected));
    }
  });

  it("gives no PATCH body a default (a default would overwrite the fields a client leaves out)", () => {
    const patches = operations.filter((o) => o.method === "PATCH");
    expect(patches.length).toBeGreaterThan(0);
    const refs = JSON.parse(JSON.stringify(doc)) as { components: { schemas: Record<string, unknown> } };
    for (const { template, operation } of patches) {
      const schema = JSON.stringify(operation.requestBody?.content["application/json"].schema);
      expect(schema, template).not.toMatch(/"default"/);
      for (const [, name] of schema.matchAll(/#\/components\/schemas\/(\w+)/g))
        expect(JSON.stringify(refs.components.schemas[name ?? ""]), name).not.toMatch(/"default"/);
    }
  });

  it("describes every parameter of every operation", () => {
    const missing = operations.flatMap(({ template, method, operation }) =>
      (operation.parameters as { name: string; in: string; description?: string }[])
        .filter((p) => !p.description?.trim())
        .map((p) => `${method} ${template} ${p.in} ${p.name}`),
    );
    expect(operations.flatMap((o) => o.operation.parameters).length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it("declares every date a request body takes as a date, optional ones too", () => {
    const dateFields: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (!node || typeof node !== "object") return;
      const schema = node as { properties?: Record<string, unknown> };
      for (const [name, field] of Object.entries(schema.properties ?? {})) {
        if (/Date$|On$/.test(name)) {
          dateFields.push(`${at}.${name}`);
          expect(JSON.stringify(field), `${at}.${name}`).toContain('"format":"date"');
        }
      }
      for (const [key, child] of Object.entries(node)) if (key !== "properties") visit(child, at);
    };
    for (const { operation } of operations)
      visit(operation.requestBody?.content["application/json"].schema, operation.operationId);
    expect(dateFields).toEqual(
      expect.arrayContaining([
        "createTask.dueDate",
        "createTask.startDate",
        "updateTask.dueDate",
        "updateTask.startDate",
      ]),
    );
  });

  it("lists every route file of /api/v1, and every route it lists exists with its methods", async () => {
    const root = path.resolve(process.cwd(), "app/api/v1");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith("route.ts") && !f.startsWith("openapi.json") && !f.startsWith("[[...path]]"),
    );
    const templates = files.map((f) => `/api/v1/${path.dirname(f).replace(/\[(\w+)\]/g, "{$1}")}`.replace(/\/\.$/, ""));
    expect(new Set(templates)).toEqual(new Set(Object.keys(doc.paths)));
    for (const { template, method } of operations) {
      const routeModule = await loadRouteModule(template);
      expect(typeof routeModule[method], `${method} ${template}`).toBe("function");
    }
  });
});

describe("every documented operation answers as documented", () => {
  it("checks bodies against the documented schemas (a wrong body fails)", () => {
    expect(matchesDocumented("/api/v1/tasks/{taskId}", "GET", 200, { id: "x" }).isValid).toBe(false);
    expect(
      matchesDocumented("/api/v1/tasks/{taskId}", "GET", 404, { error: { code: "NOPE", message: "x" } }).isValid,
    ).toBe(false);
  });

  it.each(operations.map((o) => [`${o.method} ${o.template}`, o] as const))(
    "%s succeeds with its example input",
    async (_name, { template, method, operation }) => {
      const success = Number(Object.keys(operation.responses).find((s) => s.startsWith("2")));
      const values = destroys(method, template) ? await freshIds() : ids;
      const body = exampleOf(operation, values);
      const response = await callApi({ method, url: fill(template, values), token, body });
      expect(response.status, JSON.stringify(response.json)).toBe(success);
      if (success === 204) {
        expect(response.json).toBeNull();
        // What was deleted is gone.
        const read = operation.operationId.replace(/^delete/, "get");
        if (operations.some((o) => o.operation.operationId === read))
          expect((await callApi({ url: fill(template, values), token })).status).toBe(404);
      } else {
        const { isValid, errors } = matchesDocumented(template, method, success, response.json);
        expect(isValid, errors).toBe(true);
      }
      if (method === "GET") {
        // The answer's ETag as If-None-Match: a bodiless 304 while nothing changed.
        const etag = response.headers.get("etag") ?? "";
        expect(etag).toMatch(/^"[\w-]+"$/);
        expect(response.headers.get("cache-control")).toBe("private, no-cache");
        const again = await callApi({ url: fill(template, values), token, headers: { "if-none-match": etag } });
        expect(again.status).toBe(304);
        expect(again.json).toBeNull();
        expect(again.headers.get("etag")).toBe(etag);
        expect(Object.keys(operation.responses)).toContain("304");
      }
      for (const header of ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"])
        expect(response.headers.get(header), header).toMatch(/^\d+$/);
      if (success === 201) {
        // Location names the new resource: reading it answers what the POST did.
        const location = response.headers.get("location") ?? "";
        expect(location).toMatch(/^\/api\/v1\//);
        const read = await callApi({ url: location, token });
        expect(read.status).toBe(200);
        expect(read.json).toEqual(response.json);
      }
    },
  );

  it.each(operations.map((o) => [`${o.method} ${o.template}`, o] as const))(
    "%s documents and answers its errors",
    async (_name, { template, method, operation }) => {
      const documented = Object.keys(operation.responses).map(Number);
      const check = async (status: number, call: Parameters<typeof callApi>[0]) => {
        expect(documented, `${status} is not documented`).toContain(status);
        const response = await callApi(call);
        expect(response.status, JSON.stringify(response.json)).toBe(status);
        const { isValid, errors } = matchesDocumented(template, method, status, response.json);
        expect(isValid, errors).toBe(true);
        for (const header of ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"])
          expect(response.headers.get(header), `${status} ${header}`).toMatch(/^\d+$/);
      };
      const body = exampleOf(operation, ids);
      await check(401, { method, url: fill(template, ids), body });
      if (operation.parameters.some((p) => p.in === "path"))
        await check(404, { method, url: fill(template, {}), token, body });
      if (documented.includes(403)) await check(403, { method, url: fill(template, ids), token: viewerToken, body });
      if (documented.includes(409) && body && typeof body === "object" && "version" in body)
        await check(409, { method, url: fill(template, ids), token, body: { ...(body as object), version: 999 } });
      await check(422, { method, url: `${fill(template, ids)}?unknown=1`, token, body });
      if (operation.requestBody) {
        // The body's first field as an object: the wrong type for every field of every body.
        const schema = operation.requestBody.content["application/json"].schema as {
          properties?: Record<string, unknown>;
          oneOf?: { properties: Record<string, unknown> }[];
        };
        const first = Object.keys(schema.properties ?? schema.oneOf?.[0]?.properties ?? { title: 1 })[0] ?? "title";
        await check(422, { method, url: fill(template, ids), token, body: { [first]: { wrong: true } } });
        await check(400, { method, url: fill(template, ids), token, rawBody: "{not json" });
        await check(415, {
          method,
          url: fill(template, ids),
          token,
          rawBody: JSON.stringify(body),
          headers: { "content-type": "text/plain" },
        });
      }
    },
  );
});

describe("every operation × role and team", () => {
  // The operations a MEMBER may not do (lib/authz.ts: plans.update, plans.delete); a VIEWER may do no write.
  const adminOnly = new Set(["updatePlan", "deletePlan"]);

  it.each(operations.map((o) => [`${o.method} ${o.template}`, o] as const))(
    "%s: another team's token gets 404 for this team's ids and changes nothing; a MEMBER as the matrix says",
    async (_name, { template, method, operation }) => {
      const values = method === "GET" ? ids : await freshIds();
      const body = exampleOf(operation, values);
      if (template.includes("{")) {
        const before = JSON.stringify(await callApi({ url: fill(template.replace(/\/status$/, ""), values), token }));
        const foreign = await callApi({ method, url: fill(template, values), token: otherTeamToken, body });
        expect(foreign.status, JSON.stringify(foreign.json)).toBe(404);
        const after = JSON.stringify(await callApi({ url: fill(template.replace(/\/status$/, ""), values), token }));
        if (
          method !== "GET" &&
          !template.endsWith("/comments") &&
          !template.endsWith("/readings") &&
          !template.endsWith("/tasks") &&
          !template.endsWith("/indicators")
        )
          expect(after).toBe(before);
      }
      if (method === "GET") return;
      const asMember = await callApi({ method, url: fill(template, values), token: memberToken, body });
      const success = Number(Object.keys(operation.responses).find((s) => s.startsWith("2")));
      const own = operation.operationId === "editComment" || operation.operationId === "deleteComment";
      // A member may not touch the owner's comment (own comments only), nor do an admin's operation.
      expect(asMember.status, JSON.stringify(asMember.json)).toBe(
        adminOnly.has(operation.operationId) || own ? 403 : success,
      );
    },
  );
});

describe("paths and methods outside the document", () => {
  it("answers a method a path does not take with a JSON 405 naming the allowed ones in Allow", async () => {
    const paths = Object.entries(doc.paths);
    for (const [template, methods] of paths) {
      const taken = Object.keys(methods).map((m) => m.toUpperCase());
      const allow = [...taken, ...(taken.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !taken.includes(m))) {
        const response = await callApi({
          method,
          url: fill(template, ids),
          token,
          body: method === "GET" ? undefined : {},
        });
        expect(response.status, `${method} ${template}`).toBe(405);
        expect(response.json.error.code).toBe("METHOD_NOT_ALLOWED");
        expect(response.json.error.message).toContain(allow.join(", "));
        expect(response.headers.get("allow")?.split(", ").sort()).toEqual([...allow].sort());
        expect(response.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
      }
      const options = await callApi({ method: "OPTIONS", url: fill(template, ids) });
      expect(options.status).toBe(204);
      expect(options.headers.get("allow")?.split(", ").sort()).toEqual([...allow].sort());
    }
  });

  it("answers HEAD like GET without a body", async () => {
    const head = await callApi({ method: "HEAD", url: `/api/v1/plans/${ids.planId}`, token });
    expect(head.status).toBe(200);
    expect(head.json).toBeNull();
    expect(head.headers.get("ratelimit-limit")).toMatch(/^\d+$/);
    expect((await callApi({ method: "HEAD", url: `/api/v1/plans/${ids.planId}` })).status).toBe(401);
  });

  it("answers any method on an unknown /api/v1 path with a JSON 404 in the documented Error shape", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/nope"],
      ["GET", `/api/v1/plans/${ids.planId}/nope`],
      ["POST", "/api/v1/tasks"],
      ["DELETE", `/api/v1/tasks/${ids.taskId}/comments/1`],
    ] as const) {
      const response = await callApi({ method, url, token });
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.json.error).toEqual({
        code: "NOT_FOUND",
        message: "There is no such API path. The operations are listed in /api/v1/openapi.json.",
      });
      expect(matchesDocumented("/api/v1/tasks/{taskId}", "GET", 404, response.json).isValid).toBe(true);
      expect(response.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
    }
  });
});

describe("PATCH changes only the fields sent", () => {
  // A valid starting value and a different valid value for every field a task PATCH takes.
  const fieldValues = () =>
    ({
      title: ["Original title", "Changed title"],
      description: ["Original description", "Changed description"],
      areaCode: ["R1", "R2"],
      pathCode: ["P1", "P2"],
      dilemmas: [[{ dilemmaCode: "D1", weight: 2 }], [{ dilemmaCode: "D2", weight: 3 }]],
      priority: ["HIGH", "LOW"],
      status: ["IN_PROGRESS", "BLOCKED"],
      assigneeId: [ownerId, memberId],
      dueDate: ["2026-06-30", "2026-09-30"],
      startDate: ["2026-03-01", "2026-04-15"],
      progress: [30, 60],
    }) as Record<string, [unknown, unknown]>;
  // A field as the task body shows it.
  const read = (task: Record<string, unknown>, field: string) =>
    field === "assigneeId" ? (task.assignee as { id: string } | null)?.id : task[field];

  const patchFields = () => {
    const schema = doc.paths["/api/v1/tasks/{taskId}"]?.patch?.requestBody?.content["application/json"].schema as {
      properties: Record<string, unknown>;
    };
    return Object.keys(schema.properties).filter((f) => f !== "version");
  };

  async function createTask() {
    const start = Object.fromEntries(Object.entries(fieldValues()).map(([field, [value]]) => [field, value]));
    const created = await callApi({ method: "POST", url: `/api/v1/plans/${ids.planId}/tasks`, token, body: start });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    for (const [field, value] of Object.entries(start)) expect(read(created.json, field), field).toEqual(value);
    return created.json as Record<string, unknown> & { id: string; version: number };
  }

  async function patch(task: { id: string; version: number }, fields: string[]) {
    const values = fieldValues();
    const body = Object.fromEntries(fields.map((field) => [field, values[field]?.[1]]));
    const response = await callApi({
      method: "PATCH",
      url: `/api/v1/tasks/${task.id}`,
      token,
      body: { ...body, version: task.version },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    const stored = await callApi({ url: `/api/v1/tasks/${task.id}`, token });
    expect(stored.json).toEqual(response.json);
    return stored.json as Record<string, unknown>;
  }

  it("covers every field of the documented PATCH body", () => {
    expect(new Set(patchFields())).toEqual(new Set(Object.keys(fieldValues())));
  });

  it("a PATCH of one field leaves every other field as it was", async () => {
    for (const field of patchFields()) {
      const task = await createTask();
      const after = await patch(task, [field]);
      expect(read(after, field), `${field} changed`).toEqual(fieldValues()[field]?.[1]);
      for (const other of patchFields().filter((f) => f !== field))
        expect(read(after, other), `PATCH of ${field} kept ${other}`).toEqual(read(task, other));
    }
  });

  it("a PATCH of every other field leaves each field as it was", async () => {
    for (const field of patchFields()) {
      const task = await createTask();
      const others = patchFields().filter((f) => f !== field);
      const after = await patch(task, others);
      expect(read(after, field), `PATCH without ${field} kept it`).toEqual(read(task, field));
      for (const other of others) expect(read(after, other), `${other} changed`).toEqual(fieldValues()[other]?.[1]);
    }
  });
});
