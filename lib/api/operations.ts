import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { areas, CATALOG_VERSION, dilemmas, paths, suggestedIndicators, taskTemplates } from "@/lib/catalog/catalog";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sqlRollups } from "@/lib/progress/sql";
import { textInBothLanguages } from "@/lib/tasks/display-title";
import { taskWhere } from "@/lib/tasks/find-tasks";
import type { TaskFilters } from "@/lib/tasks/task-filters";
import { afterCreated, createdKey, pageOf, readCursor } from "@/lib/api/pagination";
import {
  commentParamsSchema,
  FEED_EVENT_TYPES,
  indicatorParamsSchema,
  listEventsQuerySchema,
  listTasksQuerySchema,
  pageQuerySchema,
  planParamsSchema,
  readingParamsSchema,
  taskParamsSchema,
} from "@/lib/api/schemas";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { indicatorProgress } from "@/lib/progress/formula";
import { toDateInput } from "@/lib/validation/common";
import { can } from "@/lib/authz";
import { msg } from "@/lib/i18n/error-text";
import { feedEventSelect, feedItemOf } from "@/lib/events/feed-item";

const planSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  startDate: true,
  targetDate: true,
  version: true,
  catalogVersion: true,
  createdAt: true,
  // taskCount: the tasks that count towards progress (every task but cancelled ones), as in the rollups.
  _count: { select: { tasks: { where: { status: { not: "CANCELLED" } } } } },
} as const satisfies Prisma.PlanSelect;

type PlanRow = Prisma.PlanGetPayload<{ select: typeof planSelect }>;

async function toApiPlans(teamId: string, rows: PlanRow[]) {
  const progress = await sqlRollups(db, { teamId, planIds: rows.map((p) => p.id), by: "plan" });
  return rows.map(({ _count, ...p }) => ({
    ...p,
    startDate: toDateInput(p.startDate),
    targetDate: toDateInput(p.targetDate),
    createdAt: p.createdAt.toISOString(),
    taskCount: _count.tasks,
    progress: progress.get(p.id)?.progress ?? null,
  }));
}

