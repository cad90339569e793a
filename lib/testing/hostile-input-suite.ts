// Hostile input never answers 5xx and never changes anything when refused: the
// corpus of lib/testing/hostile-corpus.ts goes into every field, query parameter
// and path id of every REST route (through the real route handlers) and into
// every field of every server action's operation (through runOperation, as
// teamAction runs it), and into the other data functions server actions call.
// The suite is registered in parts by lib/validation/hostile-input*.int.test.ts:
// the REST routes in shards, so that Vitest runs them side by side, each with its
// own fixture team (the checksum covers only the fixture's teams and users).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { apiRoutes } from "@/lib/api/routes";
import { addComment, deleteComment, editComment } from "@/lib/comments/comments";
import { db } from "@/lib/db";
import { addTaskDependency, removeTaskDependency } from "@/lib/dependencies/dependencies";
import { AppError } from "@/lib/errors";
import { addReading, createIndicator, deleteIndicator } from "@/lib/indicators/indicators";
import { acceptInvitation, getInvitationByToken } from "@/lib/invitations/accept-invitation";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { renewInvitation, revokeInvitation } from "@/lib/invitations/manage-invitation";
import { changeRole } from "@/lib/members/change-role";
import { leaveTeam, removeMember } from "@/lib/members/remove-member";
import { markRead } from "@/lib/notifications/notifications";
import { addTemplates } from "@/lib/plans/add-templates";
import { createPlan } from "@/lib/plans/create-plan";
import { deletePlan, duplicatePlan, setPlanStatus } from "@/lib/plans/plan-lifecycle";
import { updatePlan } from "@/lib/plans/update-plan";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import { exportPlanProgress, exportPlanTasks } from "@/lib/reports/export-plan";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { createTask } from "@/lib/tasks/create-task";
import { patchTask, setTaskStatus, updateTask } from "@/lib/tasks/update-task";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { updateTeam } from "@/lib/teams/update-team";
import { takeDiagnostic } from "@/lib/diagnostic/diagnostic";
import { diagnosticStatements } from "@/lib/diagnostic/statements";
import { heartbeatPresence } from "@/lib/live/presence";
import { setFollow } from "@/lib/notifications/follow";
import { CLIENT_IP_HEADER } from "@/lib/ops/client-address.cjs";
import { createTestApiToken, loadRouteModule } from "@/lib/testing/api-client";
import {
  createTestIndicator,
  createTestInvitation,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  cleanupTestData,
  randomEmail,
  randomIp,
  track,
} from "@/lib/testing/factories";
import {
  HOSTILE_VALUES,
  HOSTILE_WHOLE_INPUTS,
  JSON_HOSTILE_VALUES,
  asText,
  RAW_BODIES,
  type HostileValue,
  type RawBody,
} from "@/lib/testing/hostile-corpus";
import { createUser } from "@/lib/users/create-user";
import {
  createWebhook,
  deleteWebhook,
  pingWebhook,
  redeliverWebhook,
  rollWebhookSecret,
  setWebhookEnabled,
  updateWebhook,
} from "@/lib/webhooks/webhooks";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { changePassword, updateProfile } from "@/lib/users/update-profile";
import { createSavedView, deleteSavedView, renameSavedView } from "@/lib/views/saved-views";

// ── Fixture ───────────────────────────────────────────────────────────────────

type Fixture = {
  owner: { id: string; email: string; password: string };
  team: { id: string };
  other: { id: string };
  plan: { id: string; title: string };
  archived: { id: string };
  task: { id: string };
  secondTask: { id: string };
  otherTask: { id: string };
  indicator: { id: string };
  readingId: string;
  comment: { id: string };
  member: { userId: string; membershipId: string };
  invitation: { id: string; token: string };
  apiToken: { id: string };
  webhook: { id: string };
  webhookDeliveryId: string;
  savedView: { id: string };
  teamIds: string[];
  userIds: string[];
  emails: string[];
};

let f: Fixture;
const createdTeamIds = new Set<string>();

async function setUpFixture() {
  const owner = await createTestUser();
  const team = await createTestTeam({ ownerId: owner.id, name: "Hostile input team" });
  const otherOwner = await createTestUser();
  const other = await createTestTeam({ ownerId: otherOwner.id });
  const plan = await createTestPlan({ teamId: team.id, createdById: owner.id });
  const archived = await createTestPlan({ teamId: team.id, status: "ARCHIVED" });
  const otherPlan = await createTestPlan({ teamId: other.id });
  const task = await createTestTask({ teamId: team.id, planId: plan.id, createdById: owner.id });
  const secondTask = await createTestTask({ teamId: team.id, planId: plan.id, title: "Second task" });
  // A link to remove: f.task waits for the second task.
  await db.taskDependency.create({
    data: { teamId: team.id, planId: plan.id, blockerId: secondTask.id, blockedId: task.id },
  });
  const otherTask = await createTestTask({ teamId: other.id, planId: otherPlan.id });
  const indicator = await createTestIndicator({
    teamId: team.id,
    planId: plan.id,
    readings: [{ value: 5, recordedOn: "2026-02-01" }],
  });
  const { id: readingId } = await db.indicatorReading.findFirstOrThrow({
    where: { indicatorId: indicator.id },
    select: { id: true },
  });
  const comment = await db.comment.create({
    data: { teamId: team.id, taskId: task.id, authorId: owner.id, body: "First comment" },
  });
  const member = await createTestMember({ teamId: team.id, role: "MEMBER" });
  const invitation = await createTestInvitation({ teamId: team.id, invitedById: owner.id });
  const apiToken = await createTestApiToken({ teamId: team.id, userId: member.userId, roleCeiling: "MEMBER" });
  const memberEmail = (await db.user.findUniqueOrThrow({ where: { id: member.userId } })).email;
  const webhook = await db.webhookEndpoint.create({
    data: {
      teamId: team.id,
      url: "https://hooks.example.com/pathwise",
      secret: "whsec_test",
      eventTypes: ["task.updated"],
    },
    select: { id: true },
  });
  const event = await db.activityEvent.create({
    data: { teamId: team.id, kind: "task.updated", entityType: "task", entityId: task.id, taskId: task.id },
  });
  const { id: webhookDeliveryId } = await db.webhookDelivery.create({
    data: {
      teamId: team.id,
      endpointId: webhook.id,
      eventId: event.id,
      eventType: event.kind,
      status: "FAILED",
      retryUntil: event.createdAt,
    },
  });
  const savedView = await db.savedView.create({
    data: {
      teamId: team.id,
      planId: plan.id,
      userId: owner.id,
      name: "Security board",
      query: "view=board",
      shared: true,
    },
    select: { id: true },
  });
  f = {
    savedView,
    webhook,
    webhookDeliveryId,
    readingId,
    owner,
    team,
    other,
    plan,
    archived,
    task,
    secondTask,
    otherTask,
    indicator,
    comment,
    member,
    invitation,
    apiToken,
    teamIds: [team.id, other.id],
    userIds: [owner.id, otherOwner.id, member.userId],
    emails: [owner.email, otherOwner.email, memberEmail, invitation.email],
  };
}

