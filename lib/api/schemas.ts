// The REST API's request and response schemas. Requests reuse the zod schemas of
// lib/validation (the ones the forms and server actions use); responses describe
// what the handlers send. The OpenAPI document is generated from these.
import { z } from "zod";
import { msg } from "@/lib/i18n/error-text";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "@/lib/catalog/types";
import { pageQueryShape } from "@/lib/api/pagination";
import { addReadingSchema, createIndicatorSchema, DIRECTIONS, updateIndicatorSchema } from "@/lib/validation/indicator";
import {
  addTemplatesSchema,
  createPlanSchema,
  PLAN_STATUSES,
  setPlanStatusSchema,
  updatePlanSchema,
} from "@/lib/validation/plan";
import { PRIORITIES, TASK_STATUSES } from "@/lib/tasks/status";
import { bulkTasksSchema, commentSchema, createTaskSchema, updateTaskSchema } from "@/lib/validation/task";
import { dateTextSchema, idSchema, textSchema } from "@/lib/validation/common";
import { taskDependencySchema } from "@/lib/validation/dependency";
import type { Role } from "@/generated/prisma/enums";
import { FEED_EVENT_TYPES } from "@/lib/events/events";

/** The named schemas of the API: the OpenAPI document's components. */
export const apiSchemas = z.registry<{ id: string }>();

/** Query parameters that take codes: the codes the OpenAPI document lists for their items. */
export const apiCodeLists = z.registry<{ codes: readonly string[] }>();

const date = z.iso.date().describe("A calendar date, YYYY-MM-DD");
const dateTime = z.iso.datetime().describe("An instant in UTC, ISO 8601");
const progressValue = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe("0–1 (weighted), or null when no task links to it (not addressed)");

// ── Path parameters ───────────────────────────────────────────────────────────

export const planParamsSchema = z.object({ planId: idSchema.describe("A plan of the token's team") });
export const taskParamsSchema = z.object({ taskId: idSchema.describe("A task of the token's team") });
export const dependencyParamsSchema = taskParamsSchema.extend({
  blockerId: idSchema.describe("A task the task is blocked by"),
});
export const indicatorParamsSchema = z.object({ indicatorId: idSchema.describe("An indicator of the token's team") });
export const readingParamsSchema = indicatorParamsSchema.extend({
  readingId: idSchema.describe("A reading of that indicator"),
});
export const commentParamsSchema = z.object({ commentId: idSchema.describe("A comment of the token's team") });

/** Query of a list without filters: a page. */
export const pageQuerySchema = z.object(pageQueryShape);

// ── Requests ──────────────────────────────────────────────────────────────────

const planShape = createPlanSchema.shape;

/** POST /api/v1/plans: a plan built from templates exactly as the wizard builds it; `areas` takes every template of those areas. */
export const createPlanBodySchema = z
  .object({
    title: planShape.title,
    description: planShape.description,
    startDate: planShape.startDate,
    targetDate: planShape.targetDate,
    status: planShape.status,
    areas: z
      .array(z.enum(AREA_CODES))
      .min(1)
      .max(4)
      .optional()
      .describe("Recommendation areas: every template of each is added (as the wizard does when an area is chosen)"),
    templates: planShape.templateKeys.describe("Template keys such as R3.1 (instead of areas)"),
    defaultAssignees: planShape.defaultAssignees.describe("A default assignee (user id) per area"),
  })
  .superRefine((v, ctx) => {
    const hasAreas = (v.areas?.length ?? 0) > 0;
    const hasTemplates = v.templates.length > 0;
    if (hasAreas === hasTemplates) ctx.addIssue({ code: "custom", path: ["areas"], message: msg("areasOrTemplates") });
  });

/**
 * A query parameter listing codes: repeated (`?status=TODO&status=DONE`) or
 * comma-separated (`?status=TODO,DONE`), in any letter case; an unknown code is
 * a validation error naming the allowed ones.
 */
