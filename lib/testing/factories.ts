// Factories for integration tests: unique rows per call (random suffixes), so
// test files run in parallel against one seeded database with no global reset.
// Every row made here is tracked; cleanupTestData() deletes them in afterAll.
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { PlanStatus, Priority, Role, TaskStatus } from "@/generated/prisma/enums";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";
import { hashPassword } from "@/lib/auth/password";
import { CATALOG_VERSION } from "@/lib/catalog/catalog";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { AreaCode, DilemmaCode, PathCode } from "@/lib/catalog/types";
import type { ProgressTask } from "@/lib/progress/formula";
import { newToken } from "@/lib/tokens";
import { addDays } from "@/lib/time";

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]", ""];

/** Throws unless DATABASE_URL points at this machine: integration tests write and delete rows. */
export function assertLocalDatabase(): void {
  const host = new URL(getEnv().DATABASE_URL).hostname;
  if (!LOCAL_HOSTS.includes(host)) {
    throw new Error(`Integration tests only run against a local PostgreSQL (DATABASE_URL points at ${host}).`);
  }
}

assertLocalDatabase();

/** n random bytes as lower-case hex (2n characters). */
export function randomHex(bytes = 4): string {
  return randomBytes(bytes).toString("hex");
}

/** A fresh IPv4-looking string from the 10.0.0.0/8 range; only stored, never connected to. */
export function randomIp(): string {
  const octet = () => randomBytes(1)[0] ?? 0;
  return `10.${octet()}.${octet()}.${octet()}`;
}

const tracked = { teamIds: new Set<string>(), userIds: new Set<string>(), emails: new Set<string>() };

/** Registers rows created outside the factories (e.g. by createTeam or createUser) for cleanupTestData. */
export function track(rows: { teamId?: string; userId?: string; email?: string }): void {
  if (rows.teamId) tracked.teamIds.add(rows.teamId);
  if (rows.userId) tracked.userIds.add(rows.userId);
  if (rows.email) tracked.emails.add(rows.email.toLowerCase());
}

/** Deletes every tracked team (cascading to its plans, tasks and events) and the audit lines of its deletion, user, user event and sign-in attempt. */
export async function cleanupTestData(): Promise<void> {
  const teamIds = [...tracked.teamIds];
  const userIds = [...tracked.userIds];
  const emails = [...tracked.emails];
  // A team's delete cascades through plans, tasks and events and their triggers while other test
  // files write and clean up beside it; PostgreSQL may pick it as a deadlock's victim, which
  // only asks for the delete to be tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.team.deleteMany({ where: { id: { in: teamIds } } });
      break;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("deadlock detected")) throw error;
    }
  }
  await db.activityEvent.deleteMany({ where: { teamId: null, entityType: "team", entityId: { in: teamIds } } });
  await db.activityEvent.deleteMany({ where: { teamId: null, entityType: "user", entityId: { in: userIds } } });
  await db.user.deleteMany({ where: { OR: [{ id: { in: userIds } }, { email: { in: emails } }] } });
  await db.signInAttempt.deleteMany({ where: { email: { in: emails } } });
  await db.pendingSignUp.deleteMany({ where: { email: { in: emails } } });
  tracked.teamIds.clear();
  tracked.userIds.clear();
  tracked.emails.clear();
}

/** Creates a user with a unique lower-case email and an argon2id hash; returns the row plus the plain password. */
export async function createTestUser(overrides: { email?: string; name?: string; password?: string } = {}) {
  const suffix = randomHex();
  const email = (overrides.email ?? `user-${suffix}@test.pathwise.local`).toLowerCase();
  const password = overrides.password ?? `pw-${randomHex(8)}`;
  track({ email });
  const user = await db.user.create({
    data: { email, name: overrides.name ?? `Test User ${suffix}`, passwordHash: await hashPassword(password) },
  });
  track({ userId: user.id });
  return { ...user, password };
}

/** Creates a team with a unique slug `t-<hex>`; with ownerId, that user joins it with `role` (default OWNER). */
export async function createTestTeam({
  ownerId,
  role = "OWNER",
  name,
}: { ownerId?: string; role?: Role; name?: string } = {}) {
  const slug = `t-${randomHex()}`;
  const team = await db.team.create({ data: { name: name ?? `Team ${slug}`, slug } });
  track({ teamId: team.id });
  if (ownerId) await addMember({ teamId: team.id, userId: ownerId, role });
  return team;
}

/** Adds a user to a team with the given role; returns the membership. */
export function addMember({ teamId, userId, role }: { teamId: string; userId: string; role: Role }) {
  return db.membership.create({ data: { teamId, userId, role } });
}

/** A fresh, tracked email address that no user has. */
export function randomEmail(prefix = "invitee"): string {
  const email = `${prefix}-${randomHex()}@test.pathwise.local`;
  track({ email });
  return email;
}

/** Creates a pending invitation (7 days by default) straight in the database; returns the row plus the plain token. */
export async function createTestInvitation({
  teamId,
  email = randomEmail(),
  role = "MEMBER",
  invitedById,
  expiresAt = addDays(new Date(), 7),
}: {
  teamId: string;
  email?: string;
  role?: Role;
  invitedById?: string;
  expiresAt?: Date;
}) {
  const { token, tokenHash } = newToken();
  const invitation = await db.invitation.create({
    data: { teamId, email: email.toLowerCase(), role, tokenHash, invitedById, expiresAt },
  });
  return { ...invitation, token };
}