/** A page of the team's plans, oldest first, with task counts and overall progress. */
export const listPlansForApi = defineOperation("team.read", pageQuerySchema, async (ctx, { cursor, limit }) => {
  const query = { list: "plans", teamId: ctx.team.id };
  const rows = await db.plan.findMany({
    where: { teamId: ctx.team.id, ...afterCreated(readCursor(query, cursor)) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: planSelect,
  });
  const page = pageOf(rows, { limit, query, keyOf: createdKey, map: (row) => row });
  return { ...page, data: await toApiPlans(ctx.team.id, page.data) };
});

/** One plan of the team; another team's plan is NOT_FOUND like a missing one. */
export const getPlanForApi = defineOperation("team.read", planParamsSchema, async (ctx, input) => {
  const row = await db.plan.findFirst({ where: { id: input.planId, teamId: ctx.team.id }, select: planSelect });
  if (!row) throw new AppError("NOT_FOUND");
  const [plan] = await toApiPlans(ctx.team.id, [row]);
  return plan as NonNullable<typeof plan>;
});

const taskSelect = {
  id: true,
  planId: true,
  version: true,
  title: true,
  description: true,
  templateKey: true,
  templateTextZh: true,
  templateTextEn: true,
  templateDescriptionZh: true,
  templateDescriptionEn: true,
  areaCode: true,
  pathCode: true,
  status: true,
  priority: true,
  progress: true,
  startDate: true,
  dueDate: true,
  createdAt: true,
  updatedAt: true,
  assignee: { select: { id: true, name: true } },
  dilemmas: { select: { dilemmaCode: true, weight: true }, orderBy: { dilemmaCode: "asc" } },
  blockedBy: { select: { blockerId: true }, orderBy: { blockerId: "asc" } },
} as const satisfies Prisma.TaskSelect;

/** A task as the API shows it: the stored title and description, plus what a reader of each language sees. */
function toApiTask(task: Prisma.TaskGetPayload<{ select: typeof taskSelect }>) {
  const { templateTextZh, templateTextEn, templateDescriptionZh, templateDescriptionEn, blockedBy, ...fields } = task;
  return {
    ...fields,
    blockedBy: blockedBy.map((d) => d.blockerId),
    ...textInBothLanguages(task),
    startDate: task.startDate ? toDateInput(task.startDate) : null,
    dueDate: task.dueDate ? toDateInput(task.dueDate) : null,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

export type ApiTask = ReturnType<typeof toApiTask>;

/** One task of the team as the API shows it; another team's task is NOT_FOUND. */
export const getTaskForApi = defineOperation("team.read", taskParamsSchema, async (ctx, input) => {
  const task = await db.task.findFirst({ where: { id: input.taskId, teamId: ctx.team.id }, select: taskSelect });
  if (!task) throw new AppError("NOT_FOUND");
  return toApiTask(task);
});

/**
 * A page of a plan's tasks matching the task list's filters, in id order so
 * that following `nextCursor` visits every task exactly once.
 */
export const listTasksForApi = defineOperation(
  "team.read",
  listTasksQuerySchema.extend(planParamsSchema.shape),
  async (ctx, input) => {
    const plan = await db.plan.findFirst({ where: { id: input.planId, teamId: ctx.team.id }, select: { id: true } });
    if (!plan) throw new AppError("NOT_FOUND");
    const { limit, cursor, ...rest } = input;
    const query = { list: "tasks", teamId: ctx.team.id, ...rest };
    const filters: TaskFilters = {
      areas: input.area ?? [],
      dilemmas: input.dilemma ?? [],
      paths: input.path ?? [],
      statuses: input.status ?? [],
      priorities: input.priority ?? [],
      assignee: input.assignee?.trim() || undefined,
      isOverdue: input.overdue === "1",
      q: input.q?.trim() ?? "",
    };
    const [after] = readCursor(query, cursor) ?? [];
    const rows = await db.task.findMany({
      where: {
        AND: [
          taskWhere({ teamId: ctx.team.id, planId: plan.id, userId: ctx.userId, filters }),
          ...(after ? [{ id: { gt: after } }] : []),
        ],
      },
      orderBy: { id: "asc" },
      take: limit + 1,
      select: taskSelect,
    });
    return pageOf(rows, { limit, query, keyOf: (row) => [row.id], map: toApiTask });
  },
);

const readingSelect = { id: true, indicatorId: true, value: true, recordedOn: true, note: true } as const;

function toApiReading(reading: Prisma.IndicatorReadingGetPayload<{ select: typeof readingSelect }>) {
  return { ...reading, value: Number(reading.value), recordedOn: toDateInput(reading.recordedOn) };
}

/** One reading of an indicator of the team; another team's reading is NOT_FOUND. */
export const getReadingForApi = defineOperation("team.read", readingParamsSchema, async (ctx, input) => {
  const reading = await db.indicatorReading.findFirst({
    where: { id: input.readingId, indicatorId: input.indicatorId, teamId: ctx.team.id },
    select: readingSelect,
  });
  if (!reading) throw new AppError("NOT_FOUND");
  return toApiReading(reading);
});

/** A page of an indicator's readings in the order they were recorded. */
export const listReadingsForApi = defineOperation(
  "team.read",
  pageQuerySchema.extend(indicatorParamsSchema.shape),
  async (ctx, { cursor, limit, indicatorId }) => {
    const indicator = await db.indicator.findFirst({
      where: { id: indicatorId, teamId: ctx.team.id },
      select: { id: true },
    });
    if (!indicator) throw new AppError("NOT_FOUND");
    const query = { list: "readings", teamId: ctx.team.id, indicatorId };
    const rows = await db.indicatorReading.findMany({
      where: { indicatorId, teamId: ctx.team.id, ...afterCreated(readCursor(query, cursor)) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit + 1,
      select: { ...readingSelect, createdAt: true },
    });
    return pageOf(rows, { limit, query, keyOf: createdKey, map: ({ createdAt: _c, ...r }) => toApiReading(r) });
  },
);

const indicatorSelect = {
  id: true,
  planId: true,
  dilemmaCode: true,
  suggestedKey: true,
  name: true,
  unit: true,
  direction: true,
  baseline: true,
  target: true,
  targetDate: true,
  createdAt: true,
  readings: {
    orderBy: [{ recordedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { value: true, recordedOn: true },
  },
} as const satisfies Prisma.IndicatorSelect;

/** An indicator as the API shows it: its current value and progress from the latest reading (as the dashboard). */
function toApiIndicator({
  readings,
  createdAt: _created,
  ...row
}: Prisma.IndicatorGetPayload<{ select: typeof indicatorSelect }>) {
  const baseline = Number(row.baseline);
  const target = Number(row.target);
  const latest = readings[0];
  const current = latest ? Number(latest.value) : null;
  return {
    ...row,
    baseline,
    target,
    targetDate: row.targetDate ? toDateInput(row.targetDate) : null,
    current,
    currentOn: latest ? toDateInput(latest.recordedOn) : null,
    progress: indicatorProgress({ baseline, target, current }),
  };
}

/** One indicator of the team; another team's is NOT_FOUND. */
export const getIndicatorForApi = defineOperation("team.read", indicatorParamsSchema, async (ctx, input) => {
  const row = await db.indicator.findFirst({
    where: { id: input.indicatorId, teamId: ctx.team.id },
    select: indicatorSelect,
  });
  if (!row) throw new AppError("NOT_FOUND");
  return toApiIndicator(row);
});

/** A page of a plan's indicators in the order they were created. */
export const listIndicatorsForApi = defineOperation(
  "team.read",
  pageQuerySchema.extend(planParamsSchema.shape),
  async (ctx, { cursor, limit, planId }) => {
    const plan = await db.plan.findFirst({ where: { id: planId, teamId: ctx.team.id }, select: { id: true } });
    if (!plan) throw new AppError("NOT_FOUND");
    const query = { list: "indicators", teamId: ctx.team.id, planId };
    const rows = await db.indicator.findMany({
      where: { planId, teamId: ctx.team.id, ...afterCreated(readCursor(query, cursor)) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit + 1,
      select: indicatorSelect,
    });
    return pageOf(rows, { limit, query, keyOf: createdKey, map: toApiIndicator });
  },
);

const commentSelect = {
  id: true,
  taskId: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.CommentSelect;

function toApiComment(row: Prisma.CommentGetPayload<{ select: typeof commentSelect }>) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** One comment of the team (deleted ones are gone); another team's is NOT_FOUND. */
export const getCommentForApi = defineOperation("team.read", commentParamsSchema, async (ctx, input) => {
  const row = await db.comment.findFirst({
    where: { id: input.commentId, teamId: ctx.team.id, deletedAt: null },
    select: commentSelect,
  });
  if (!row) throw new AppError("NOT_FOUND");
  return toApiComment(row);
});

/** A page of a task's comments, oldest first, without deleted ones. */
export const listCommentsForApi = defineOperation(
  "team.read",
  pageQuerySchema.extend(taskParamsSchema.shape),
  async (ctx, { cursor, limit, taskId }) => {
    const task = await db.task.findFirst({ where: { id: taskId, teamId: ctx.team.id }, select: { id: true } });
    if (!task) throw new AppError("NOT_FOUND");
    const query = { list: "comments", teamId: ctx.team.id, taskId };
    const rows = await db.comment.findMany({
      where: { taskId, teamId: ctx.team.id, deletedAt: null, ...afterCreated(readCursor(query, cursor)) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit + 1,
      select: commentSelect,
    });
    return pageOf(rows, { limit, query, keyOf: createdKey, map: toApiComment });
  },
);

/** The token's user, their role as the token may use it, and the team. */
export const getMeForApi = defineOperation("team.read", z.object({}), async (ctx) => {
  const user = await db.user.findUniqueOrThrow({
    where: { id: ctx.userId },
    select: { id: true, name: true, email: true, locale: true },
  });
  return {
    ...user,
    locale: user.locale ?? DEFAULT_LOCALE,
    role: ctx.role,
    team: { id: ctx.team.id, slug: ctx.team.slug, name: ctx.team.name },
  };
});

/** A page of the team's members (user id, name, email, role) in the order they joined. */
export const listMembersForApi = defineOperation("team.read", pageQuerySchema, async (ctx, { cursor, limit }) => {
  const query = { list: "members", teamId: ctx.team.id };
  const rows = await db.membership.findMany({
    where: { teamId: ctx.team.id, ...afterCreated(readCursor(query, cursor)) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return pageOf(rows, {
    limit,
    query,
    keyOf: createdKey,
    map: (m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt.toISOString() }),
  });
});

/**
 * The changes feed: the team's events in the order they happened, after an event
 * id, of the types asked for. Invitations (with the invitee's email) only for
 * those who manage members; an API token's own events never.
 */
export const listEventsForApi = defineOperation("team.read", listEventsQuerySchema, async (ctx, input) => {
  const { cursor, limit, after, types } = input;
  const query = { list: "events", teamId: ctx.team.id, after: after ?? null, types: types ?? null };
  const [fromCursor] = readCursor(query, cursor) ?? [];
  if (fromCursor !== undefined && !/^\d{1,18}$/.test(fromCursor))
    throw new AppError("BAD_REQUEST", {
      userMessage: msg("apiCursorInvalid"),
      fieldErrors: { cursor: [msg("apiCursorInvalid")] },
    });
  const visible = FEED_EVENT_TYPES.filter(
    (type) => !type.startsWith("invitation.") || can(ctx.role, "members.manage"),
  ).filter((type) => !types?.length || types.includes(type));
  // Events come in commit order (seq), so an event that commits after a later-numbered
  // one is still listed after it, never skipped. `after` names an event by its id;
  // a page cursor holds a position in that order.
  const start = [after === undefined ? undefined : await positionOfEvent(ctx.team.id, BigInt(after)), fromCursor]
    .filter((seq) => seq !== undefined)
    .map((seq) => BigInt(seq));
  const rows = await db.activityEvent.findMany({
    where: {
      teamId: ctx.team.id,
      kind: { in: visible },
      seq: start.length ? { gt: start.reduce((a, b) => (a > b ? a : b)) } : { not: null },
    },
    orderBy: { seq: "asc" },
    take: limit + 1,
    select: { ...feedEventSelect, seq: true },
  });
  return pageOf(rows, {
    limit,
    query,
    keyOf: (row) => [(row.seq ?? 0n).toString()],
    map: ({ seq: _seq, ...row }) => ({ ...feedItemOf(row), type: row.kind as (typeof FEED_EVENT_TYPES)[number] }),
  });
});

/**
 * The commit-order position of a team's event given by id. An id no longer kept (or
 * never the team's) stands for the newest event of the team numbered before it, or
 * the start of the log.
 */
async function positionOfEvent(teamId: string, id: bigint): Promise<string> {
  const own = await db.activityEvent.findFirst({ where: { teamId, id }, select: { seq: true } });
  if (own?.seq != null) return own.seq.toString();
  const before = await db.activityEvent.findFirst({
    where: { teamId, id: { lt: id }, seq: { not: null } },
    orderBy: { id: "desc" },
    select: { seq: true },
  });
  return (before?.seq ?? 0n).toString();
}

/** The paper's framework as the app ships it (both languages). */
export const getCatalogForApi = defineOperation("team.read", z.object({}), async () => ({
  version: CATALOG_VERSION,
  dilemmas,
  paths,
  areas,
  templates: taskTemplates,
  indicators: suggestedIndicators,
}));
