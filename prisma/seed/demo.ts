// The demo team a new installation starts with: an owner, a member and one
// active plan from templates of all four areas, with a few weeks of history.
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../../generated/prisma/client";
import type { TaskStatus } from "../../generated/prisma/enums";
import { CATALOG_VERSION } from "../../lib/catalog/catalog";
import { addDays, tasksFromTemplates } from "../../lib/plans/template-tasks";
import { DAY_MS } from "@/lib/time";

/** Sign-in details printed by `npm start` and shown in the README. */
export const DEMO_USERS = {
  owner: { email: "demo@pathwise.local", password: "pathwise-demo", name: "Zhang Min" },
  member: { email: "li.wei@pathwise.local", password: "pathwise-demo", name: "Li Wei" },
} as const;
export const DEMO_TEAM = { name: "Demo Commerce Co.", slug: "demo-commerce" } as const;
export const DEMO_PLAN_TITLE = "2026 New-quality productivity upgrade";

// Template, then its state today and the day (from the plan start) it last moved.
const SCRIPT: {
  key: string;
  owner: "owner" | "member" | null;
  status: TaskStatus;
  progress: number;
  movedOn: number;
}[] = [
  { key: "R1.1", owner: "owner", status: "IN_PROGRESS", progress: 40, movedOn: 30 },
  { key: "R1.2", owner: "member", status: "DONE", progress: 100, movedOn: 35 },
  { key: "R1.4", owner: "member", status: "IN_PROGRESS", progress: 25, movedOn: 20 },
  { key: "R1.8", owner: null, status: "TODO", progress: 0, movedOn: 0 },
  { key: "R2.1", owner: "owner", status: "IN_PROGRESS", progress: 60, movedOn: 25 },
  { key: "R2.2", owner: "member", status: "BLOCKED", progress: 10, movedOn: 15 },
  { key: "R2.4", owner: null, status: "TODO", progress: 0, movedOn: 0 },
  { key: "R3.1", owner: "owner", status: "DONE", progress: 100, movedOn: 28 },
  { key: "R3.2", owner: "owner", status: "IN_PROGRESS", progress: 50, movedOn: 33 },
  { key: "R3.3", owner: "member", status: "TODO", progress: 0, movedOn: 0 },
  { key: "R3.6", owner: "member", status: "IN_PROGRESS", progress: 30, movedOn: 38 },
  { key: "R4.1", owner: "owner", status: "TODO", progress: 0, movedOn: 0 },
  { key: "R4.2", owner: "member", status: "IN_PROGRESS", progress: 20, movedOn: 12 },
  { key: "R4.5", owner: "owner", status: "DONE", progress: 100, movedOn: 40 },
  { key: "R4.8", owner: null, status: "CANCELLED", progress: 0, movedOn: 18 },
];

/** Creates the demo team unless the database already has users. Returns whether it did. */
export async function seedDemo(db: PrismaClient, now = new Date()): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hash(DEMO_USERS.owner.password); // argon2id by default
  const today = addDays(now, 0);
  const start = addDays(today, -42);
  const target = addDays(today, 140);
  const at = (day: number, hour = 10) => new Date(start.getTime() + day * DAY_MS + hour * 60 * 60 * 1000);

  await db.$transaction(
    async (tx) => {
      const owner = await tx.user.create({ data: { ...pick(DEMO_USERS.owner), passwordHash, createdAt: at(-2) } });
      const member = await tx.user.create({ data: { ...pick(DEMO_USERS.member), passwordHash, createdAt: at(-1) } });
      const team = await tx.team.create({ data: { ...DEMO_TEAM, createdAt: at(-2) } });
      await tx.membership.createMany({
        data: [
          { teamId: team.id, userId: owner.id, role: "OWNER", createdAt: at(-2) },
          { teamId: team.id, userId: member.id, role: "MEMBER", createdAt: at(-1) },
        ],
      });
      const plan = await tx.plan.create({
        data: {
          teamId: team.id,
          title: DEMO_PLAN_TITLE,
          description:
            "Move on all four dilemmas of the framework: differentiate the offer, grow talent, secure customer data and close logistics gaps in county markets.",
          status: "ACTIVE",
          startDate: start,
          targetDate: target,
          catalogVersion: CATALOG_VERSION,
          createdById: owner.id,
          createdAt: at(0, 9),
        },
      });
      await tx.activityEvent.create({
        data: {
          teamId: team.id,
          planId: plan.id,
          actorId: owner.id,
          kind: "plan.created",
          entityType: "plan",
          entityId: plan.id,
          after: { title: plan.title, status: "ACTIVE" },
          createdAt: at(0, 9),
        },
      });

      const drafts = tasksFromTemplates({ templateKeys: SCRIPT.map((s) => s.key), startDate: start, locale: "en" });
      for (const [i, draft] of drafts.entries()) {
        const step = SCRIPT[i]!;
        const assigneeId = step.owner === "owner" ? owner.id : step.owner === "member" ? member.id : null;
        const { dilemmas, ...fields } = draft;
        const task = await tx.task.create({
          data: {
            ...fields,
            teamId: team.id,
            planId: plan.id,
            assigneeId,
            status: step.status,
            progress: step.progress,
            version: step.status === "TODO" ? 1 : 3,
            createdById: owner.id,
            createdAt: at(0, 9),
            completedAt: step.status === "DONE" ? at(step.movedOn) : null,
            dilemmas: { create: dilemmas },
          },
        });
        const base = { teamId: team.id, planId: plan.id, taskId: task.id, entityType: "task", entityId: task.id };
        await tx.activityEvent.create({
          data: {
            ...base,
            actorId: owner.id,
            kind: "task.created",
            after: { status: "TODO", progress: 0, assigneeId },
            createdAt: at(0, 9),
          },
        });
        if (step.status === "TODO") continue;
        // A first move half-way, then the state of today.
        const midDay = Math.max(1, Math.floor(step.movedOn / 2));
        const midProgress =
          step.status === "CANCELLED" ? 0 : Math.min(step.progress, Math.round(step.progress / 2 / 5) * 5);
        const actorId = assigneeId ?? owner.id;
        await tx.activityEvent.create({
          data: {
            ...base,
            actorId,
            kind: "task.updated",
            before: { status: "TODO", progress: 0 },
            after: { status: "IN_PROGRESS", progress: midProgress },
            createdAt: at(midDay),
          },
        });
        await tx.activityEvent.create({
          data: {
            ...base,
            actorId,
            kind: "task.updated",
            before: { status: "IN_PROGRESS", progress: midProgress },
            after: { status: step.status, progress: step.progress },
            createdAt: at(step.movedOn, 15),
          },
        });
      }
    },
    { timeout: 60_000 },
  );
  return true;
}

function pick(user: { email: string; name: string }) {
  return { email: user.email, name: user.name };
}