function codeListParam<const C extends readonly [string, ...string[]]>(
  codes: C,
  description: string,
  normalise = (value: string) => value.toUpperCase(),
) {
  const item = z.string().max(64).register(apiCodeLists, { codes });
  return z
    .array(item)
    .max(50)
    .transform((values, ctx) => {
      const out: C[number][] = [];
      for (const value of values) {
        const code = codes.find((c) => c === normalise(value));
        if (!code)
          ctx.addIssue({ code: "custom", message: msg("apiCodeUnknown", { value, allowed: codes.join(", ") }) });
        else if (!out.includes(code)) out.push(code);
      }
      return out;
    })
    .optional()
    .describe(`${description}; any of ${codes.join(", ")} (case-insensitive), repeated or comma-separated`);
}

/** Query of GET /api/v1/plans/{planId}/tasks: the task list filters of the app and a page. */
export const listTasksQuerySchema = z.object({
  area: codeListParam(AREA_CODES, "Areas"),
  dilemma: codeListParam(DILEMMA_CODES, "Dilemmas the task is linked to"),
  path: codeListParam(PATH_CODES, "Paths"),
  status: codeListParam(TASK_STATUSES, "Statuses"),
  priority: codeListParam(PRIORITIES, "Priorities"),
  assignee: textSchema
    .max(64)
    .optional()
    .describe("`me` (the token's user), `unassigned`, or a user id from GET /api/v1/members: only tasks assigned so"),
  overdue: z
    .enum(["1", "0"], { error: (issue) => msg("apiCodeUnknown", { value: String(issue.input), allowed: "1, 0" }) })
    .optional()
    .describe("1: only open tasks past their due date"),
  q: textSchema
    .max(200)
    .optional()
    .describe(
      "Words (separated by spaces, all must occur) in the title, description or comments, in Chinese or English, or a template key",
    ),
  ...pageQueryShape,
});

export { FEED_EVENT_TYPES };

/** Query of GET /api/v1/events: where to start, which types, a page. */
export const listEventsQuerySchema = z.object({
  after: z
    .string()
    .regex(/^\d{1,18}$/, msg("apiEventIdInvalid"))
    .optional()
    .describe(
      "An event `id`: only the events after it in the feed's order, which is commit order (the last one an integration processed); none: from the oldest kept",
    ),
  types: codeListParam(FEED_EVENT_TYPES, "Event types", (value) => value.toLowerCase()),
  ...pageQueryShape,
});

/** POST /api/v1/plans/{planId}/tasks: a custom task; the task form's schema with defaults for what an integration may leave out. */
export const createTaskBodySchema = createTaskSchema.omit({ planId: true }).extend({
  priority: createTaskSchema.shape.priority.default("MEDIUM"),
  status: createTaskSchema.shape.status.default("TODO"),
  assigneeId: createTaskSchema.shape.assigneeId.default(null),
  dueDate: createTaskSchema.shape.dueDate.default(null),
  progress: createTaskSchema.shape.progress.default(0),
});

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The fields of a PATCH body: each optional and without its default, so that a
 * field left out is left as it is (a default would overwrite it).
 */
