import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { TaskFilters } from "@/lib/tasks/task-filters";
import { OPEN_STATUSES } from "@/lib/tasks/status";

/** A calendar day as UTC midnight, the way due dates are stored. */
export function today(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The Prisma filter for a task list of one team (and plan), from URL filters. */
export function taskWhere({
  teamId,
  planId,
  userId,
  filters,
}: {
  teamId: string;
  planId?: string;
  userId: string;
  filters: TaskFilters;
}): Prisma.TaskWhereInput {
  const and: Prisma.TaskWhereInput[] = [{ teamId }];
  if (planId) and.push({ planId });
  if (filters.areas.length) and.push({ areaCode: { in: filters.areas } });
  if (filters.paths.length) and.push({ pathCode: { in: filters.paths } });
  if (filters.statuses.length) and.push({ status: { in: filters.statuses } });
  if (filters.priorities.length) and.push({ priority: { in: filters.priorities } });
  if (filters.dilemmas.length) and.push({ dilemmas: { some: { dilemmaCode: { in: filters.dilemmas } } } });
  if (filters.assignee === "me") and.push({ assigneeId: userId });
  else if (filters.assignee === "unassigned") and.push({ assigneeId: null });
  else if (filters.assignee) and.push({ assigneeId: filters.assignee });
  if (filters.isOverdue) and.push({ dueDate: { lt: today() }, status: { in: [...OPEN_STATUSES] } });
  if (filters.q) {
    const words: Prisma.TaskWhereInput[] = searchTerms(filters.q).map((term) =>
      isBigram(term) ? { searchBigrams: { has: term } } : { searchText: { contains: escapeLike(term) } },
    );
    const key = filters.q.trim().toUpperCase();
    and.push(TEMPLATE_KEY.test(key) ? { OR: [{ templateKey: key }, { AND: words }] } : { AND: words });
  }
  return { AND: and };
}

/** A template key such as R3.1, which a search also matches exactly. */
const TEMPLATE_KEY = /^R\d+\.\d+$/;

/** Two non-ASCII characters (e.g. 安全): found through Task.searchBigrams, since a trigram index cannot serve them. */
function isBigram(term: string): boolean {
  const chars = [...term];
  return chars.length === 2 && chars.every((c) => c.codePointAt(0)! > 127);
}

/** A LIKE pattern matching `text` literally (Prisma's `contains` passes %, _ and backslash through as LIKE syntax). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The words of a search as Task.searchText holds text (NFKC, lower case), at most
 * eight; a task matches when each occurs in what readers of either language see
 * of it or in its comments. Substrings match, so 安全 finds 网络安全. Both sides
 * are lower case already, so the match is a plain LIKE (ILIKE cost several times
 * more per row on Chinese text), served by the trigram index from three
 * characters on and by the bigram index for two Chinese characters.
 */
export function searchTerms(q: string): string[] {
  return q.normalize("NFKC").toLowerCase().split(/\s+/u).filter(Boolean).slice(0, 8);
}

export const taskListSelect = {
  id: true,
  planId: true,
  version: true,
  title: true,
  templateKey: true,
  templateTextZh: true,
  templateTextEn: true,
  areaCode: true,
  pathCode: true,
  status: true,
  priority: true,
  progress: true,
  startDate: true,
  dueDate: true,
  assignee: { select: { id: true, name: true } },
  dilemmas: { select: { dilemmaCode: true, weight: true }, orderBy: { dilemmaCode: "asc" } },
} as const satisfies Prisma.TaskSelect;

/** The most tasks a list or a search reads; a search that matches more says so ("2,000+"). */
export const MAX_LISTED_TASKS = 2000;
/** How many results a search shows at first, and how many more each "Show more" adds. */
export const SEARCH_PAGE_SIZE = 50;
/** How many tasks the list view shows at first, and how many more each "Show more" adds. */
export const LIST_PAGE_SIZE = 200;

type TaskScope = { teamId: string; planId: string; userId: string; filters: TaskFilters };
const listOrder = [
  { areaCode: "asc" },
  { sortOrder: "asc" },
  { createdAt: "asc" },
] as const satisfies Prisma.TaskOrderByWithRelationInput[];

/**
 * The first `limit` tasks of one plan of the team matching the filters, in area
 * and template order, with how many matched in all (a search counts up to
 * MAX_LISTED_TASKS: `isCapped` says there may be more).
 *
 * A text search runs in two steps: the matching tasks' ids and sort keys (no
 * ORDER BY and no text, so PostgreSQL takes the search indexes' bitmap instead
 * of walking the plan's tasks in area order and testing each), sorted here; then
 * the shown page alone is read with its assignee and dilemma links.
 */
export async function findTaskPage({ limit, ...scope }: TaskScope & { limit: number }) {
  const where = taskWhere(scope);
  if (!scope.filters.q) {
    const rows = await db.task.findMany({ where, orderBy: listOrder, select: taskListSelect, take: limit + 1 });
    const hasMore = rows.length > limit;
    // Without a search the count is exact: it reads the plan's index, not the tasks.
    const total = hasMore ? await db.task.count({ where }) : rows.length;
    return { tasks: rows.slice(0, limit), total, hasMore, isCapped: false };
  }
  const keys = await db.task.findMany({
    where,
    select: { id: true, areaCode: true, sortOrder: true, createdAt: true },
    take: MAX_LISTED_TASKS + 1,
  });
  keys.sort(
    (a, b) =>
      compare(a.areaCode, b.areaCode) ||
      a.sortOrder - b.sortOrder ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      compare(a.id, b.id),
  );
  const isCapped = keys.length > MAX_LISTED_TASKS;
  const ids = keys.slice(0, Math.min(limit, MAX_LISTED_TASKS)).map((k) => k.id);
  const rows = await db.task.findMany({ where: { teamId: scope.teamId, id: { in: ids } }, select: taskListSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    tasks: ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => r !== undefined),
    total: Math.min(keys.length, MAX_LISTED_TASKS),
    hasMore: keys.length > ids.length,
    isCapped,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The tasks of one plan of the team matching the filters, in area and template order (at most MAX_LISTED_TASKS). */
export async function findTasks(scope: TaskScope) {
  return (await findTaskPage({ ...scope, limit: MAX_LISTED_TASKS })).tasks;
}

export type TaskListItem = Awaited<ReturnType<typeof findTasks>>[number];

/** Open tasks assigned to the user across the team's plans that are not archived: overdue first, then by due date. */
export async function findMyTasks({ teamId, userId }: { teamId: string; userId: string }) {
  const tasks = await db.task.findMany({
    where: { teamId, assigneeId: userId, status: { in: [...OPEN_STATUSES] }, plan: { status: { not: "ARCHIVED" } } },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { priority: "desc" }],
    select: { ...taskListSelect, plan: { select: { id: true, title: true } } },
    take: 500,
  });
  const now = today();
  const isOverdue = (t: (typeof tasks)[number]) => Boolean(t.dueDate && t.dueDate < now);
  return [...tasks.filter(isOverdue), ...tasks.filter((t) => !isOverdue(t))];
}