async function tearDownFixture() {
  await db.team.deleteMany({ where: { id: { in: [...createdTeamIds] } } });
  await cleanupTestData();
}

// ── "Nothing changed": a fingerprint of every row the fixture's teams and users own ──

type TableColumns = { table: string; columns: string[] };
type Fingerprints = { scoped: string; reference: string };
let fingerprintSql: Fingerprints | undefined;

// Every table of the schema, found at run time (a new table is covered without a
// change here). Rows are scoped to the fixture's teams and users, because other
// test files write to the same database at the same time: a table with teamId by
// those teams (plus rows whose actor, author or user is one of the users), Team
// and User by id, a table with userId or email by those. Tables with none of
// these columns (the catalog's reference data) are fingerprinted whole, before
// and after the corpus; the local mailbox by its recipients. Left out: the API's
// rate-limit counters and a token's lastUsedAt, which count every request, refused
// or not, by design, the backup job's runs (no request writes them), and the plan
// rollups, derived from Task and TaskDilemma (fingerprinted) by triggers, whose rows a
// rebuild elsewhere (npm run db:rollups) rewrites without changing what they sum.
async function buildFingerprintSql(): Promise<Fingerprints> {
  const rows = await db.$queryRaw<TableColumns[]>`
    SELECT table_name::text AS "table", array_agg(column_name::text ORDER BY ordinal_position) AS columns
      FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name NOT IN ('_prisma_migrations', 'ApiRateLimit', 'BackupRun', 'PlanRollup')
     GROUP BY table_name ORDER BY table_name::text`;
  expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining(["Task", "Plan", "ActivityEvent", "User"]));
  const scoped: string[] = [];
  const reference: string[] = [];
  for (const { table, columns } of rows) {
    const has = (c: string) => columns.includes(c);
    const scope: string[] = [];
    if (has("teamId")) scope.push(`"teamId" = ANY($1::text[])`);
    if (table === "Team") scope.push(`"id" = ANY($1::text[])`);
    if (table === "User") scope.push(`"id" = ANY($2::text[])`);
    for (const c of ["userId", "actorId", "authorId", "createdById", "invitedById"])
      if (has(c)) scope.push(`"${c}" = ANY($2::text[])`);
    if (has("email")) scope.push(`"email" = ANY($3::text[])`);
    if (table === "MailboxMessage") scope.push(`"to" = ANY($3::text[])`);
    const row = `ROW(${columns
      .filter((c) => c !== "lastUsedAt")
      .map((c) => `r."${c}"`)
      .join(", ")})::text`;
    const where = scope.length ? `WHERE ${scope.join(" OR ")}` : "";
    const sql = `SELECT '${table}:' || count(*) || ':' || coalesce(sum(hashtextextended(${row}, 0)), 0) AS line FROM "${table}" r ${where}`;
    (scope.length ? scoped : reference).push(sql);
  }
  return { scoped: scoped.join("\nUNION ALL\n"), reference: reference.join("\nUNION ALL\n") };
}

async function fingerprint(kind: keyof Fingerprints): Promise<string> {
  fingerprintSql ??= await buildFingerprintSql();
  const args = kind === "scoped" ? [[...f.teamIds, ...createdTeamIds], f.userIds, f.emails] : [];
  const rows = await db.$queryRawUnsafe<{ line: string }[]>(fingerprintSql[kind], ...args);
  return rows.map((r) => r.line).join("\n");
}

/** One line per table of the fixture's scope: its name, row count and a hash of its rows. */
const checksum = () => fingerprint("scoped");

/** The tables whose lines differ between two checksums (for a readable failure). */
function changedTables(before: string, after: string): string[] {
  const a = new Set(after.split("\n"));
  return before.split("\n").filter((line) => !a.has(line));
}

// ── Helpers ───────────────────────────────────────────────────────────────────

/** A copy of `base` with `value` at the dotted path (undefined removes it); "a.0" indexes arrays. */
function withValue(base: unknown, dotted: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = dotted.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node[key] = next && typeof next === "object" ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1) ?? "";
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const taskVersions = new Map<string, number>();

/** A task's version now (kept until a case is accepted, since only accepted cases change it). */
async function currentTaskVersion(taskId: string): Promise<number> {
  const cached = taskVersions.get(taskId);
  if (cached !== undefined) return cached;
  const version = (await db.task.findUnique({ where: { id: taskId }, select: { version: true } }))?.version ?? 1;
  taskVersions.set(taskId, version);
  return version;
}

async function currentPlanVersion(planId: string): Promise<number> {
  return (await db.plan.findUnique({ where: { id: planId }, select: { version: true } }))?.version ?? 1;
}

let slug: string | undefined;

/** The fixture team's slug (the updateTeam cases may change it). */
async function teamSlug(): Promise<string> {
  slug ??= (await db.team.findUniqueOrThrow({ where: { id: f.team.id }, select: { slug: true } })).slug;
  return slug;
}

type Outcome = { status: number; label: string; detail?: string };

const failures: string[] = [];

/**
 * The first transaction id not yet handed out. PostgreSQL gives every writing
 * transaction (committed or rolled back) an id, so while it stays put nothing in
 * the whole database was written, and the checksum need not be recomputed.
 */