function patchFields<const T extends z.ZodRawShape>(shape: T) {
  return Object.fromEntries(
    Object.entries(shape).map(([name, field]) => [
      name,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  ) as unknown as { [K in keyof T]: z.ZodOptional<WithoutDefault<T[K]>> };
}

/** PATCH /api/v1/tasks/{taskId}: the fields to change and the version they are based on (a stale version is a 409). */
export const updateTaskBodySchema = z.object({
  ...patchFields(updateTaskSchema.omit({ taskId: true, version: true }).shape),
  version: updateTaskSchema.shape.version,
});

/** POST /api/v1/tasks/{taskId}/dependencies: the task it is to wait for. */
export const addDependencyBodySchema = z.object({
  blockerId: taskDependencySchema.shape.blockerId.describe(
    "A task of the same plan that this task is blocked by (it cannot be the task itself, nor a task that already waits for it, directly or through others)",
  ),
});

/** POST /api/v1/indicators/{indicatorId}/readings: a dated reading. */
export const addReadingBodySchema = addReadingSchema.omit({ indicatorId: true });

/** PATCH /api/v1/indicators/{indicatorId}/readings/{readingId}: the fields to correct. */
export const correctReadingBodySchema = z.object(patchFields(addReadingBodySchema.shape));

/** PATCH /api/v1/plans/{planId}: the details to change and the version they are based on (a stale version is a 409). */
const { title, description, startDate, targetDate } = updatePlanSchema.shape;
export const updatePlanBodySchema = z.object({
  ...patchFields({ title, description, startDate, targetDate }),
  version: updatePlanSchema.shape.version.describe("The plan's version from the last read; it changes on every save"),
});

/** POST /api/v1/plans/{planId}/status: a lifecycle move. */
export const planStatusBodySchema = z.object({
  status: setPlanStatusSchema.shape.status.describe(
    "DRAFT → ACTIVE → COMPLETED → ARCHIVED, ACTIVE or DRAFT → ARCHIVED, and back from COMPLETED or ARCHIVED to ACTIVE; archiving and un-archiving need ADMIN",
  ),
});

/** POST /api/v1/tasks/bulk: one action on many tasks, all or nothing (as the task list's bulk bar). */
export const bulkTasksBodySchema = bulkTasksSchema;

/** POST /api/v1/tasks/{taskId}/comments and PATCH /api/v1/comments/{commentId}: the text. */
export const commentBodySchema = z.object({ body: commentSchema.shape.body });

/** POST /api/v1/plans/{planId}/indicators: a new indicator. */
const { planId: _planId, ...indicatorFields } = createIndicatorSchema.shape;
export const createIndicatorBodySchema = z.object(indicatorFields);

/** PATCH /api/v1/indicators/{indicatorId}: the fields to change. */
export const updateIndicatorBodySchema = z.object(
  patchFields((({ indicatorId: _id, ...fields }) => fields)(updateIndicatorSchema.shape)),
);

// ── Responses ─────────────────────────────────────────────────────────────────

export const planResponseSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    status: z.enum(PLAN_STATUSES),
    startDate: date,
    targetDate: date,
    version: z.number().int(),
    catalogVersion: z.string(),
    taskCount: z.number().int(),
    progress: progressValue,
    createdAt: dateTime,
  })
  .register(apiSchemas, { id: "Plan" });

const pageFields = {
  nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
  hasMore: z.boolean().describe("Whether there is a next page"),
};

/** A page of a list, in the one shape every list of the API answers. */
function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item), ...pageFields }).register(apiSchemas, { id });
}

export const planPageResponseSchema = pageSchema(planResponseSchema, "PlanPage");

