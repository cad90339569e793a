import "server-only";
import { templatesForArea } from "@/lib/catalog/catalog";
import { defineApiRoute, type ApiErrorStatus, type ApiRoute } from "@/lib/api/define-route";
import {
  getCatalogForApi,
  getPlanForApi,
  getReadingForApi,
  getTaskForApi,
  listPlansForApi,
  listTasksForApi,
} from "@/lib/api/operations";
import {
  addReadingBodySchema,
  catalogResponseSchema,
  createPlanBodySchema,
  createTaskBodySchema,
  indicatorParamsSchema,
  listTasksQuerySchema,
  planListResponseSchema,
  planParamsSchema,
  planResponseSchema,
  progressQuerySchema,
  progressResponseSchema,
  readingParamsSchema,
  readingResponseSchema,
  taskPageResponseSchema,
  taskParamsSchema,
  taskResponseSchema,
  updateTaskBodySchema,
} from "@/lib/api/schemas";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { addReading } from "@/lib/indicators/indicators";
import { createPlan } from "@/lib/plans/create-plan";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import { createTask } from "@/lib/tasks/create-task";
import { updateTask } from "@/lib/tasks/update-task";
import { toDateInput } from "@/lib/validation/common";
import type { UpdateTaskInput } from "@/lib/validation/task";

const READ: readonly ApiErrorStatus[] = [];
const WRITE: readonly ApiErrorStatus[] = [403];

const listPlans = defineApiRoute({
  operationId: "listPlans",
  method: "GET",
  path: "/api/v1/plans",
  tag: "Plans",
  summary: "List the team's plans",
  description: "Every plan of the token's team, oldest first, with its task count and overall weighted progress.",
  success: { status: 200, description: "The plans", schema: planListResponseSchema },
  errors: READ,
  handler: async ({ run }) => ({ data: await run(listPlansForApi, {}) }),
});

const createPlanRoute = defineApiRoute({
  operationId: "createPlan",
  method: "POST",
  path: "/api/v1/plans",
  tag: "Plans",
  summary: "Create a plan from templates",
  description:
    "Builds a plan exactly as the wizard does, in one transaction: `areas` adds every template of those recommendation areas, `templates` the listed ones. Task titles are in the token owner's language. Needs MEMBER or higher.",
  body: createPlanBodySchema,
  exampleBody: { title: "2027 data-security push", startDate: "2027-01-01", targetDate: "2027-12-31", areas: ["R3"] },
  success: { status: 201, description: "The new plan", schema: planResponseSchema },
  errors: WRITE,
  handler: async ({ body, run }) => {
    const templateKeys = body.areas
      ? body.areas.flatMap((area) => templatesForArea(area).map((t) => t.key))
      : body.templates;
    const { id } = await run(createPlan, {
      title: body.title,
      description: body.description,
      startDate: toDateInput(body.startDate),
      targetDate: toDateInput(body.targetDate),
      status: body.status,
      templateKeys,
      defaultAssignees: body.defaultAssignees,
    });
    return run(getPlanForApi, { planId: id });
  },
  location: (plan) => `/api/v1/plans/${plan.id}`,
});

const getPlan = defineApiRoute({
  operationId: "getPlan",
  method: "GET",
  path: "/api/v1/plans/{planId}",
  tag: "Plans",
  summary: "Get a plan",
  description: "One plan of the token's team with its task count and overall weighted progress.",
  params: planParamsSchema,
  success: { status: 200, description: "The plan", schema: planResponseSchema },
  errors: READ,
  handler: ({ params, run }) => run(getPlanForApi, params),
});

const getProgress = defineApiRoute({
  operationId: "getPlanProgress",
  method: "GET",
  path: "/api/v1/plans/{planId}/progress",
  tag: "Plans",
  summary: "Get a plan's progress",
  description:
    "The plan dashboard's progress JSON: weighted progress per dilemma, area and path, status counts and indicators; with `at`, as it was at the end of that day (UTC).",
  params: planParamsSchema,
  query: progressQuerySchema,
  success: { status: 200, description: "The progress", schema: progressResponseSchema },
  errors: READ,
  handler: ({ params, query, run }) => run(getPlanProgress, { planId: params.planId, at: query.at }),
});

const listTasks = defineApiRoute({
  operationId: "listTasks",
  method: "GET",
  path: "/api/v1/plans/{planId}/tasks",
  tag: "Tasks",
  summary: "List a plan's tasks",
  description:
    "The filters of the app's task list and cursor pagination in a stable order: following `nextCursor` returns every task exactly once, even while tasks are edited. A code filter takes several codes, repeated (`status=TODO&status=DONE`) or comma-separated (`status=TODO,DONE`), in any letter case, and matches tasks with any of them; an unknown code or parameter is a 422 that names the allowed ones.",
  params: planParamsSchema,
  query: listTasksQuerySchema,
  success: { status: 200, description: "A page of tasks", schema: taskPageResponseSchema },
  errors: READ,
  handler: ({ params, query, run }) => run(listTasksForApi, { ...query, planId: params.planId }),
});

