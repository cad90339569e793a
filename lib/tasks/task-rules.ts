import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";

type Tx = Prisma.TransactionClient;

/** The team's plan, refusing archived plans (read-only) for writes. */
export async function getWritablePlan(tx: Tx, { teamId, planId }: { teamId: string; planId: string }) {
  const plan = await tx.plan.findFirst({
    where: { id: planId, teamId },
    select: { id: true, title: true, status: true, startDate: true, targetDate: true },
  });
  if (!plan) throw new AppError("NOT_FOUND");
  if (plan.status === "ARCHIVED") throw new AppError("FORBIDDEN", { userMessage: msg("planArchived") });
  return plan;
}

/** Refuses an assignee who is not a current member of the team. */
export async function assertAssignable(
  tx: Tx,
  {
    teamId,
    assigneeId,
    field = "assigneeId",
  }: { teamId: string; assigneeId: string | null | undefined; field?: string },
) {
  if (!assigneeId) return;
  const member = await tx.membership.findFirst({ where: { teamId, userId: assigneeId }, select: { id: true } });
  if (!member) throw new AppError("VALIDATION", { fieldErrors: { [field]: [msg("notTeamMember")] } });
}

/** Refuses a due date before the plan's start. */
export function assertDueDate(dueDate: Date | null | undefined, planStart: Date, field = "dueDate") {
  if (dueDate && dueDate < planStart) {
    throw new AppError("VALIDATION", {
      fieldErrors: { [field]: [msg("dueBeforePlanStart", { date: planStart.toISOString().slice(0, 10) })] },
    });
  }
}

/**
 * A task's dates against its plan: neither the start nor the due date before the
 * plan starts, and the start not after the due date.
 */
export function assertTaskDates(dates: { startDate?: Date | null; dueDate?: Date | null }, planStart: Date) {
  if (dates.startDate && dates.startDate < planStart) {
    const date = planStart.toISOString().slice(0, 10);
    throw new AppError("VALIDATION", { fieldErrors: { startDate: [msg("startBeforePlanStart", { date })] } });
  }
  assertDueDate(dates.dueDate, planStart);
  if (dates.startDate && dates.dueDate && dates.startDate > dates.dueDate) {
    throw new AppError("VALIDATION", { fieldErrors: { startDate: [msg("startAfterDue")] } });
  }
}

type StatusState<S extends string> = { status: S; progress: number; progressBeforeDone: number | null };

/**
 * Status and progress together. DONE means 100 %, and the progress the task had
 * is kept in `progressBeforeDone`; reopening a DONE task restores it (0 when the
 * task was created done), so a reopened task no longer counts as complete. A
 * progress sent with the reopening wins, unless it is the 100 a form re-sends.
 * `current` is null for a new task.
 */
export function applyStatus<S extends string>(
  current: StatusState<S> | null,
  change: { status?: S; progress?: number },
): StatusState<S> {
  const status = change.status ?? current?.status;
  if (status === undefined) throw new Error("applyStatus: a new task needs a status");
  if (status === "DONE") {
    if (current?.status === "DONE") return { status, progress: 100, progressBeforeDone: current.progressBeforeDone };
    const before = change.progress !== undefined && change.progress < 100 ? change.progress : current?.progress;
    return { status, progress: 100, progressBeforeDone: before !== undefined && before < 100 ? before : null };
  }
  if (current?.status === "DONE") {
    const chosen = change.progress !== undefined && change.progress !== 100 ? change.progress : undefined;
    return { status, progress: chosen ?? current.progressBeforeDone ?? 0, progressBeforeDone: null };
  }
  return { status, progress: change.progress ?? current?.progress ?? 0, progressBeforeDone: null };
}

/**
 * The completion time a status change sets: now when a task becomes DONE, null
 * when it leaves DONE or is created open, unchanged (undefined) otherwise.
 */
export function completionTime(currentStatus: string | null, nextStatus: string | undefined): Date | null | undefined {
  if (nextStatus === undefined || nextStatus === currentStatus) return undefined;
  return nextStatus === "DONE" ? new Date() : null;
}

/** The new assignee follows the task (the notice itself comes from the task event: lib/notifications/rules.ts). */
export async function notifyAssignment(
  tx: Tx,
  { teamId, taskId, assigneeId }: { teamId: string; taskId: string; assigneeId: string | null; actorId: string },
) {
  if (!assigneeId) return;
  await tx.taskFollower.upsert({
    where: { taskId_userId: { taskId, userId: assigneeId } },
    create: { taskId, userId: assigneeId, teamId },
    update: {},
  });
}

const TRACKED = [
  "title",
  "description",
  "areaCode",
  "pathCode",
  "priority",
  "status",
  "assigneeId",
  "startDate",
  "dueDate",
  "progress",
  "dilemmas",
] as const;

type Snapshot = Partial<Record<(typeof TRACKED)[number], unknown>>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value ?? null;
}

/** The fields that differ between two task states, as before/after objects for the activity log. */
export function diffTask(before: Snapshot, after: Snapshot) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of TRACKED) {
    if (!(key in after)) continue;
    const x = normalise(before[key]);
    const y = normalise(after[key]);
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x;
      a[key] = y;
    }
  }
  // Status and progress always travel together: trends replay them from the log.
  if ("status" in a || "progress" in a) {
    b.status = normalise(before.status);
    b.progress = normalise(before.progress);
    a.status = normalise(after.status ?? before.status);
    a.progress = normalise(after.progress ?? before.progress);
  }
  return { before: b, after: a, hasChanges: Object.keys(a).length > 0 };
}