async function writeMark(): Promise<string> {
  const [row] = await db.$queryRaw<{ mark: string }[]>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS mark`;
  return row?.mark ?? "";
}

let baseline: { mark: string; sum: string } | undefined;

/** The checksum now: the baseline's when no transaction wrote since it was taken, else recomputed. */
async function currentState(): Promise<{ mark: string; sum: string }> {
  const mark = await writeMark();
  if (baseline && mark === baseline.mark) return baseline;
  return { mark, sum: await checksum() };
}

/** Runs a case; a 5xx answer or any error thrown (other than a refusal the case maps to 4xx) is a failure. */
async function runCase(label: string, run: () => Promise<Outcome>): Promise<Outcome> {
  let outcome: Outcome;
  try {
    outcome = await run();
  } catch (error) {
    failures.push(`${label}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    taskVersions.clear();
    return { status: 599, label };
  }
  if (outcome.status >= 500) failures.push(`${label}: answered ${outcome.status} ${outcome.detail ?? ""}`);
  if (outcome.status < 400) taskVersions.clear();
  return outcome;
}

/** Runs one case: a refused one (4xx, AppError) must leave the checksum exactly as it was before it. */
async function check(label: string, run: () => Promise<Outcome>): Promise<Outcome> {
  baseline ??= await currentState();
  const outcome = await runCase(label, run);
  const after = await currentState();
  if (outcome.status >= 400 && after.sum !== baseline.sum)
    failures.push(
      `${label}: refused (${outcome.status}) but changed ${changedTables(baseline.sum, after.sum).join(", ")}`,
    );
  baseline = after;
  return outcome;
}

type Case = { label: string; run: () => Promise<Outcome> };

/**
 * Runs cases group by group (one field of one route or operation: the label up to
 * " = " or ": "). A group whose cases were all refused must leave the checksum as
 * it found it; in a group where some case was accepted (and so changed rows),
 * each refused case is run again on its own and checked on its own.
 */
async function checkAll(cases: readonly Case[]): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const key = c.label.replace(/( = |: )[\s\S]*$/, "");
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, group] of groups) {
    const start = await currentState();
    baseline = start;
    const refused: Case[] = [];
    for (const c of group) {
      const outcome = await runCase(c.label, c.run);
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      if (outcome.status >= 400) refused.push(c);
    }
    const end = await currentState();
    baseline = end;
    if (refused.length === group.length) {
      if (end.sum !== start.sum)
        failures.push(`${key}: refused cases changed ${changedTables(start.sum, end.sum).join(", ")}`);
    } else {
      for (const c of refused) await check(c.label, c.run);
    }
  }
  return statuses;
}

// ── REST API ──────────────────────────────────────────────────────────────────

type RouteName = keyof typeof apiRoutes;

type RestRequest = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: { json: unknown } | { raw: RawBody; valid: string };
};

const tokens: string[] = [];
let calls = 0;

/** A token of the owner for the next call: a fresh one every 400 calls keeps the per-token rate limit out of the way. */
function nextToken(): string {
  const token = tokens[Math.floor(calls++ / 400)];
  if (!token) throw new Error("Not enough API tokens for the corpus");
  return token;
}