const createTaskRoute = defineApiRoute({
  operationId: "createTask",
  method: "POST",
  path: "/api/v1/plans/{planId}/tasks",
  tag: "Tasks",
  summary: "Create a task",
  description:
    "A custom task in the plan, linked to at least one dilemma with a weight 1–3. Needs MEMBER or higher; archived plans are read-only (403).",
  params: planParamsSchema,
  body: createTaskBodySchema,
  exampleBody: {
    title: "Quarterly access review",
    areaCode: "R3",
    pathCode: "P3",
    dilemmas: [{ dilemmaCode: "D3", weight: 2 }],
    priority: "HIGH",
    dueDate: "2026-06-30",
  },
  success: { status: 201, description: "The new task", schema: taskResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    const { id } = await run(createTask, {
      ...body,
      planId: params.planId,
      dueDate: body.dueDate ? toDateInput(body.dueDate) : null,
    });
    return run(getTaskForApi, { taskId: id });
  },
  location: (task) => `/api/v1/tasks/${task.id}`,
});

const getTask = defineApiRoute({
  operationId: "getTask",
  method: "GET",
  path: "/api/v1/tasks/{taskId}",
  tag: "Tasks",
  summary: "Get a task",
  description: "One task of the token's team; its `version` is what an update is based on.",
  params: taskParamsSchema,
  success: { status: 200, description: "The task", schema: taskResponseSchema },
  errors: READ,
  handler: ({ params, run }) => run(getTaskForApi, params),
});

const updateTaskRoute = defineApiRoute({
  operationId: "updateTask",
  method: "PATCH",
  path: "/api/v1/tasks/{taskId}",
  tag: "Tasks",
  summary: "Update a task",
  description:
    "Changes the fields sent, based on `version` (from the last read). When someone saved the task since, nothing is changed and the answer is 409 with the current task in `error.current`. Needs MEMBER or higher.",
  params: taskParamsSchema,
  body: updateTaskBodySchema,
  exampleBody: { version: 1, status: "IN_PROGRESS", progress: 40 },
  success: { status: 200, description: "The saved task", schema: taskResponseSchema },
  errors: [...WRITE, 409],
  handler: async ({ params, body, run }) => {
    const current = await run(getTaskForApi, params);
    const { version, dueDate, ...changes } = body;
    const merged: Omit<UpdateTaskInput, "taskId" | "version"> = {
      title: current.title,
      description: current.description,
      areaCode: current.areaCode as UpdateTaskInput["areaCode"],
      pathCode: current.pathCode as UpdateTaskInput["pathCode"],
      dilemmas: current.dilemmas as UpdateTaskInput["dilemmas"],
      priority: current.priority,
      status: current.status,
      assigneeId: current.assignee?.id ?? null,
      dueDate: current.dueDate,
      progress: current.progress,
      ...changes,
      ...(dueDate !== undefined ? { dueDate: dueDate ? toDateInput(dueDate) : null } : {}),
    };
    try {
      await run(updateTask, { ...merged, taskId: params.taskId, version });
    } catch (error) {
      // The conflict answer carries the task as the API shows it.
      if (error instanceof AppError && error.code === "CONFLICT") {
        throw new AppError("CONFLICT", {
          userMessage: msg("apiTaskVersionStale"),
          details: { current: await run(getTaskForApi, params) },
        });
      }
      throw error;
    }
    return run(getTaskForApi, params);
  },
});

const addReadingRoute = defineApiRoute({
  operationId: "addReading",
  method: "POST",
  path: "/api/v1/indicators/{indicatorId}/readings",
  tag: "Indicators",
  summary: "Add an indicator reading",
  description:
    "A dated value of one of the plan's indicators (ids are in the progress JSON); the latest reading is the indicator's current value. Needs MEMBER or higher.",
  params: indicatorParamsSchema,
  body: addReadingBodySchema,
  exampleBody: { value: 42.5, recordedOn: "2026-03-31", note: "Q1 figure" },
  success: { status: 201, description: "The reading", schema: readingResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    const { id } = await run(addReading, {
      ...body,
      indicatorId: params.indicatorId,
      recordedOn: toDateInput(body.recordedOn),
    });
    return run(getReadingForApi, { indicatorId: params.indicatorId, readingId: id });
  },
  location: (reading) => `/api/v1/indicators/${reading.indicatorId}/readings/${reading.id}`,
});

const getReading = defineApiRoute({
  operationId: "getReading",
  method: "GET",
  path: "/api/v1/indicators/{indicatorId}/readings/{readingId}",
  tag: "Indicators",
  summary: "Get an indicator reading",
  description: "One reading of an indicator of the token's team (where a new reading's Location points).",
  params: readingParamsSchema,
  success: { status: 200, description: "The reading", schema: readingResponseSchema },
  errors: READ,
  handler: ({ params, run }) => run(getReadingForApi, params),
});

const getCatalog = defineApiRoute({
  operationId: "getCatalog",
  method: "GET",
  path: "/api/v1/catalog",
  tag: "Catalog",
  summary: "Get the catalog",
  description:
    "The research framework the plans are built from: dilemmas D1–D4, paths P1–P4, areas R1–R4, task templates with weights, suggested indicators, in Chinese and English.",
  success: { status: 200, description: "The catalog", schema: catalogResponseSchema },
  errors: READ,
  handler: ({ run }) => run(getCatalogForApi, {}),
});

/** Every operation of the REST API: the route handlers, the OpenAPI document and its contract test all read this list. */
export const apiRoutes = {
  listPlans,
  createPlan: createPlanRoute,
  getPlan,
  getProgress,
  listTasks,
  createTask: createTaskRoute,
  getTask,
  updateTask: updateTaskRoute,
  addReading: addReadingRoute,
  getReading,
  getCatalog,
} satisfies Record<string, ApiRoute>;
