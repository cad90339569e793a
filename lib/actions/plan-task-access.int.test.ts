import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { addComment, deleteComment, editComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { addTemplates } from "@/lib/plans/add-templates";
import { createPlan } from "@/lib/plans/create-plan";
import { deletePlan, duplicatePlan, setPlanStatus } from "@/lib/plans/plan-lifecycle";
import { updatePlan } from "@/lib/plans/update-plan";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { createTask } from "@/lib/tasks/create-task";
import { setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import {
  addMember,
  appErrorOf,
  cleanupTestData,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  randomHex,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const satisfies readonly Role[];

/** A fresh team: an OWNER, a MEMBER, the acting user with the role under test; a DRAFT, an ACTIVE and an ARCHIVED plan; a task of the ACTIVE plan assigned to the MEMBER with a comment the acting user wrote. */
type Fixture = {
  team: { id: string; slug: string };
  actorId: string;
  memberId: string;
  draftPlanId: string;
  activePlan: { id: string; title: string };
  archivedPlanId: string;
  taskId: string;
  commentId: string;
};

/** Who runs the operation, in which team (by slug). */
type Acting = { userId: string; teamSlug: string };

type OperationCase = {
  run: (f: Fixture, as: Acting) => Promise<unknown>;
  /** What an allowed run must have changed. */
  expectEffect: (f: Fixture) => Promise<void>;
};

const taskOf = (f: Fixture) => db.task.findUnique({ where: { id: f.taskId } });

const operations = {
  createPlan: {
    run: (_f, as) =>
      runAs(createPlan, as.userId, as.teamSlug, {
        title: "Created plan",
        startDate: "2026-01-01",
        targetDate: "2026-06-30",
        templateKeys: ["R1.1"],
      }),
    expectEffect: async (f) =>
      expect(await db.plan.count({ where: { teamId: f.team.id, title: "Created plan" } })).toBe(1),
  },
  updatePlan: {
    run: (f, as) =>
      runAs(updatePlan, as.userId, as.teamSlug, {
        planId: f.activePlan.id,
        version: 1,
        title: "Renamed plan",
        description: "",
        startDate: "2026-01-01",
        targetDate: "2026-12-31",
      }),
    expectEffect: async (f) =>
      expect((await db.plan.findUniqueOrThrow({ where: { id: f.activePlan.id } })).title).toBe("Renamed plan"),
  },
  "setPlanStatus DRAFT → ACTIVE": {
    run: (f, as) => runAs(setPlanStatus, as.userId, as.teamSlug, { planId: f.draftPlanId, status: "ACTIVE" }),
    expectEffect: async (f) =>
      expect((await db.plan.findUniqueOrThrow({ where: { id: f.draftPlanId } })).status).toBe("ACTIVE"),
  },
  "setPlanStatus ACTIVE → ARCHIVED": {
    run: (f, as) => runAs(setPlanStatus, as.userId, as.teamSlug, { planId: f.activePlan.id, status: "ARCHIVED" }),
    expectEffect: async (f) =>
      expect((await db.plan.findUniqueOrThrow({ where: { id: f.activePlan.id } })).status).toBe("ARCHIVED"),
  },
  "setPlanStatus ARCHIVED → ACTIVE": {
    run: (f, as) => runAs(setPlanStatus, as.userId, as.teamSlug, { planId: f.archivedPlanId, status: "ACTIVE" }),
    expectEffect: async (f) =>
      expect((await db.plan.findUniqueOrThrow({ where: { id: f.archivedPlanId } })).status).toBe("ACTIVE"),
  },
  duplicatePlan: {
    run: (f, as) => runAs(duplicatePlan, as.userId, as.teamSlug, { planId: f.activePlan.id }),
    expectEffect: async (f) =>
      expect(await db.plan.count({ where: { teamId: f.team.id, title: `${f.activePlan.title} (copy)` } })).toBe(1),
  },
  deletePlan: {
    run: (f, as) =>
      runAs(deletePlan, as.userId, as.teamSlug, { planId: f.activePlan.id, confirmTitle: f.activePlan.title }),
    expectEffect: async (f) => expect(await db.plan.findUnique({ where: { id: f.activePlan.id } })).toBeNull(),
  },
  addTemplates: {
    run: (f, as) => runAs(addTemplates, as.userId, as.teamSlug, { planId: f.activePlan.id, templateKeys: ["R2.1"] }),
    expectEffect: async (f) =>
      expect(await db.task.count({ where: { planId: f.activePlan.id, templateKey: "R2.1" } })).toBe(1),
  },
  createTask: {
    run: (f, as) =>
      runAs(createTask, as.userId, as.teamSlug, {
        planId: f.activePlan.id,
        title: "Created task",
        areaCode: "R4",
        pathCode: "P4",
        dilemmas: [{ dilemmaCode: "D4", weight: 3 }],
        priority: "LOW",
        status: "TODO",
        assigneeId: null,
        dueDate: null,
        progress: 0,
      }),
    expectEffect: async (f) =>
      expect(await db.task.count({ where: { planId: f.activePlan.id, title: "Created task" } })).toBe(1),
  },
  updateTask: {
    run: (f, as) =>
      runAs(updateTask, as.userId, as.teamSlug, {
        taskId: f.taskId,
        version: 1,
        title: "Edited task",
        description: "",
        areaCode: "R1",
        pathCode: "P1",
        dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
        priority: "MEDIUM",
        status: "TODO",
        assigneeId: f.memberId,
        dueDate: null,
        progress: 0,
      }),
    expectEffect: async (f) => expect((await taskOf(f))?.title).toBe("Edited task"),
  },
  setTaskStatus: {
    run: (f, as) => runAs(setTaskStatus, as.userId, as.teamSlug, { taskId: f.taskId, version: 1, status: "DONE" }),
    expectEffect: async (f) => expect(await taskOf(f)).toMatchObject({ status: "DONE", progress: 100 }),
  },
  "bulkTasks assign": {
    run: (f, as) =>
      runAs(bulkTasks, as.userId, as.teamSlug, { action: "assign", taskIds: [f.taskId], assigneeId: null }),
    expectEffect: async (f) => expect((await taskOf(f))?.assigneeId).toBeNull(),
  },
  "bulkTasks status": {
    run: (f, as) =>
      runAs(bulkTasks, as.userId, as.teamSlug, { action: "status", taskIds: [f.taskId], status: "BLOCKED" }),
    expectEffect: async (f) => expect((await taskOf(f))?.status).toBe("BLOCKED"),
  },
  "bulkTasks dueDate": {
    run: (f, as) =>
      runAs(bulkTasks, as.userId, as.teamSlug, { action: "dueDate", taskIds: [f.taskId], dueDate: "2026-10-01" }),
    expectEffect: async (f) => expect((await taskOf(f))?.dueDate).toEqual(new Date("2026-10-01T00:00:00Z")),
  },
  "bulkTasks delete": {
    run: (f, as) => runAs(bulkTasks, as.userId, as.teamSlug, { action: "delete", taskIds: [f.taskId] }),
    expectEffect: async (f) => expect(await taskOf(f)).toBeNull(),
  },
  addComment: {
    run: (f, as) => runAs(addComment, as.userId, as.teamSlug, { taskId: f.taskId, body: "A new comment" }),
    expectEffect: async (f) =>
      expect(await db.comment.count({ where: { taskId: f.taskId, body: "A new comment" } })).toBe(1),
  },
  "editComment (own)": {
    run: (f, as) => runAs(editComment, as.userId, as.teamSlug, { commentId: f.commentId, body: "Edited comment" }),
    expectEffect: async (f) =>
      expect((await db.comment.findUniqueOrThrow({ where: { id: f.commentId } })).body).toBe("Edited comment"),
  },
  "deleteComment (own)": {
    run: (f, as) => runAs(deleteComment, as.userId, as.teamSlug, { commentId: f.commentId }),
    expectEffect: async (f) =>
      expect((await db.comment.findUniqueOrThrow({ where: { id: f.commentId } })).deletedAt).toBeInstanceOf(Date),
  },
} satisfies Record<string, OperationCase>;

type Outcome = "allowed" | "FORBIDDEN";
const A: Outcome = "allowed";
const F: Outcome = "FORBIDDEN";
const everyoneButViewers = { OWNER: A, ADMIN: A, MEMBER: A, VIEWER: F };
const ownersAndAdmins = { OWNER: A, ADMIN: A, MEMBER: F, VIEWER: F };

// Written out rather than derived from lib/authz.ts so that a change there shows up here. VIEWERs write nothing;
// MEMBERs create and work plans but neither edit a plan's details, archive, un-archive nor delete one.
const expected: Record<keyof typeof operations, Record<(typeof ROLES)[number], Outcome>> = {
  createPlan: everyoneButViewers,
  updatePlan: ownersAndAdmins,
  "setPlanStatus DRAFT → ACTIVE": everyoneButViewers,
  "setPlanStatus ACTIVE → ARCHIVED": ownersAndAdmins,
  "setPlanStatus ARCHIVED → ACTIVE": ownersAndAdmins,
  duplicatePlan: everyoneButViewers,
  deletePlan: ownersAndAdmins,
  addTemplates: everyoneButViewers,
  createTask: everyoneButViewers,
  updateTask: everyoneButViewers,
  setTaskStatus: everyoneButViewers,
  "bulkTasks assign": everyoneButViewers,
  "bulkTasks status": everyoneButViewers,
  "bulkTasks dueDate": everyoneButViewers,
  "bulkTasks delete": everyoneButViewers,
  addComment: everyoneButViewers,
  "editComment (own)": everyoneButViewers,
  "deleteComment (own)": everyoneButViewers,
};

let users: { owner: string; member: string; actor: string };

beforeAll(async () => {
  const [owner, member, actor] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
  users = { owner: owner.id, member: member.id, actor: actor.id };
});

async function setUp(actorRole: Role): Promise<Fixture> {
  const team = await createTestTeam();
  await Promise.all([
    addMember({ teamId: team.id, userId: users.owner, role: "OWNER" }),
    addMember({ teamId: team.id, userId: users.member, role: "MEMBER" }),
    addMember({ teamId: team.id, userId: users.actor, role: actorRole }),
  ]);
  const [draft, active, archived] = await Promise.all([
    createTestPlan({ teamId: team.id, status: "DRAFT" }),
    createTestPlan({ teamId: team.id, status: "ACTIVE", title: `Active plan ${randomHex()}` }),
    createTestPlan({ teamId: team.id, status: "ARCHIVED" }),
  ]);
  const task = await createTestTask({ teamId: team.id, planId: active.id, assigneeId: users.member });
  // Written straight to the table: a VIEWER may have commented back when they had a writing role.
  const comment = await db.comment.create({
    data: { teamId: team.id, taskId: task.id, authorId: users.actor, body: "My comment" },
  });
  return {
    team,
    actorId: users.actor,
    memberId: users.member,
    draftPlanId: draft.id,
    activePlan: { id: active.id, title: active.title },
    archivedPlanId: archived.id,
    taskId: task.id,
    commentId: comment.id,
  };
}

describe("role matrix for plans, tasks and comments", () => {
  const rows = Object.entries(expected).flatMap(([name, outcomes]) =>
    ROLES.map((actorRole) => ({ name: name as keyof typeof operations, actorRole, outcome: outcomes[actorRole] })),
  );

  it("covers every role for every operation", () => {
    expect(rows).toHaveLength(Object.keys(operations).length * ROLES.length);
  });

  for (const { name, actorRole, outcome } of rows) {
    it(`${actorRole}: ${name} → ${outcome}`, async () => {
      const f = await setUp(actorRole);
      const operation = operations[name];
      const as = { userId: f.actorId, teamSlug: f.team.slug };
      if (outcome === "allowed") {
        await operation.run(f, as);
        await operation.expectEffect(f);
        return;
      }
      const before = await snapshotTeamData(f.team.id);
      expect((await appErrorOf(operation.run(f, as))).code).toBe("FORBIDDEN");
      expect(await snapshotTeamData(f.team.id)).toEqual(before);
    });
  }
});

describe("another team's plans, tasks and comments are NOT_FOUND, even for an OWNER", () => {
  let f: Fixture;
  let teamB: { id: string; slug: string };
  let outsider: string;

  beforeAll(async () => {
    f = await setUp("OWNER");
    const user = await createTestUser();
    outsider = user.id;
    teamB = await createTestTeam({ ownerId: outsider });
    const planB = await createTestPlan({ teamId: teamB.id });
    await createTestTask({ teamId: teamB.id, planId: planB.id, assigneeId: outsider });
  });

  const names = Object.keys(operations) as (keyof typeof operations)[];

  describe("in the outsider's own team, with team A's ids", () => {
    for (const name of names.filter((n) => n !== "createPlan")) {
      it(`${name} → NOT_FOUND; teams A and B unchanged`, async () => {
        const [beforeA, beforeB] = await Promise.all([snapshotTeamData(f.team.id), snapshotTeamData(teamB.id)]);
        expect((await appErrorOf(operations[name].run(f, { userId: outsider, teamSlug: teamB.slug }))).code).toBe(
          "NOT_FOUND",
        );
        expect(await snapshotTeamData(f.team.id)).toEqual(beforeA);
        expect(await snapshotTeamData(teamB.id)).toEqual(beforeB);
      });
    }
  });

  describe("with team A's slug", () => {
    for (const name of names) {
      it(`${name} → NOT_FOUND; team A unchanged`, async () => {
        const before = await snapshotTeamData(f.team.id);
        expect((await appErrorOf(operations[name].run(f, { userId: outsider, teamSlug: f.team.slug }))).code).toBe(
          "NOT_FOUND",
        );
        expect(await snapshotTeamData(f.team.id)).toEqual(before);
      });
    }
  });
});
