import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { TEAM_EVENT_KINDS } from "@/lib/events/events";
import { addTemplates } from "@/lib/plans/add-templates";
import { createPlan } from "@/lib/plans/create-plan";
import { duplicatePlan } from "@/lib/plans/plan-lifecycle";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { createTask } from "@/lib/tasks/create-task";
import { setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import { cleanupTestData, createTestMember, createTestTeam, runAs } from "@/lib/testing/factories";

// Every way a task is written records a typed event that carries the task's id,
// its plan and, for the trend replay, its status and progress.

let team: { id: string; slug: string };
let member: { userId: string };

beforeAll(async () => {
  team = await createTestTeam();
  member = await createTestMember({ teamId: team.id, role: "ADMIN" });
});
afterAll(cleanupTestData);

const eventsOf = (taskIds: string[]) =>
  db.activityEvent.findMany({
    where: { teamId: team.id, entityType: "task", entityId: { in: taskIds } },
    orderBy: { id: "asc" },
    select: { kind: true, planId: true, taskId: true, entityId: true, after: true, before: true },
  });

const run = <T>(op: Parameters<typeof runAs>[0], input: unknown) =>
  runAs(op, member.userId, team.slug, input as never) as Promise<T>;

describe("every task write path records its typed event", () => {
  it("wizard, add templates, create, update, status, bulk, duplicate and delete", async () => {
    const plan = await run<{ id: string }>(createPlan, {
      title: "Events",
      description: "",
      startDate: "2026-01-01",
      targetDate: "2026-12-31",
      templateKeys: ["R3.1"],
      defaultAssignees: {},
      status: "ACTIVE",
    });
    const wizardTask = await db.task.findFirstOrThrow({ where: { planId: plan.id }, select: { id: true } });
    await run(addTemplates, { planId: plan.id, templateKeys: ["R4.1"] });
    const templateTask = await db.task.findFirstOrThrow({
      where: { planId: plan.id, templateKey: "R4.1" },
      select: { id: true },
    });
    const custom = await run<{ id: string }>(createTask, {
      planId: plan.id,
      title: "Custom",
      description: "",
      areaCode: "R1",
      pathCode: "P1",
      dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
      priority: "MEDIUM",
      status: "TODO",
      assigneeId: null,
      dueDate: "",
      progress: 10,
    });
    await run(setTaskStatus, { taskId: custom.id, version: 1, status: "IN_PROGRESS" });
    await run(updateTask, {
      taskId: custom.id,
      version: 2,
      title: "Custom, renamed",
      description: "",
      areaCode: "R1",
      pathCode: "P1",
      dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
      priority: "HIGH",
      status: "IN_PROGRESS",
      assigneeId: null,
      dueDate: "",
      progress: 30,
    });
    await run(bulkTasks, { action: "status", taskIds: [wizardTask.id], status: "DONE" });
    await run(bulkTasks, { action: "assign", taskIds: [templateTask.id], assigneeId: member.userId });
    const copy = await run<{ id: string }>(duplicatePlan, { planId: plan.id });
    const copied = await db.task.findMany({ where: { planId: copy.id }, select: { id: true } });
    expect((await eventsOf([templateTask.id])).map((e) => e.kind)).toEqual(["task.created", "task.updated"]);
    await run(bulkTasks, { action: "delete", taskIds: [templateTask.id] });

    const events = await eventsOf([wizardTask.id, templateTask.id, custom.id, ...copied.map((t) => t.id)]);
    for (const e of events) {
      expect(TEAM_EVENT_KINDS).toContain(e.kind);
      expect(e.planId).not.toBeNull();
      // A deleted task's row is gone: its event names it as the entity only.
      expect(e.taskId).toBe(e.kind === "task.deleted" ? null : e.entityId);
      const state = (e.kind === "task.deleted" ? e.before : e.after) as Record<string, unknown>;
      if (e.kind !== "task.updated" || "status" in state) {
        expect(typeof state.status).toBe("string");
        expect(typeof state.progress).toBe("number");
      }
    }
    const kindsOf = (id: string) => events.filter((e) => e.entityId === id).map((e) => e.kind);
    expect(kindsOf(wizardTask.id)).toEqual(["task.created", "task.updated"]);
    // A task's own history goes with it; the deletion stays in the plan's log.
    expect(kindsOf(templateTask.id)).toEqual(["task.deleted"]);
    expect(kindsOf(custom.id)).toEqual(["task.created", "task.updated", "task.updated"]);
    expect(copied).toHaveLength(3);
    for (const t of copied) expect(kindsOf(t.id)).toEqual(["task.created"]);
  });
});
