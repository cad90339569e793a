// An integrator's flow through the typed client (openapi-fetch over the types that
// openapi-typescript makes from the spec, lib/api/client/schema.d.ts): the calls
// below are type-checked by `tsc` against the spec, then run against the real handlers.
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths } from "@/lib/api/client/schema";
import { createTestApiToken, routeFetch } from "@/lib/testing/api-client";
import { cleanupTestData, createTestMember, createTestTeam, createTestUser } from "@/lib/testing/factories";

afterAll(cleanupTestData);

let client: ReturnType<typeof createClient<paths>>;
let memberId: string;

beforeAll(async () => {
  const owner = await createTestUser();
  const team = await createTestTeam({ ownerId: owner.id });
  memberId = (await createTestMember({ teamId: team.id, role: "MEMBER" })).userId;
  const { token } = await createTestApiToken({ teamId: team.id, userId: owner.id, roleCeiling: "OWNER" });
  client = createClient<paths>({
    baseUrl: "http://localhost:3000",
    headers: { Authorization: `Bearer ${token}` },
    fetch: routeFetch,
  });
});

describe("the typed client", () => {
  it(
    "creates a plan, pages its tasks, assigns one to a member, patches it, records a reading and reads progress",
    { timeout: 60_000 },
    async () => {
      const created = await client.POST("/api/v1/plans", {
        params: { header: { "Idempotency-Key": "flow-plan-1" } },
        body: {
          title: "Typed flow",
          startDate: "2026-01-01",
          targetDate: "2026-12-31",
          areas: ["R1"],
          status: "ACTIVE",
        },
      });
      expect(created.response.status).toBe(201);
      const plan = created.data!;

      const taskIds: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.GET("/api/v1/plans/{planId}/tasks", {
          params: { path: { planId: plan.id }, query: { limit: 3, status: ["TODO"], cursor } },
        });
        expect(page.error).toBeUndefined();
        taskIds.push(...page.data!.data.map((t) => t.id));
        cursor = page.data!.nextCursor ?? undefined;
      } while (cursor);
      expect(taskIds.length).toBe(plan.taskCount);

      void client.GET("/api/v1/plans/{planId}/tasks", {
        // @ts-expect-error the spec lists the statuses: a lower-case one does not compile
        params: { path: { planId: plan.id }, query: { status: ["todo"] } },
      });

      const members = await client.GET("/api/v1/members", { params: { query: {} } });
      const member = members.data!.data.find((m) => m.role === "MEMBER");
      expect(member?.id).toBe(memberId);

      const taskId = taskIds[0]!;
      const task = (await client.GET("/api/v1/tasks/{taskId}", { params: { path: { taskId } } })).data!;
      const patched = await client.PATCH("/api/v1/tasks/{taskId}", {
        params: { path: { taskId } },
        body: { version: task.version, assigneeId: member!.id, status: "DONE" },
      });
      expect(patched.data).toMatchObject({ status: "DONE", progress: 100, assignee: { id: memberId } });
      const stale = await client.PATCH("/api/v1/tasks/{taskId}", {
        params: { path: { taskId } },
        body: { version: task.version, progress: 10 },
      });
      expect(stale.response.status).toBe(409);
      expect(stale.error?.error.code).toBe("CONFLICT");

      const indicator = await client.POST("/api/v1/plans/{planId}/indicators", {
        params: { path: { planId: plan.id } },
        body: { dilemmaCode: "D1", name: "Trained staff", unit: "%", direction: "UP", baseline: 0, target: 80 },
      });
      const reading = await client.POST("/api/v1/indicators/{indicatorId}/readings", {
        params: { path: { indicatorId: indicator.data!.id } },
        body: { value: 40, recordedOn: "2026-03-31" },
      });
      expect(reading.response.status).toBe(201);

      const progress = await client.GET("/api/v1/plans/{planId}/progress", { params: { path: { planId: plan.id } } });
      expect(progress.data!.statusCounts.DONE).toBe(1);
      expect(progress.data!.indicators[0]).toMatchObject({ current: 40, progress: 0.5 });
      expect(progress.data!.overall.progress).toBeGreaterThan(0);
    },
  );
});