export const taskResponseSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    version: z.number().int().describe("Send it back with an update; it changes on every save"),
    title: z
      .string()
      .describe("As stored: a template task's title in the language it was created in, or the text as written"),
    description: z.string().describe("As stored, like title"),
    titleZh: z
      .string()
      .describe(
        "The title a Chinese reader sees: the template's Chinese text until someone edits it, then the edited text",
      ),
    titleEn: z.string().describe("The title an English reader sees, by the same rule"),
    descriptionZh: z.string().describe("The description a Chinese reader sees, by the same rule"),
    descriptionEn: z.string().describe("The description an English reader sees, by the same rule"),
    templateKey: z
      .string()
      .nullable()
      .describe("The template the task was made from, e.g. R3.1; null for a custom task"),
    areaCode: z.enum(AREA_CODES),
    pathCode: z.enum(PATH_CODES),
    status: z.enum(TASK_STATUSES),
    priority: z.enum(PRIORITIES),
    progress: z.number().int().min(0).max(100),
    startDate: date.nullable().describe("When work on the task starts (the timeline's bar); null: not scheduled"),
    dueDate: date.nullable(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    dilemmas: z.array(z.object({ dilemmaCode: z.enum(DILEMMA_CODES), weight: z.number().int().min(1).max(3) })),
    blockedBy: z
      .array(z.string())
      .describe("The ids of the tasks of the same plan this task is blocked by (waits for), in id order"),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .register(apiSchemas, { id: "Task" });

export const taskPageResponseSchema = pageSchema(taskResponseSchema, "TaskPage");

export const readingResponseSchema = z
  .object({ id: z.string(), indicatorId: z.string(), value: z.number(), recordedOn: date, note: z.string() })
  .register(apiSchemas, { id: "Reading" });

export const readingPageResponseSchema = pageSchema(readingResponseSchema, "ReadingPage");

const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const satisfies readonly Role[];
const role = z.enum(ROLES).describe("OWNER, ADMIN, MEMBER or VIEWER");

export const meResponseSchema = z
  .object({
    id: z.string().describe("The token's user: use it as an assigneeId"),
    name: z.string(),
    email: z.string(),
    locale: z.string().describe("The user's language (task titles of new template tasks are in it)"),
    role: role.describe("What the token may do: the lower of the user's role and the token's ceiling"),
    team: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  })
  .register(apiSchemas, { id: "Me" });

export const memberResponseSchema = z
  .object({
    id: z.string().describe("The user id (for assigneeId and the assignee filter)"),
    name: z.string(),
    email: z.string(),
    role,
    joinedAt: dateTime,
  })
  .register(apiSchemas, { id: "Member" });

export const memberPageResponseSchema = pageSchema(memberResponseSchema, "MemberPage");

export const eventResponseSchema = z
  .object({
    id: z.string().describe("Increases with every event of the team: pass the last one processed as `after`"),
    type: z.enum(FEED_EVENT_TYPES).describe("What happened, e.g. task.updated"),
    occurredAt: dateTime,
    actor: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe("Who did it; null for the app itself (a job) or a former user"),
    planId: z.string().nullable(),
    taskId: z.string().nullable(),
    entityType: z.string().describe("The kind of object it is about: task, comment, plan, indicator, member, team…"),
    entityId: z.string(),
    before: z.record(z.string(), z.unknown()).nullable().describe("The fields as they were (changed ones only)"),
    after: z.record(z.string(), z.unknown()).nullable().describe("The fields as they are now (changed ones only)"),
  })
  .register(apiSchemas, { id: "Event" });

export const eventPageResponseSchema = pageSchema(eventResponseSchema, "EventPage");

export const commentResponseSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    body: z.string(),
    author: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe("null when the author's account is gone"),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .register(apiSchemas, { id: "Comment" });

export const commentPageResponseSchema = pageSchema(commentResponseSchema, "CommentPage");

export const indicatorResponseSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    dilemmaCode: z.enum(DILEMMA_CODES),
    suggestedKey: z.string().nullable().describe("The catalog suggestion it was made from, or null"),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(DIRECTIONS),
    baseline: z.number(),
    target: z.number(),
    targetDate: date.nullable(),
    current: z.number().nullable().describe("The latest reading's value, or null without readings"),
    currentOn: date.nullable(),
    progress: z.number().min(0).max(1).nullable().describe("From baseline to target, 0–1, by the latest reading"),
  })
  .register(apiSchemas, { id: "Indicator" });

export const indicatorPageResponseSchema = pageSchema(indicatorResponseSchema, "IndicatorPage");

/** POST /api/v1/plans/{planId}/templates: the wizard's templates, added to a plan that exists. */
export const addTemplatesBodySchema = z.object({
  templateKeys: addTemplatesSchema.shape.templateKeys.describe("Template keys from GET /api/v1/catalog, e.g. R3.1"),
  allowDuplicates: addTemplatesSchema.shape.allowDuplicates.describe(
    "false (default): when the plan already holds one of these templates, nothing is added and `duplicates` names them",
  ),
});

export const addTemplatesResultSchema = z
  .object({
    created: z.number().int().describe("Tasks added"),
    duplicates: z.array(z.string()).describe("Templates the plan already held"),
  })
  .register(apiSchemas, { id: "AddTemplatesResult" });

