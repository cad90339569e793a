import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { areas, CATALOG_VERSION, dilemmas, paths, suggestedIndicators, taskTemplates } from "@/lib/catalog/catalog";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { sqlRollups } from "@/lib/progress/sql";
import { textInBothLanguages } from "@/lib/tasks/display-title";
import { taskWhere } from "@/lib/tasks/find-tasks";
import type { TaskFilters } from "@/lib/tasks/task-filters";
import { listTasksQuerySchema, planParamsSchema, readingParamsSchema, taskParamsSchema } from "@/lib/api/schemas";
import { idSchema, toDateInput } from "@/lib/validation/common";

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

/** The team's plans, oldest first, with task counts and overall progress. */
export const listPlansForApi = defineOperation("team.read", z.object({}), async (ctx) => {
  const rows = await db.plan.findMany({
    where: { teamId: ctx.team.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: planSelect,
  });
  return toApiPlans(ctx.team.id, rows);
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
  dueDate: true,
  createdAt: true,
  updatedAt: true,
  assignee: { select: { id: true, name: true } },
  dilemmas: { select: { dilemmaCode: true, weight: true }, orderBy: { dilemmaCode: "asc" } },
} as const satisfies Prisma.TaskSelect;

/** A task as the API shows it: the stored title and description, plus what a reader of each language sees. */
function toApiTask(task: Prisma.TaskGetPayload<{ select: typeof taskSelect }>) {
  const { templateTextZh, templateTextEn, templateDescriptionZh, templateDescriptionEn, ...fields } = task;
  return {
    ...fields,
    ...textInBothLanguages(task),
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

/** An opaque cursor: the id of the last task of a page (ids never change, so pages stay stable while tasks are edited). */
function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ after: id })).toString("base64url");
}

function decodeCursor(cursor: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (value && typeof value === "object" && "after" in value && idSchema.safeParse(value.after).success)
      return value.after as string;
  } catch {
    // fall through to the validation error
  }
  throw new AppError("VALIDATION", { fieldErrors: { cursor: [msg("apiCursorInvalid")] } });
}

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
    const { limit, cursor } = input;
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
    const after = cursor ? decodeCursor(cursor) : undefined;
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
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { data: page.map(toApiTask), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
  },
);

/** One reading of an indicator of the team; another team's reading is NOT_FOUND. */
export const getReadingForApi = defineOperation("team.read", readingParamsSchema, async (ctx, input) => {
  const reading = await db.indicatorReading.findFirst({
    where: { id: input.readingId, indicatorId: input.indicatorId, teamId: ctx.team.id },
    select: { id: true, indicatorId: true, value: true, recordedOn: true, note: true },
  });
  if (!reading) throw new AppError("NOT_FOUND");
  return { ...reading, value: Number(reading.value), recordedOn: toDateInput(reading.recordedOn) };
});

/** The paper's framework as the app ships it (both languages). */
export const getCatalogForApi = defineOperation("team.read", z.object({}), async () => ({
  version: CATALOG_VERSION,
  dilemmas,
  paths,
  areas,
  templates: taskTemplates,
  indicators: suggestedIndicators,
}));