/** Calls the real route handler of `route` with the request, as Next.js would (path params passed as decoded). */
async function callRoute(name: RouteName, request: RestRequest) {
  const route = apiRoutes[name];
  const url = new URL(`http://localhost:3000${route.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  const handler = (await loadRouteModule(route.path))[route.method];
  if (!handler) throw new Error(`${route.path} has no ${route.method} handler`);
  const headers = new Headers({ [CLIENT_IP_HEADER]: randomIp(), authorization: `Bearer ${nextToken()}` });
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (request.body && "json" in request.body) {
    body = JSON.stringify(request.body.json);
    if (body !== undefined) headers.set("content-type", "application/json");
  } else if (request.body) {
    body = request.body.raw.body(request.body.valid);
    const type = request.body.raw.contentType;
    if (type !== null) headers.set("content-type", type ?? "application/json");
  }
  const response = await handler(new Request(url, { method: route.method, headers, body }), {
    params: Promise.resolve(request.params ?? {}),
  });
  const text = await response.text();
  return { status: response.status, text };
}

type RouteSpec = {
  params?: () => Record<string, string>;
  query?: () => Record<string, string>;
  body?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Dotted body paths to put each hostile value in (besides every top-level field). */
  nested?: string[];
};

const routeSpecs: Record<RouteName, RouteSpec> = {
  listPlans: {},
  getCatalog: {},
  getMe: {},
  listMembers: {},
  listEvents: { query: () => ({ after: "1", types: "task.updated,comment.created", limit: "10" }) },
  addTemplates: {
    params: () => ({ planId: f.plan.id }),
    body: () => ({ templateKeys: ["R3.1"], allowDuplicates: false }),
  },
  duplicatePlan: { params: () => ({ planId: f.plan.id }) },
  updatePlan: {
    params: () => ({ planId: f.plan.id }),
    body: async () => ({
      version: (await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } })).version,
      title: "Edited plan",
      startDate: "2026-01-01",
    }),
  },
  deletePlan: { params: () => ({ planId: f.archived.id }) },
  setPlanStatus: { params: () => ({ planId: f.plan.id }), body: () => ({ status: "ACTIVE" }) },
  bulkTasks: {
    body: () => ({ action: "status", taskIds: [f.task.id], status: "IN_PROGRESS" }),
    nested: ["taskIds.0"],
  },
  deleteTask: { params: () => ({ taskId: f.otherTask.id }) },
  addTaskDependency: { params: () => ({ taskId: f.secondTask.id }), body: () => ({ blockerId: f.task.id }) },
  deleteTaskDependency: { params: () => ({ taskId: f.task.id, blockerId: "not-a-blocker" }) },
  listComments: { params: () => ({ taskId: f.task.id }) },
  addComment: { params: () => ({ taskId: f.task.id }), body: () => ({ body: "Hostile comment" }) },
  getComment: { params: () => ({ commentId: f.comment.id }) },
  editComment: { params: () => ({ commentId: f.comment.id }), body: () => ({ body: "Edited comment" }) },
  deleteComment: { params: () => ({ commentId: "not-a-comment" }) },
  listIndicators: { params: () => ({ planId: f.plan.id }) },
  createIndicator: {
    params: () => ({ planId: f.plan.id }),
    body: () => ({ dilemmaCode: "D1", name: "Hostile indicator", unit: "%", direction: "UP", baseline: 1, target: 2 }),
  },
  getIndicator: { params: () => ({ indicatorId: f.indicator.id }) },
  updateIndicator: { params: () => ({ indicatorId: f.indicator.id }), body: () => ({ name: "Edited", target: 50 }) },
  deleteIndicator: { params: () => ({ indicatorId: "not-an-indicator" }) },
  listReadings: { params: () => ({ indicatorId: f.indicator.id }) },
  correctReading: {
    params: () => ({ indicatorId: f.indicator.id, readingId: f.readingId }),
    body: () => ({ value: 6, note: "corrected" }),
  },
  deleteReading: { params: () => ({ indicatorId: f.indicator.id, readingId: "not-a-reading" }) },
  getPlan: { params: () => ({ planId: f.plan.id }) },
  getTask: { params: () => ({ taskId: f.task.id }) },
  getProgress: { params: () => ({ planId: f.plan.id }), query: () => ({ at: "2026-06-01" }) },
  listTasks: {
    params: () => ({ planId: f.plan.id }),
    query: () => ({
      area: "R1",
      dilemma: "D1",
      path: "P1",
      status: "TODO",
      priority: "MEDIUM",
      assignee: "me",
      overdue: "0",
      q: "task",
      limit: "10",
    }),
  },
  createPlan: {
    body: () => ({
      title: "Hostile plan",
      description: "Made by the corpus",
      startDate: "2026-01-01",
      targetDate: "2026-12-31",
      status: "DRAFT",
      templates: ["R1.1"],
      defaultAssignees: { R1: f.owner.id },
    }),
    nested: ["templates.0", "defaultAssignees.R1", "areas.0"],
  },
  createTask: {
    params: () => ({ planId: f.plan.id }),
    body: () => ({
      title: "Hostile task",
      description: "Made by the corpus",
      areaCode: "R1",
      pathCode: "P1",
      dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
      priority: "HIGH",
      status: "TODO",
      assigneeId: f.owner.id,
      startDate: "2026-03-01",
      dueDate: "2026-06-30",
      progress: 10,
    }),
    nested: ["dilemmas.0.weight", "dilemmas.0.dilemmaCode"],
  },
  updateTask: {
    params: () => ({ taskId: f.task.id }),
    body: async () => ({
      version: await currentTaskVersion(f.task.id),
      title: "Edited task",
      description: "Edited",
      areaCode: "R2",
      pathCode: "P2",
      dilemmas: [{ dilemmaCode: "D2", weight: 1 }],
      priority: "LOW",
      status: "IN_PROGRESS",
      assigneeId: f.owner.id,
      dueDate: "2026-07-01",
      progress: 20,
    }),
    nested: ["dilemmas.0.weight"],
  },
  getReading: { params: () => ({ indicatorId: f.indicator.id, readingId: f.readingId }) },
  addReading: {
    params: () => ({ indicatorId: f.indicator.id }),
    body: () => ({ value: 12.5, recordedOn: "2026-03-01", note: "Q1 figure" }),
  },
};

type RestCase = { label: string; name: RouteName; request: () => Promise<RestRequest> };

/** Every hostile case of one route: each value in each path id, query parameter (plus an unknown one) and body field; whole bodies; raw bodies. */
async function restCases(name: RouteName): Promise<RestCase[]> {
  const spec = routeSpecs[name];
  const route = apiRoutes[name];
  const base = async (): Promise<RestRequest> => ({
    params: spec.params?.(),
    query: spec.query?.(),
    body: spec.body ? { json: await spec.body() } : undefined,
  });
  const cases: RestCase[] = [];
  const texts = new Map<string, HostileValue>();
  for (const v of HOSTILE_VALUES) if (v.value !== undefined) texts.set(asText(v.value), v);
  for (const key of Object.keys(spec.params?.() ?? {})) {
    for (const [text, v] of texts)
      cases.push({
        label: `${name} path ${key} = ${v.name}`,
        name,
        request: async () => ({ ...(await base()), params: { ...spec.params?.(), [key]: text } }),
      });
  }
  for (const key of [...Object.keys(spec.query?.() ?? {}), "unknownParameter"]) {
    for (const [text, v] of texts)
      cases.push({
        label: `${name} query ${key} = ${v.name}`,
        name,
        request: async () => ({ ...(await base()), query: { ...spec.query?.(), [key]: text } }),
      });
  }
  if (name === "listTasks")
    for (const v of JSON_HOSTILE_VALUES)
      cases.push({
        label: `${name} cursor after = ${v.name}`,
        name,
        request: async () => ({
          ...(await base()),
          query: { cursor: Buffer.from(JSON.stringify({ after: v.value })).toString("base64url") },
        }),
      });
  if (spec.body) {
    const bodyFields = [...Object.keys(await spec.body()), ...(spec.nested ?? [])];
    for (const field of bodyFields)
      for (const v of JSON_HOSTILE_VALUES)
        cases.push({
          label: `${name} body ${field} = ${v.name}`,
          name,
          request: async () => {
            const request = await base();
            const json = request.body && "json" in request.body ? request.body.json : {};
            return { ...request, body: { json: withValue(json, field, v.value) } };
          },
        });
    for (const v of HOSTILE_WHOLE_INPUTS.filter((w) => w.isJson !== false))
      cases.push({
        label: `${name} whole body = ${v.name}`,
        name,
        request: async () => ({ ...(await base()), body: { json: v.value } }),
      });
    for (const raw of RAW_BODIES)
      cases.push({
        label: `${name} raw body: ${raw.name}`,
        name,
        request: async () => {
          const request = await base();
          const valid = JSON.stringify(request.body && "json" in request.body ? request.body.json : {});
          return { ...request, body: { raw, valid } };
        },
      });
  } else if (route.method !== "GET" && route.method !== "DELETE" && route.body) {
    throw new Error(`${name}: a write route with a body needs a body spec`);
  }
  return cases;
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/**
 * The routes of one shard: routes sorted by their number of cases (reads, which run
 * four at a time, count a quarter), each given to the shard with the fewest so far.
 */
function routesOfShard(cases: readonly RestCase[], shard: RestShard): Set<RouteName> {
  const weight = new Map<RouteName, number>();
  for (const c of cases)
    weight.set(c.name, (weight.get(c.name) ?? 0) + (apiRoutes[c.name].method === "GET" ? 0.25 : 1));
  const load = Array.from({ length: shard.of }, () => 0);
  const mine = new Set<RouteName>();
  const names = [...weight.keys()].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || a.localeCompare(b));
  for (const name of names) {
    const least = load.indexOf(Math.min(...load));
    load[least] = (load[least] ?? 0) + (weight.get(name) ?? 0);
    if (least === shard.index - 1) mine.add(name);
  }
  return mine;
}

export type RestShard = { index: number; of: number };

function restSuite(shard: RestShard) {
  describe(`hostile input over the REST routes under /api/v1, shard ${shard.index} of ${shard.of}`, () => {
    it("the corpus covers every route, each in one shard", async () => {
      const names = Object.keys(apiRoutes) as RouteName[];
      const cases = (await Promise.all(names.map(restCases))).flat();
      expect(cases.length).toBeGreaterThan(2000);
      const shards = Array.from({ length: shard.of }, (_, i) => routesOfShard(cases, { index: i + 1, of: shard.of }));
      for (const name of names)
        expect(
          shards.filter((s) => s.has(name)),
          name,
        ).toHaveLength(1);
    });

    // The shard's routes × the whole corpus, each case checked against the database: minutes on two cores.
    it("never answers 5xx, and a refused request changes nothing", { timeout: 900_000 }, async () => {
      failures.length = 0;
      const all = (await Promise.all((Object.keys(apiRoutes) as RouteName[]).map(restCases))).flat();
      const mine = routesOfShard(all, shard);
      const names = [...mine];
      const cases = all.filter((c) => mine.has(c.name));
      // Refused cases of a group with an accepted one run twice: tokens for twice the calls.
      for (let i = 0; i < Math.ceil((2 * cases.length) / 400) + 2; i++)
        tokens.push((await createTestApiToken({ teamId: f.team.id, userId: f.owner.id, roleCeiling: "OWNER" })).token);
      const statuses = new Map<number, number>();
      const send = async (c: RestCase): Promise<Outcome> => {
        const response = await callRoute(c.name, await c.request());
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        return { status: response.status, label: c.label, detail: response.text.slice(0, 300) };
      };
      for (const name of names) {
        const own = cases.filter((c) => c.name === name);
        if (apiRoutes[name].method === "GET") {
          // Reads run side by side; whatever they are sent, together they change nothing.
          const before = await checksum();
          await inParallel(own, 4, async (c) => {
            const outcome = await send(c).catch((error: unknown) => ({
              status: 599,
              label: c.label,
              detail: String(error),
            }));
            if (outcome.status >= 500) failures.push(`${c.label}: ${outcome.status} ${outcome.detail ?? ""}`);
          });
          const after = await checksum();
          if (after !== before) failures.push(`${name}: reads changed ${changedTables(before, after).join(", ")}`);
          baseline = undefined;
        } else {
          await checkAll(own.map((c) => ({ label: c.label, run: () => send(c) })));
        }
      }
      expect(failures).toEqual([]);
      expect(cases.length).toBeGreaterThan(0);
      // The corpus reaches the handlers: accepted and refused answers both occur.
      expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
      expect(statuses.get(422)).toBeGreaterThan(0);
    });
  });
}

// ── Server actions ────────────────────────────────────────────────────────────

type AnyOperation = TeamOperation<z.ZodType, unknown>;
type OperationSpec = {
  operation: AnyOperation;
  input: () => Promise<Record<string, unknown>> | Record<string, unknown>;
};

const op = <S extends z.ZodType, R>(
  operation: TeamOperation<S, R>,
  input: () => Promise<Record<string, unknown>> | Record<string, unknown>,
): OperationSpec => ({ operation: operation as unknown as AnyOperation, input });

// Every operation a server action (lib/*/actions.ts) or a session route runs, with a
// valid input the corpus then spoils one field at a time. Inputs that would succeed
// as they stand are never run whole (deleting the team would end the corpus).
const operationSpecs: Record<string, OperationSpec> = {
  createApiToken: op(createApiToken, () => ({ name: "CI token", expiresInDays: 30 })),
  revokeApiToken: op(revokeApiToken, () => ({ tokenId: f.apiToken.id })),
  createWebhook: op(createWebhook, () => ({
    url: "https://hooks.example.com/pathwise",
    eventTypes: ["task.updated", "comment.created"],
  })),
  updateWebhook: op(updateWebhook, async () => ({
    endpointId: f.webhook.id,
    version:
      (await db.webhookEndpoint.findUnique({ where: { id: f.webhook.id }, select: { version: true } }))?.version ?? 1,
    url: "https://hooks.example.com/pathwise-edited",
    eventTypes: ["task.updated"],
    description: "CI receiver",
  })),
  pingWebhook: op(pingWebhook, () => ({ endpointId: f.webhook.id })),
  rollWebhookSecret: op(rollWebhookSecret, () => ({ endpointId: f.webhook.id })),
  setWebhookEnabled: op(setWebhookEnabled, () => ({ endpointId: f.webhook.id, enabled: false })),
  deleteWebhook: op(deleteWebhook, () => ({ endpointId: f.webhook.id })),
  redeliverWebhook: op(redeliverWebhook, () => ({ deliveryId: f.webhookDeliveryId })),
  createSavedView: op(createSavedView, () => ({
    planId: f.plan.id,
    name: "My board",
    query: "view=board&lanes=dilemma&dilemma=D3",
    shared: false,
  })),
  renameSavedView: op(renameSavedView, () => ({ viewId: f.savedView.id, name: "Renamed board" })),
  deleteSavedView: op(deleteSavedView, () => ({ viewId: f.savedView.id })),
  createIndicator: op(createIndicator, () => ({
    planId: f.plan.id,
    dilemmaCode: "D1",
    suggestedKey: "",
    name: "Incidents",
    unit: "count",
    direction: "DOWN",
    baseline: "10",
    target: "2",
    targetDate: "2026-12-31",
  })),
  addReading: op(addReading, () => ({ indicatorId: f.indicator.id, value: "7.5", recordedOn: "2026-03-01", note: "" })),
  deleteIndicator: op(deleteIndicator, () => ({ indicatorId: f.indicator.id })),
  createInvitation: op(createInvitation, () => ({ email: randomEmail(), role: "MEMBER" })),
  renewInvitation: op(renewInvitation, () => ({ invitationId: f.invitation.id })),
  revokeInvitation: op(revokeInvitation, () => ({ invitationId: f.invitation.id })),
  changeRole: op(changeRole, () => ({ membershipId: f.member.membershipId, role: "ADMIN" })),
  removeMember: op(removeMember, () => ({ membershipId: f.member.membershipId })),
  leaveTeam: op(leaveTeam, () => ({})),
  createPlan: op(createPlan, () => ({
    title: "Wizard plan",
    description: "",
    startDate: "2026-01-01",
    targetDate: "2026-12-31",
    templateKeys: ["R1.1"],
    defaultAssignees: { R1: f.owner.id },
    status: "DRAFT",
  })),
  updatePlan: op(updatePlan, async () => ({
    planId: f.plan.id,
    version: await currentPlanVersion(f.plan.id),
    title: f.plan.title,
    description: "Updated",
    startDate: "2026-01-01",
    targetDate: "2026-12-31",
  })),
  setPlanStatus: op(setPlanStatus, () => ({ planId: f.archived.id, status: "ACTIVE" })),
  duplicatePlan: op(duplicatePlan, () => ({ planId: f.plan.id })),
  deletePlan: op(deletePlan, () => ({ planId: f.plan.id, confirmTitle: f.plan.title })),
  addTemplates: op(addTemplates, () => ({ planId: f.plan.id, templateKeys: ["R2.1"], allowDuplicates: false })),
  createTask: op(createTask, () => ({
    planId: f.plan.id,
    title: "Action task",
    description: "",
    areaCode: "R1",
    pathCode: "P1",
    dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
    priority: "MEDIUM",
    status: "TODO",
    assigneeId: f.owner.id,
    dueDate: "2026-05-01",
    progress: 0,
  })),
  updateTask: op(updateTask, async () => ({
    taskId: f.task.id,
    version: await currentTaskVersion(f.task.id),
    title: "Action edit",
    description: "",
    areaCode: "R1",
    pathCode: "P1",
    dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
    priority: "MEDIUM",
    status: "TODO",
    assigneeId: null,
    startDate: "2026-02-01",
    dueDate: "",
    progress: 0,
  })),
  patchTask: op(patchTask, async () => ({
    taskId: f.task.id,
    version: await currentTaskVersion(f.task.id),
    title: "Autosaved title",
    dilemmas: [{ dilemmaCode: "D2", weight: 3 }],
    assigneeId: f.owner.id,
    dueDate: "2026-07-01",
  })),
  setTaskStatus: op(setTaskStatus, async () => ({
    taskId: f.task.id,
    version: await currentTaskVersion(f.task.id),
    status: "BLOCKED",
  })),
  bulkTasks: op(bulkTasks, () => ({ action: "assign", taskIds: [f.task.id], assigneeId: f.owner.id })),
  bulkTasksDueDate: op(bulkTasks, () => ({ action: "dueDate", taskIds: [f.task.id], dueDate: "2026-08-01" })),
  bulkTasksStatus: op(bulkTasks, () => ({ action: "status", taskIds: [f.task.id], status: "TODO" })),
  // The reverse of the fixture's link: valid input, refused as a cycle when run whole.
  addTaskDependency: op(addTaskDependency, () => ({ taskId: f.secondTask.id, blockerId: f.task.id })),
  removeTaskDependency: op(removeTaskDependency, () => ({ taskId: f.task.id, blockerId: f.secondTask.id })),
  addComment: op(addComment, () => ({ taskId: f.task.id, body: "A comment" })),
  editComment: op(editComment, () => ({ commentId: f.comment.id, body: "Edited comment" })),
  deleteComment: op(deleteComment, () => ({ commentId: f.comment.id })),
  updateTeam: op(updateTeam, async () => ({ name: "Hostile input team", slug: await teamSlug() })),
  deleteTeam: op(deleteTeam, () => ({ confirmName: "Hostile input team" })),
  heartbeatPresence: op(heartbeatPresence, () => ({ scope: `task:${f.task.id}`, editing: true, leave: false })),
  setFollow: op(setFollow, () => ({ target: "task", id: f.task.id, follow: true })),
  takeDiagnostic: op(takeDiagnostic, () => ({
    answers: Object.fromEntries(diagnosticStatements.map((s) => [s.key, 3])),
  })),
  getPlanProgress: op(getPlanProgress, () => ({ planId: f.plan.id, at: "2026-06-01" })),
  exportPlanTasks: op(exportPlanTasks, () => ({ planId: f.plan.id, locale: "en" })),
  exportPlanProgress: op(exportPlanProgress, () => ({ planId: f.plan.id, locale: "zh-CN" })),
};

/** The names passed to teamAction(...) in every lib/* /actions.ts: each must have a spec above. */
function operationsOfServerActions(): string[] {
  const lib = path.resolve(process.cwd(), "lib");
  return fs
    .readdirSync(lib)
    .map((dir) => path.join(lib, dir, "actions.ts"))
    .filter((file) => fs.existsSync(file))
    .flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/teamAction\((\w+)\)/g)].map((m) => m[1] ?? ""));
}

type ActionCase = { label: string; run: () => Promise<unknown> };

/** Each hostile value in each field (and nested path) of an input, and whole hostile inputs. */
async function inputCases(
  label: string,
  base: () => Promise<Record<string, unknown>> | Record<string, unknown>,
  call: (input: unknown) => Promise<unknown>,
  nested: string[] = [],
): Promise<ActionCase[]> {
  const cases: ActionCase[] = [];
  for (const field of [...Object.keys(await base()), ...nested])
    for (const v of HOSTILE_VALUES)
      cases.push({
        label: `${label} ${field} = ${v.name}`,
        run: async () => call(withValue(await base(), field, v.value)),
      });
  for (const v of HOSTILE_WHOLE_INPUTS)
    cases.push({ label: `${label} whole input = ${v.name}`, run: () => call(v.value) });
  return cases;
}

const NESTED: Record<string, string[]> = {
  createPlan: ["templateKeys.0", "defaultAssignees.R1"],
  createTask: ["dilemmas.0.weight", "dilemmas.0.dilemmaCode"],
  updateTask: ["dilemmas.0.weight"],
  patchTask: ["dilemmas.0.weight", "dilemmas.0.dilemmaCode"],
  bulkTasks: ["taskIds.0"],
  createWebhook: ["eventTypes.0"],
  updateWebhook: ["eventTypes.0"],
};

async function runActionCases(cases: ActionCase[]) {
  await checkAll(
    cases.map((c) => ({
      label: c.label,
      run: async () => {
        try {
          await c.run();
          return { status: 200, label: c.label };
        } catch (error) {
          if (error instanceof AppError) return { status: 400, label: c.label };
          throw error;
        }
      },
    })),
  );
}

function actionsSuite() {
  describe("hostile input over every server action", () => {
    it("covers every operation a server action runs", () => {
      const names = operationsOfServerActions();
      expect(names.length).toBeGreaterThan(20);
      const covered = new Set(Object.values(operationSpecs).map((s) => s.operation));
      const modules: Record<string, unknown> = {
        createApiToken,
        revokeApiToken,
        createWebhook,
        updateWebhook,
        pingWebhook,
        rollWebhookSecret,
        setWebhookEnabled,
        deleteWebhook,
        redeliverWebhook,
        createSavedView,
        renameSavedView,
        deleteSavedView,
        createIndicator,
        addReading,
        deleteIndicator,
        createInvitation,
        renewInvitation,
        revokeInvitation,
        changeRole,
        removeMember,
        leaveTeam,
        createPlan,
        updatePlan,
        setPlanStatus,
        duplicatePlan,
        deletePlan,
        addTemplates,
        createTask,
        updateTask,
        patchTask,
        setTaskStatus,
        bulkTasks,
        addTaskDependency,
        removeTaskDependency,
        addComment,
        editComment,
        deleteComment,
        updateTeam,
        deleteTeam,
        heartbeatPresence,
        setFollow,
        takeDiagnostic,
      };
      for (const name of names) {
        expect(modules[name], `${name} is imported here`).toBeDefined();
        expect(covered.has(modules[name] as AnyOperation), `${name} has a spec`).toBe(true);
      }
    });

    it(
      "every operation: no error but AppError, and a refused input changes nothing",
      { timeout: 600_000 },
      async () => {
        failures.length = 0;
        const cases: ActionCase[] = [];
        for (const [name, spec] of Object.entries(operationSpecs))
          cases.push(
            ...(await inputCases(
              name,
              spec.input,
              async (input) => {
                const actor = { userId: f.owner.id, teamSlug: await teamSlug(), ip: randomIp() };
                if (spec.operation === (updateTeam as unknown)) slug = undefined;
                return runOperation(spec.operation, actor, input);
              },
              NESTED[name],
            )),
          );
        // The team in the URL of every action and session route.
        for (const v of HOSTILE_VALUES)
          cases.push({
            label: `teamSlug = ${v.name}`,
            run: () =>
              runOperation(getPlanProgress, { userId: f.owner.id, teamSlug: v.value as string }, { planId: f.plan.id }),
          });
        await runActionCases(cases);
        expect(failures).toEqual([]);
      },
    );

    it(
      "the other data functions server actions call: no error but AppError, refused input changes nothing",
      { timeout: 300_000 },
      async () => {
        failures.length = 0;
        const email = randomEmail("signup");
        f.emails.push(email);
        const cases: ActionCase[] = [
          ...(await inputCases(
            "createTeam",
            () => ({ name: "Second team", slug: `s-${f.team.id.slice(-8)}` }),
            async (input) => {
              const team = await createTeam({ userId: f.owner.id, input });
              createdTeamIds.add(team.id);
            },
          )),
          ...(await inputCases(
            "createUser",
            () => ({ name: "New person", email, password: "correct horse battery" }),
            async (input) => {
              const user = await createUser({ input, ip: randomIp() });
              track({ userId: user.id });
              f.userIds.push(user.id);
            },
          )),
          ...(await inputCases(
            "updateProfile",
            () => ({ name: "Owner", locale: "en", timeZone: "Europe/Berlin" }),
            (input) => updateProfile({ userId: f.owner.id, input }),
          )),
          ...(await inputCases(
            "changePassword",
            () => ({ currentPassword: f.owner.password, newPassword: "another long passphrase" }),
            (input) => changePassword({ userId: f.owner.id, input, ip: randomIp() }),
          )),
          ...(await inputCases(
            "requestPasswordReset",
            () => ({ email: f.owner.email }),
            (input) => requestPasswordReset({ input, ip: randomIp(), defer: () => undefined }),
          )),
          ...(await inputCases(
            "resetPassword",
            () => ({ password: "another long passphrase" }),
            (input) => resetPassword({ token: "not-a-token", input, ip: randomIp() }),
          )),
        ];
        for (const v of HOSTILE_VALUES) {
          const text = v.value as string;
          cases.push(
            {
              label: `resetPassword token = ${v.name}`,
              run: () => resetPassword({ token: text, input: { password: "another long passphrase" } }),
            },
            {
              label: `acceptInvitation token = ${v.name}`,
              run: () => acceptInvitation({ token: text, userId: f.member.userId }),
            },
            { label: `getInvitationByToken token = ${v.name}`, run: () => getInvitationByToken(text) },
            {
              label: `markRead notificationId = ${v.name}`,
              run: () => markRead({ userId: f.owner.id, notificationId: text }),
            },
          );
        }
        await runActionCases(cases);
        expect(failures).toEqual([]);
      },
    );
  });
}

// ── The five causes outside testers found, answered exactly ───────────────────

function causesSuite() {
  describe("the causes of the testers' 500s are 422s on the field", () => {
    const TEXT = "This text contains a character that cannot be saved (a NUL byte or half of an emoji). Remove it.";
    const RANGE = "Enter a date between 1900-01-01 and 2200-12-31.";
    let token: string;

    beforeAll(async () => {
      token = (await createTestApiToken({ teamId: f.team.id, userId: f.owner.id, roleCeiling: "OWNER" })).token;
    });

    async function expectFieldError(name: RouteName, request: RestRequest, field: string, message: string) {
      const before = await checksum();
      tokens.splice(0, tokens.length, token);
      calls = 0;
      const response = await callRoute(name, request);
      expect(response.status, response.text).toBe(422);
      const json = JSON.parse(response.text) as { error: { code: string; fields: Record<string, string[]> } };
      expect(json.error.code).toBe("VALIDATION");
      expect(json.error.fields[field]).toContain(message);
      expect(await checksum()).toBe(before);
    }

    const task = (changes: Record<string, unknown>) => ({
      json: { title: "Task", areaCode: "R1", pathCode: "P1", dilemmas: [{ dilemmaCode: "D1", weight: 1 }], ...changes },
    });

    it("a NUL in a text field, a filter or a path id", async () => {
      await expectFieldError(
        "createTask",
        { params: { planId: f.plan.id }, body: task({ title: "a\u0000b" }) },
        "title",
        TEXT,
      );
      await expectFieldError("listTasks", { params: { planId: f.plan.id }, query: { q: "\u0000" } }, "q", TEXT);
      await expectFieldError("getPlan", { params: { planId: "plan\u0000" } }, "planId", TEXT);
      await expectFieldError(
        "addReading",
        {
          params: { indicatorId: f.indicator.id },
          body: { json: { value: 1, recordedOn: "2026-03-01", note: "\u0000" } },
        },
        "note",
        TEXT,
      );
    });

    it("a lone UTF-16 surrogate", async () => {
      await expectFieldError(
        "createTask",
        { params: { planId: f.plan.id }, body: task({ description: "half \ud83d" }) },
        "description",
        TEXT,
      );
      await expectFieldError(
        "updateTask",
        {
          params: { taskId: f.task.id },
          body: { json: { version: await currentTaskVersion(f.task.id), title: "\udfff" } },
        },
        "title",
        TEXT,
      );
    });

    it('"assigneeId": "" means unassigned where none is allowed, and an empty id elsewhere is a 422', async () => {
      tokens.splice(0, tokens.length, token);
      calls = 0;
      const created = await callRoute("createTask", { params: { planId: f.plan.id }, body: task({ assigneeId: "" }) });
      expect(created.status, created.text).toBe(201);
      const id = (JSON.parse(created.text) as { id: string }).id;
      expect((await db.task.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
      const patched = await callRoute("updateTask", {
        params: { taskId: id },
        body: { json: { version: 1, assigneeId: "" } },
      });
      expect(patched.status, patched.text).toBe(200);
      expect(JSON.parse(patched.text)).toMatchObject({ assignee: null, version: 2 });
      const actor = { userId: f.owner.id, teamSlug: await teamSlug() };
      await runOperation(bulkTasks, actor, { action: "assign", taskIds: [id], assigneeId: "" });
      expect((await db.task.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
      await expectFieldError("getTask", { params: { taskId: "" } }, "taskId", "This field is required.");
      await expectFieldError(
        "createPlan",
        {
          body: {
            json: {
              title: "P",
              startDate: "2026-01-01",
              targetDate: "2026-02-01",
              templates: ["R1.1"],
              defaultAssignees: { R1: "\u0000" },
            },
          },
        },
        "defaultAssignees.R1",
        TEXT,
      );
    });

    it("year-0 dates of plans, tasks and readings, and ?at=0000-01-01 or 9999-12-31", async () => {
      await expectFieldError(
        "createPlan",
        { body: { json: { title: "P", startDate: "0000-01-01", targetDate: "2026-02-01", areas: ["R1"] } } },
        "startDate",
        RANGE,
      );
      await expectFieldError(
        "createTask",
        { params: { planId: f.plan.id }, body: task({ dueDate: "0000-01-01" }) },
        "dueDate",
        RANGE,
      );
      await expectFieldError(
        "addReading",
        { params: { indicatorId: f.indicator.id }, body: { json: { value: 1, recordedOn: "0000-01-01" } } },
        "recordedOn",
        RANGE,
      );
      for (const at of ["0000-01-01", "9999-12-31", "1899-12-31", "2201-01-01"])
        await expectFieldError("getProgress", { params: { planId: f.plan.id }, query: { at } }, "at", RANGE);
      // The signed-in dashboard's route (/api/teams/{slug}/plans/{id}/progress) runs this operation with ?at= as sent.
      const actor = { userId: f.owner.id, teamSlug: await teamSlug() };
      for (const at of ["0000-01-01", "9999-12-31"]) {
        const error = await runOperation(getPlanProgress, actor, { planId: f.plan.id, at }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).fieldErrors).toEqual({ at: ["dateRange?min=1900-01-01&max=2200-12-31"] });
      }
      const plan = await runOperation(updatePlan, actor, {
        planId: f.plan.id,
        version: await currentPlanVersion(f.plan.id),
        title: f.plan.title,
        description: "",
        startDate: "1900-01-01",
        targetDate: "2200-12-31",
      }).catch((e: unknown) => e);
      expect(plan).not.toBeInstanceOf(Error);
      const edge = await callRoute("getProgress", { params: { planId: f.plan.id }, query: { at: "2200-12-31" } });
      expect(edge.status, edge.text).toBe(200);
    });
  });
}

/** Registers the fixture and the chosen parts of the suite in the calling test file. */
export function hostileInputSuite(part: { rest?: RestShard; actionsAndCauses?: boolean }) {
  beforeAll(setUpFixture);
  afterAll(tearDownFixture);
  if (part.rest) restSuite(part.rest);
  if (part.actionsAndCauses) {
    actionsSuite();
    causesSuite();
  }
}