export const bulkResultSchema = z
  .object({ count: z.number().int().describe("How many tasks the action applied to") })
  .register(apiSchemas, { id: "BulkResult" });

const rollupSchema = z.object({ progress: progressValue, taskCount: z.number().int(), weightSum: z.number().int() });
const codedRollup = <C extends readonly [string, ...string[]]>(codes: C) =>
  rollupSchema.extend({ code: z.enum(codes) });

/** The plan dashboard's progress JSON (also at GET /api/teams/{teamSlug}/plans/{planId}/progress). */
export const progressResponseSchema = z
  .object({
    planId: z.string(),
    at: date.nullable().describe("The day asked for with ?at=, or null for now"),
    overall: rollupSchema,
    dilemmas: z.array(codedRollup(DILEMMA_CODES)),
    areas: z.array(codedRollup(AREA_CODES)),
    paths: z.array(codedRollup(PATH_CODES)),
    statusCounts: z.object(
      Object.fromEntries(TASK_STATUSES.map((s) => [s, z.number().int()])) as Record<
        (typeof TASK_STATUSES)[number],
        z.ZodNumber
      >,
    ),
    indicators: z.array(
      z.object({
        id: z.string(),
        dilemmaCode: z.enum(DILEMMA_CODES),
        name: z.string(),
        unit: z.string(),
        direction: z.enum(["UP", "DOWN"]),
        baseline: z.number(),
        target: z.number(),
        current: z.number().nullable(),
        currentOn: date.nullable(),
        progress: z.number().min(0).max(1).nullable(),
      }),
    ),
  })
  .register(apiSchemas, { id: "Progress" });

export const progressQuerySchema = z.object({
  at: z.iso
    .date({ error: msg("dateFormat") })
    .pipe(dateTextSchema)
    .optional()
    .describe("YYYY-MM-DD: progress at the end of that day (UTC), replayed from the activity log"),
});

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const catalogResponseSchema = z
  .object({
    version: z.string(),
    dilemmas: z.array(
      z.object({ code: z.enum(DILEMMA_CODES), name: bilingual, summary: bilingual, section: z.string() }),
    ),
    paths: z.array(z.object({ code: z.enum(PATH_CODES), name: bilingual, focus: bilingual, section: z.string() })),
    areas: z.array(z.object({ code: z.enum(AREA_CODES), name: bilingual, section: z.string() })),
    templates: z.array(
      z.object({
        key: z.string(),
        area: z.enum(AREA_CODES),
        path: z.enum(PATH_CODES),
        text: bilingual,
        description: bilingual.describe("What to do and what done looks like, with the paper's section"),
        weights: z.partialRecord(z.enum(DILEMMA_CODES), z.number().int().min(1).max(3)),
        defaultPriority: z.enum(PRIORITIES),
        durationDays: z.number().int(),
      }),
    ),
    indicators: z.array(
      z.object({
        key: z.string(),
        dilemma: z.enum(DILEMMA_CODES),
        name: bilingual,
        unit: z.string(),
        direction: z.enum(["UP", "DOWN"]),
      }),
    ),
  })
  .register(apiSchemas, { id: "Catalog" });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z
        .enum([
          "BAD_REQUEST",
          "UNAUTHENTICATED",
          "FORBIDDEN",
          "NOT_FOUND",
          "CONFLICT",
          "VALIDATION",
          "RATE_LIMITED",
          "METHOD_NOT_ALLOWED",
          "UNSUPPORTED_MEDIA_TYPE",
          "INTERNAL",
          "UNAVAILABLE",
        ])
        .describe("UNAVAILABLE (503, with Retry-After): the database cannot be reached for a moment; retry"),
      message: z.string(),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('Messages per field path, e.g. { "dilemmas.0.weight": ["Weights are 1–3."] }'),
      current: z
        .union([taskResponseSchema, planResponseSchema])
        .optional()
        .describe("On a 409: the task or plan as it is now"),
    }),
  })
  .register(apiSchemas, { id: "Error" });
