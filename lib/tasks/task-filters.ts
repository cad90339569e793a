import {
  AREA_CODES,
  DILEMMA_CODES,
  PATH_CODES,
  type AreaCode,
  type DilemmaCode,
  type PathCode,
} from "@/lib/catalog/types";
import { PRIORITIES, TASK_STATUSES } from "@/lib/tasks/status";
import { isStorableText } from "@/lib/validation/common";

type Status = (typeof TASK_STATUSES)[number];
type PriorityValue = (typeof PRIORITIES)[number];

/** The filters of a task list, as they live in the URL so a view can be shared. */
export type TaskFilters = {
  areas: AreaCode[];
  dilemmas: DilemmaCode[];
  paths: PathCode[];
  statuses: Status[];
  priorities: PriorityValue[];
  /** "me", "unassigned" or a user id */
  assignee?: string;
  isOverdue: boolean;
  q: string;
};

type Params = Record<string, string | string[] | undefined>;

function list<T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T[] {
  const raw = (Array.isArray(value) ? value : [value]).flatMap((v) => (v ?? "").split(","));
  return [...new Set(raw.map((v) => v.trim()).filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

// Text that cannot be stored (a NUL, a lone surrogate) cannot match anything either: it is ignored.
function single(value: string | string[] | undefined): string {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  return isStorableText(text) ? text : "";
}

/** Reads filters from URL search params; unknown values are ignored, never an error. */
export function parseTaskFilters(params: Params): TaskFilters {
  const assignee = single(params.assignee).slice(0, 64);
  return {
    areas: list(params.area, AREA_CODES),
    dilemmas: list(params.dilemma, DILEMMA_CODES),
    paths: list(params.path, PATH_CODES),
    statuses: list(params.status, TASK_STATUSES),
    priorities: list(params.priority, PRIORITIES),
    assignee: assignee || undefined,
    isOverdue: single(params.overdue) === "1",
    q: single(params.q).slice(0, 200),
  };
}

/** Filters back to URL params (only the ones set). */
export function filtersToParams(filters: TaskFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (filters.areas.length) p.set("area", filters.areas.join(","));
  if (filters.dilemmas.length) p.set("dilemma", filters.dilemmas.join(","));
  if (filters.paths.length) p.set("path", filters.paths.join(","));
  if (filters.statuses.length) p.set("status", filters.statuses.join(","));
  if (filters.priorities.length) p.set("priority", filters.priorities.join(","));
  if (filters.assignee) p.set("assignee", filters.assignee);
  if (filters.isOverdue) p.set("overdue", "1");
  if (filters.q) p.set("q", filters.q);
  return p;
}

/** Whether any filter is set. */
export function hasFilters(filters: TaskFilters): boolean {
  return filtersToParams(filters).size > 0;
}