/** The AppError a promise rejected with; throws when it resolved or failed otherwise. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    (value: unknown) => ({ isRejected: false as const, value }),
    (error: unknown) => ({ isRejected: true as const, error }),
  );
  if (!outcome.isRejected)
    throw new Error(`Expected an AppError, but it resolved with ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof AppError)) throw outcome.error;
  return outcome.error;
}

/** Creates a plan in the team on the current catalog version; dates default to 2026-01-01 → 2026-12-31. */
export function createTestPlan({
  teamId,
  title,
  status = "ACTIVE",
  startDate = new Date("2026-01-01T00:00:00Z"),
  targetDate = new Date("2026-12-31T00:00:00Z"),
  createdById,
}: {
  teamId: string;
  title?: string;
  status?: PlanStatus;
  startDate?: Date;
  targetDate?: Date;
  createdById?: string;
}) {
  return db.plan.create({
    data: {
      teamId,
      title: title ?? `Plan ${randomHex()}`,
      status,
      startDate,
      targetDate,
      catalogVersion: CATALOG_VERSION,
      createdById,
    },
  });
}

/** Inserts the tasks into the plan in order, each with its dilemma links (weights); returns the created rows. */
export async function createTestTasks({
  teamId,
  planId,
  tasks,
}: {
  teamId: string;
  planId: string;
  tasks: readonly ProgressTask[];
}) {
  return db.$transaction(
    async (tx) => {
      const created = [];
      for (const [i, t] of tasks.entries()) {
        const links = Object.entries(t.weights).flatMap(([dilemmaCode, weight]) =>
          weight ? [{ dilemmaCode, weight }] : [],
        );
        created.push(
          await tx.task.create({
            data: {
              teamId,
              planId,
              title: `Task ${i + 1}`,
              areaCode: t.area,
              pathCode: t.path,
              status: t.status,
              progress: t.progress,
              sortOrder: i,
              dilemmas: { create: links },
            },
          }),
        );
      }
      return created;
    },
    { timeout: 30_000 },
  );
}

/** Runs a team operation as the user in the team with that slug (through the same guard as actions and the API), from a fresh IP. */
export function runAs<S extends z.ZodType, R>(
  operation: TeamOperation<S, R>,
  userId: string,
  teamSlug: string,
  input: z.input<S>,
): Promise<R> {
  return runOperation(operation, { userId, teamSlug, ip: randomIp() }, input);
}

/** Creates a user and adds them to the team with the role; returns both ids. */
export async function createTestMember({ teamId, role }: { teamId: string; role: Role }) {
  const user = await createTestUser();
  const membership = await addMember({ teamId, userId: user.id, role });
  return { userId: user.id, membershipId: membership.id };
}

/** Creates one custom task in the plan straight in the database; defaults: R1/P1, D1 weight 2, TODO at 0 %, no assignee, no due date. */
export function createTestTask({
  teamId,
  planId,
  title,
  areaCode = "R1",
  pathCode = "P1",
  weights = { D1: 2 },
  status = "TODO",
  progress = 0,
  priority = "MEDIUM",
  assigneeId = null,
  dueDate = null,
  createdById,
}: {
  teamId: string;
  planId: string;
  title?: string;
  areaCode?: AreaCode;
  pathCode?: PathCode;
  weights?: Partial<Record<DilemmaCode, number>>;
  status?: TaskStatus;
  progress?: number;
  priority?: Priority;
  assigneeId?: string | null;
  dueDate?: Date | null;
  createdById?: string;
}) {
  const links = Object.entries(weights).flatMap(([dilemmaCode, weight]) => (weight ? [{ dilemmaCode, weight }] : []));
  return db.task.create({
    data: {
      teamId,
      planId,
      title: title ?? `Task ${randomHex()}`,
      areaCode,
      pathCode,
      status,
      progress,
      priority,
      assigneeId,
      dueDate,
      createdById,
      completedAt: status === "DONE" ? new Date() : null,
      dilemmas: { create: links },
    },
  });
}

/** Every row of a team's plans, tasks, links, comments, followers, notifications and activity: for "nothing changed" assertions. */
export async function snapshotTeamData(teamId: string) {
  const [plans, tasks, links, comments, followers, notifications, events] = await Promise.all([
    db.plan.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.task.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.taskDilemma.findMany({ where: { teamId }, orderBy: [{ taskId: "asc" }, { dilemmaCode: "asc" }] }),
    db.comment.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.taskFollower.findMany({ where: { teamId }, orderBy: [{ taskId: "asc" }, { userId: "asc" }] }),
    db.notification.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.activityEvent.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
  ]);
  return { plans, tasks, links, comments, followers, notifications, events };
}

/** Creates an indicator of the plan straight in the database (default: custom D1, %, UP, 0 → 100) with optional readings. */
export async function createTestIndicator({
  teamId,
  planId,
  dilemmaCode = "D1",
  name,
  direction = "UP",
  baseline = 0,
  target = 100,
  readings = [],
}: {
  teamId: string;
  planId: string;
  dilemmaCode?: DilemmaCode;
  name?: string;
  direction?: "UP" | "DOWN";
  baseline?: number;
  target?: number;
  readings?: { value: number; recordedOn: string }[];
}) {
  const indicator = await db.indicator.create({
    data: {
      teamId,
      planId,
      dilemmaCode,
      name: name ?? `Indicator ${randomHex()}`,
      unit: "%",
      direction,
      baseline,
      target,
    },
  });
  await db.indicatorReading.createMany({
    data: readings.map((r) => ({
      teamId,
      indicatorId: indicator.id,
      value: r.value,
      recordedOn: new Date(`${r.recordedOn}T00:00:00Z`),
    })),
  });
  return indicator;
}
