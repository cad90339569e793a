// Contract test: the OpenAPI document is valid, every route it lists exists, and
// every operation answers as documented (status and body schema), for its success
// and for the errors it documents.
import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
// ajv and ajv-formats come with @seriousme/openapi-schema-validator and @hookform/resolvers.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  requestBody?: { content: { "application/json": { example?: unknown } } };
  responses: Record<string, { content?: { "application/json": { schema: unknown } } }>;
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
  ids = { planId: plan.id, taskId: task.id, indicatorId: indicator.id };
  token = (await createTestApiToken({ teamId: team.id, userId: owner.id, roleCeiling: "OWNER" })).token;
  const viewer = await createTestMember({ teamId: team.id, role: "VIEWER" });
  viewerToken = (await createTestApiToken({ teamId: team.id, userId: viewer.userId, roleCeiling: "VIEWER" })).token;
});

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? "missing");

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

  it("lists every route file of /api/v1, and every route it lists exists with its methods", async () => {
    const root = path.resolve(process.cwd(), "app/api/v1");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith("route.ts") && !f.startsWith("openapi.json"),
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
      const body = operation.requestBody?.content["application/json"].example;
      const response = await callApi({ method, url: fill(template, ids), token, body });
      expect(response.status, JSON.stringify(response.json)).toBe(success);
      const { isValid, errors } = matchesDocumented(template, method, success, response.json);
      expect(isValid, errors).toBe(true);
    },
  );

  it.each(operations.map((o) => [`${o.method} ${o.template}`, o] as const))(
    "%s documents and answers its errors",
    async (_name, { template, method, operation }) => {
      const documented = Object.keys(operation.responses).map(Number);
      const check = async (status: number, call: Parameters<typeof callApi>[0]) => {
        expect(documented, `${status} is not documented`).toContain(status);
        const response = await callApi(call);
        expect(response.status).toBe(status);
        const { isValid, errors } = matchesDocumented(template, method, status, response.json);
        expect(isValid, errors).toBe(true);
      };
      const body = operation.requestBody?.content["application/json"].example;
      await check(401, { method, url: fill(template, ids), body });
      if (operation.parameters.some((p) => p.in === "path"))
        await check(404, { method, url: fill(template, {}), token, body });
      if (documented.includes(403)) await check(403, { method, url: fill(template, ids), token: viewerToken, body });
      if (documented.includes(409))
        await check(409, { method, url: fill(template, ids), token, body: { ...(body as object), version: 999 } });
      if (operation.requestBody) {
        await check(422, { method, url: fill(template, ids), token, body: { title: 7 } });
        await check(400, { method, url: fill(template, ids), token, rawBody: "{not json" });
      }
    },
  );
});
