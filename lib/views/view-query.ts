import { filtersToParams, parseTaskFilters } from "@/lib/tasks/task-filters";

/** The ways the plan page shows its tasks (?view=); the first is the default. */
export const PLAN_VIEWS = ["list", "board", "timeline", "calendar"] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** URL search params (a query string or a URLSearchParams) as the record the parsers read. */
function toParams(query: string | URLSearchParams): Params {
  const search = typeof query === "string" ? new URLSearchParams(query.replace(/^\?/, "")) : query;
  const params: Params = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    params[key] = all.length > 1 ? all : all[0];
  }
  return params;
}

/**
 * The plan page's query in its one canonical form: the view (list by default),
 * the board's swimlanes or the timeline's grouping when that view is chosen, then
 * the task filters through parseTaskFilters. Anything else (unknown parameters,
 * unknown values, ?shown=) is dropped, so a saved view stores only what it shows.
 */
export function normalizeViewQuery(query: string | URLSearchParams | Params): string {
  const params = typeof query === "string" || query instanceof URLSearchParams ? toParams(query) : query;
  const view = PLAN_VIEWS.find((v) => v === first(params.view)) ?? "list";
  const out = new URLSearchParams([["view", view]]);
  const lanes = first(params.lanes);
  if (view === "board" && (lanes === "area" || lanes === "dilemma")) out.set("lanes", lanes);
  if (view === "timeline" && first(params.group) === "dilemma") out.set("group", "dilemma");
  for (const [key, value] of filtersToParams(parseTaskFilters(params))) out.set(key, value);
  return out.toString();
}
