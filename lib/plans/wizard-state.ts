import { getTemplate, taskTemplates, templatesForArea } from "@/lib/catalog/catalog";
import { AREA_CODES, type AreaCode, type DilemmaCode, type PathCode, type Weight } from "@/lib/catalog/types";
import { dateSchema } from "@/lib/validation/common";
import { createPlanSchema, type CreatePlanInput } from "@/lib/validation/plan";

/** The wizard's steps in order; their names are part of the URL (`?step=`). */
export const WIZARD_STEPS = ["details", "areas", "templates", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/**
 * Everything the plan wizard knows. All of it but the description lives in the URL
 * query string; the description, which may be long, stays in the tab's
 * sessionStorage (see PlanWizard), so the URL stays well under servers' header limits.
 */
export type WizardState = {
  step: WizardStep;
  title: string;
  description: string;
  /** "YYYY-MM-DD" or "" */
  startDate: string;
  /** "YYYY-MM-DD" or "" */
  targetDate: string;
  /** Chosen recommendation areas, in code order. */
  areas: AreaCode[];
  /** Unchecked template keys of the chosen areas, in catalog order; every other template of a chosen area is checked. */
  off: string[];
  /** Default assignee (user id) per chosen area. */
  assignees: Partial<Record<AreaCode, string>>;
};

/** A query as Next.js hands it to a page, or as the browser holds it. */
export type WizardQuery = URLSearchParams | Record<string, string | string[] | undefined>;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ID_LENGTH = 64;

function read(query: WizardQuery, key: string): string {
  const value = query instanceof URLSearchParams ? query.get(key) : query[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

function isStep(value: string): value is WizardStep {
  return (WIZARD_STEPS as readonly string[]).includes(value);
}

const templateOrder = new Map(taskTemplates.map((t, index) => [t.key, index]));

/** Keeps only the known templates of the chosen areas, deduplicated, in catalog order. */
function normaliseOff(keys: readonly string[], areas: readonly AreaCode[]): string[] {
  const kept = new Set(keys.filter((key) => areas.some((area) => getTemplate(key)?.area === area)));
  return [...kept].sort((a, b) => (templateOrder.get(a) ?? 0) - (templateOrder.get(b) ?? 0));
}

/** The empty wizard: first step, no details, no areas. */
export function emptyWizardState(): WizardState {
  return {
    step: "details",
    title: "",
    description: "",
    startDate: "",
    targetDate: "",
    areas: [],
    off: [],
    assignees: {},
  };
}

/**
 * Reads the wizard from a query string: unknown steps fall back to "details", malformed dates to "",
 * unknown area codes and template keys are dropped, as are `off` keys and assignees of areas not chosen;
 * with `memberIds`, assignees who are not among them are dropped too.
 */
export function parseWizardState(query: WizardQuery, options: { memberIds?: readonly string[] } = {}): WizardState {
  const step = read(query, "step");
  const start = read(query, "start");
  const target = read(query, "target");
  const areas = AREA_CODES.filter((code) => list(read(query, "areas")).includes(code));
  const assignees: Partial<Record<AreaCode, string>> = {};
  for (const area of areas) {
    const userId = read(query, `as.${area}`).trim();
    if (!userId || userId.length > MAX_ID_LENGTH) continue;
    if (options.memberIds && !options.memberIds.includes(userId)) continue;
    assignees[area] = userId;
  }
  return {
    step: isStep(step) ? step : "details",
    title: read(query, "title"),
    description: "",
    startDate: DATE_SHAPE.test(start) ? start : "",
    targetDate: DATE_SHAPE.test(target) ? target : "",
    areas,
    off: normaliseOff(list(read(query, "off")), areas),
    assignees,
  };
}

/** The query string (without "?") that `parseWizardState` reads back into the same state but the description; empty values are left out. */
export function serializeWizardState(state: WizardState): string {
  const areas = AREA_CODES.filter((code) => state.areas.includes(code));
  const off = normaliseOff(state.off, areas);
  const parts: [string, string][] = [["step", state.step]];
  if (state.title) parts.push(["title", encodeURIComponent(state.title)]);
  if (state.startDate) parts.push(["start", encodeURIComponent(state.startDate)]);
  if (state.targetDate) parts.push(["target", encodeURIComponent(state.targetDate)]);
  // Codes and keys are [A-Z0-9.] only, so the lists stay readable with bare commas.
  if (areas.length > 0) parts.push(["areas", areas.join(",")]);
  if (off.length > 0) parts.push(["off", off.join(",")]);
  for (const area of areas) {
    const userId = state.assignees[area];
    if (userId) parts.push([`as.${area}`, encodeURIComponent(userId)]);
  }
  return parts.map(([key, value]) => `${key}=${value}`).join("&");
}

/** The checked templates: every template of the chosen areas except the `off` ones, in catalog order. */
export function chosenTemplateKeys(state: WizardState): string[] {
  return state.areas
    .flatMap((area) => templatesForArea(area).map((t) => t.key))
    .filter((key) => !state.off.includes(key));
}

/** Chooses or drops an area; a newly chosen area starts with all its templates checked and no default assignee. */
export function toggleArea(state: WizardState, area: AreaCode): WizardState {
  const isChosen = state.areas.includes(area);
  const areas = AREA_CODES.filter((code) => (code === area ? !isChosen : state.areas.includes(code)));
  const assignees = { ...state.assignees };
  if (isChosen) delete assignees[area];
  return { ...state, areas, off: normaliseOff(state.off, areas), assignees };
}

/** Checks or unchecks one template of a chosen area. */
export function toggleTemplate(state: WizardState, key: string): WizardState {
  const off = state.off.includes(key) ? state.off.filter((k) => k !== key) : [...state.off, key];
  return { ...state, off: normaliseOff(off, state.areas) };
}

/** Sets or clears (null) an area's default assignee. */
export function setDefaultAssignee(state: WizardState, area: AreaCode, userId: string | null): WizardState {
  const assignees = { ...state.assignees };
  if (userId) assignees[area] = userId;
  else delete assignees[area];
  return { ...state, assignees };
}

/** The server action's input for this state. */
export function toCreatePlanInput(state: WizardState, status: "DRAFT" | "ACTIVE"): CreatePlanInput {
  const defaultAssignees: Partial<Record<AreaCode, string | null>> = {};
  for (const area of state.areas) defaultAssignees[area] = state.assignees[area] ?? null;
  return {
    title: state.title,
    description: state.description,
    startDate: state.startDate,
    targetDate: state.targetDate,
    templateKeys: chosenTemplateKeys(state),
    defaultAssignees,
    status,
  };
}

export const DETAIL_FIELDS = ["title", "description", "startDate", "targetDate"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
/** Why a detail field is invalid; a message key of the "wizard.errors" namespace. */
export type DetailError =
  "titleRequired" | "titleTooLong" | "descriptionTooLong" | "dateRequired" | "dateInvalid" | "targetBeforeStart";

function isDetailField(value: unknown): value is DetailField {
  return (DETAIL_FIELDS as readonly unknown[]).includes(value);
}

/** The details step checked with `createPlanSchema` (the server's schema), one reason per invalid field. */
export function detailErrors(state: WizardState): Partial<Record<DetailField, DetailError>> {
  const parsed = createPlanSchema.safeParse({
    ...toCreatePlanInput(state, "DRAFT"),
    templateKeys: [],
    defaultAssignees: {},
  });
  const errors: Partial<Record<DetailField, DetailError>> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isDetailField(field) || errors[field]) continue;
    errors[field] = reasonOf(field, issue.code, state);
  }
  return errors;
}

function reasonOf(field: DetailField, code: string, state: WizardState): DetailError {
  if (field === "title") return code === "too_big" ? "titleTooLong" : "titleRequired";
  if (field === "description") return "descriptionTooLong";
  const value = field === "startDate" ? state.startDate : state.targetDate;
  if (!value) return "dateRequired";
  // A well-formed target date can only fail the schema's cross-field rule.
  if (field === "targetDate" && dateSchema.safeParse(value).success) return "targetBeforeStart";
  return "dateInvalid";
}

/** A template as the wizard shows it, already in the reader's language. */
export type WizardTemplateView = {
  key: string;
  text: string;
  weights: { code: DilemmaCode; name: string; weight: Weight }[];
  path: { code: PathCode; name: string };
  durationDays: number;
  /** How much it answers the team's latest diagnostic (Σ gap × weight), when there is one. */
  need?: number;
};

/** A recommendation area as the wizard shows it: its main dilemmas and its templates. */
export type WizardAreaView = {
  code: AreaCode;
  name: string;
  section: string;
  dilemmas: { code: DilemmaCode; name: string }[];
  templates: WizardTemplateView[];
};

/** A team member who can be a default assignee. */
export type WizardMember = { userId: string; name: string; email: string };

/** `date` ("YYYY-MM-DD") moved by whole calendar months, the day clamped to the month's end (Aug 31 + 6 → Feb 28/29). */
export function addCalendarMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** `date` ("YYYY-MM-DD") moved by whole days. */
function addDaysTo(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A fresh wizard's dates: starting today, with a target six months later; dates already given are kept. */
export function withDefaultDates(state: WizardState, today: string): WizardState {
  if (state.startDate || state.targetDate) return state;
  return { ...state, startDate: today, targetDate: addCalendarMonths(today, 6) };
}

/** The checked templates whose due date (start + suggested duration) would fall before `today`. */
export function templatesDueInPast(state: WizardState, today: string): string[] {
  if (!dateSchema.safeParse(state.startDate).success) return [];
  return chosenTemplateKeys(state).filter((key) => {
    const template = getTemplate(key);
    return template !== undefined && addDaysTo(state.startDate, template.durationDays) < today;
  });
}

/** Starts the plan today instead, moving the target date by the same number of days (the plan keeps its length). */
export function startToday(state: WizardState, today: string): WizardState {
  if (!dateSchema.safeParse(state.startDate).success) return { ...state, startDate: today };
  const shift = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${state.startDate}T00:00:00Z`)) / 86_400_000,
  );
  const targetDate = dateSchema.safeParse(state.targetDate).success
    ? addDaysTo(state.targetDate, shift)
    : state.targetDate;
  return { ...state, startDate: today, targetDate };
}
