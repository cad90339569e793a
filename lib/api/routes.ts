import "server-only";
import { templatesForArea } from "@/lib/catalog/catalog";
import { defineApiRoute, type ApiErrorStatus, type ApiRoute } from "@/lib/api/define-route";
import {
  getCatalogForApi,
  getCommentForApi,
  getIndicatorForApi,
  getMeForApi,
  getPlanForApi,
  getReadingForApi,
  getTaskForApi,
  listCommentsForApi,
  listIndicatorsForApi,
  listEventsForApi,
  listMembersForApi,
  listPlansForApi,
  listReadingsForApi,
  listTasksForApi,
} from "@/lib/api/operations";
import {
  addDependencyBodySchema,
  addReadingBodySchema,
  addTemplatesBodySchema,
  addTemplatesResultSchema,
  bulkResultSchema,
  bulkTasksBodySchema,
  catalogResponseSchema,
  commentBodySchema,
  commentPageResponseSchema,
  commentParamsSchema,
  commentResponseSchema,
  correctReadingBodySchema,
  createIndicatorBodySchema,
  createPlanBodySchema,
  createTaskBodySchema,
  dependencyParamsSchema,
  eventPageResponseSchema,
  indicatorPageResponseSchema,
  indicatorParamsSchema,
  indicatorResponseSchema,
  listEventsQuerySchema,
  listTasksQuerySchema,
  memberPageResponseSchema,
  meResponseSchema,
  pageQuerySchema,
  planPageResponseSchema,
  planParamsSchema,
  planResponseSchema,
  planStatusBodySchema,
  progressQuerySchema,
  progressResponseSchema,
  readingPageResponseSchema,
  readingParamsSchema,
  readingResponseSchema,
  taskPageResponseSchema,
  taskParamsSchema,
  taskResponseSchema,
  updateIndicatorBodySchema,
  updatePlanBodySchema,
  updateTaskBodySchema,
} from "@/lib/api/schemas";
import { addComment, deleteComment, editComment } from "@/lib/comments/comments";
import { addTaskDependency, removeTaskDependency } from "@/lib/dependencies/dependencies";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import {
  addReading,
  correctReading,
  createIndicator,
  deleteIndicator,
  deleteReading,
  updateIndicator,
} from "@/lib/indicators/indicators";
import { createPlan } from "@/lib/plans/create-plan";
import { deletePlan, duplicatePlan, setPlanStatus } from "@/lib/plans/plan-lifecycle";
import { addTemplates } from "@/lib/plans/add-templates";
import { updatePlan } from "@/lib/plans/update-plan";
import { bulkTasks } from "@/lib/tasks/bulk-tasks";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import { createTask } from "@/lib/tasks/create-task";
import { updateTask } from "@/lib/tasks/update-task";
import { toDateInput } from "@/lib/validation/common";
import type { UpdateTaskInput } from "@/lib/validation/task";

const READ: readonly ApiErrorStatus[] = [];
const WRITE: readonly ApiErrorStatus[] = [403];

const PAGED: readonly ApiErrorStatus[] = [400];

const getMe = defineApiRoute({
  operationId: "getMe",
  method: "GET",
  path: "/api/v1/me",
  tag: "Team",
  summary: "Who the token acts as",
  description:
    "The token's user (their id is what `assigneeId` and `assignee` take), the role the token may use (the lower of the user's role and the token's ceiling) and the team.",
  success: { status: 200, description: "The token's user and team", schema: meResponseSchema },
  errors: READ,
  handler: ({ run }) => run(getMeForApi, {}),
});

const listMembers = defineApiRoute({
  operationId: "listMembers",
  method: "GET",
  path: "/api/v1/members",
  tag: "Team",
  summary: "List the team's members",
  description:
    "Every member of the token's team in the order they joined: user id (for assigning tasks), name, email and role.",
  query: pageQuerySchema,
  success: { status: 200, description: "A page of members", schema: memberPageResponseSchema },
  errors: PAGED,
  handler: ({ query, run }) => run(listMembersForApi, query),
});

const listEvents = defineApiRoute({
  operationId: "listEvents",
  method: "GET",
  path: "/api/v1/events",
  tag: "Team",
  summary: "List the team's changes (events feed)",
  description:
    "What happened in the token's team, oldest first, for integrations that poll: tasks, comments, plans, indicators, members and the team itself, each with who did it and the changed fields before and after. Keep the `id` of the last event processed and ask with `?after=` next time (or follow `nextCursor` within one run). Filter with `types`. Invitation events (with the invitee's email) are listed for ADMIN and OWNER only. Events are kept as long as the team exists, except that the events of a task or plan leave with it when it is deleted; its deletion event (`task.deleted`, `plan.deleted`, with the id as `entityId`) stays.",
  query: listEventsQuerySchema,
  success: { status: 200, description: "A page of events", schema: eventPageResponseSchema },
  errors: PAGED,
  handler: ({ query, run }) => run(listEventsForApi, query),
});

const listPlans = defineApiRoute({
  operationId: "listPlans",
  method: "GET",
  path: "/api/v1/plans",
  tag: "Plans",
  summary: "List the team's plans",
  description:
    "The plans of the token's team, oldest first, with their task count and overall weighted progress, a page at a time.",
  query: pageQuerySchema,
  success: { status: 200, description: "A page of plans", schema: planPageResponseSchema },
  errors: PAGED,
  handler: ({ query, run }) => run(listPlansForApi, query),
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

/** Throws the conflict of a stale plan version with the plan as the API shows it. */
async function planConflict(error: unknown, reread: () => Promise<unknown>): Promise<never> {
  if (error instanceof AppError && error.code === "CONFLICT")
    throw new AppError("CONFLICT", { userMessage: msg("planEditConflict"), details: { current: await reread() } });
  throw error;
}

const updatePlanRoute = defineApiRoute({
  operationId: "updatePlan",
  method: "PATCH",
  path: "/api/v1/plans/{planId}",
  tag: "Plans",
  summary: "Update a plan's details",
  description:
    "Changes the title, description and dates sent, based on `version` (from the last read). When someone saved the plan since, nothing is changed and the answer is 409 with the current plan in `error.current`. A start date after a task's due date is a 422. Needs ADMIN or OWNER; archived plans are read-only (403).",
  params: planParamsSchema,
  body: updatePlanBodySchema,
  exampleBody: { version: 1, title: "2027 data-security push (revised)", targetDate: "2028-03-31" },
  success: { status: 200, description: "The saved plan", schema: planResponseSchema },
  errors: [...WRITE, 409],
  handler: async ({ params, body, run }) => {
    const current = await run(getPlanForApi, params);
    const { version, ...changes } = body;
    await run(updatePlan, {
      planId: params.planId,
      version,
      title: changes.title ?? current.title,
      description: changes.description ?? current.description,
      startDate: changes.startDate ? toDateInput(changes.startDate) : current.startDate,
      targetDate: changes.targetDate ? toDateInput(changes.targetDate) : current.targetDate,
    }).catch((error: unknown) => planConflict(error, () => run(getPlanForApi, params)));
    return run(getPlanForApi, params);
  },
});

const setPlanStatusRoute = defineApiRoute({
  operationId: "setPlanStatus",
  method: "POST",
  path: "/api/v1/plans/{planId}/status",
  tag: "Plans",
  summary: "Move a plan along its lifecycle",
  description:
    "Activates, completes, archives or reopens a plan, as the plan page's buttons. A move the lifecycle does not allow is a 422. Needs MEMBER or higher; archiving and un-archiving need ADMIN or OWNER.",
  params: planParamsSchema,
  body: planStatusBodySchema,
  exampleBody: { status: "ACTIVE" },
  success: { status: 200, description: "The plan", schema: planResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    await run(setPlanStatus, { planId: params.planId, status: body.status });
    return run(getPlanForApi, params);
  },
});

const addTemplatesRoute = defineApiRoute({
  operationId: "addTemplates",
  method: "POST",
  path: "/api/v1/plans/{planId}/templates",
  tag: "Plans",
  summary: "Add template tasks to a plan",
  description:
    "Adds the catalog's template tasks to an existing plan, as the plan page's “Add template tasks”, in the token user's language with both languages kept. Templates the plan already holds are named in `duplicates` and nothing is added unless `allowDuplicates` is true. Needs MEMBER or higher; archived plans are read-only (403).",
  params: planParamsSchema,
  body: addTemplatesBodySchema,
  exampleBody: { templateKeys: ["R3.1", "R3.2"] },
  success: { status: 200, description: "What was added", schema: addTemplatesResultSchema },
  errors: WRITE,
  handler: ({ params, body, run }) => run(addTemplates, { ...body, planId: params.planId }),
});

const duplicatePlanRoute = defineApiRoute({
  operationId: "duplicatePlan",
  method: "POST",
  path: "/api/v1/plans/{planId}/duplicate",
  tag: "Plans",
  summary: "Duplicate a plan",
  description:
    "Copies the plan with its tasks and dilemma links, as the plan settings' “Duplicate”: the copy is a DRAFT named “… (copy)”, every task back at TODO and 0 %. Needs MEMBER or higher.",
  params: planParamsSchema,
  success: { status: 201, description: "The copy", schema: planResponseSchema },
  errors: WRITE,
  handler: async ({ params, run }) => {
    const { id } = await run(duplicatePlan, { planId: params.planId });
    return run(getPlanForApi, { planId: id });
  },
  location: (plan) => `/api/v1/plans/${plan.id}`,
});

const deletePlanRoute = defineApiRoute({
  operationId: "deletePlan",
  method: "DELETE",
  path: "/api/v1/plans/{planId}",
  tag: "Plans",
  summary: "Delete a plan",
  description:
    "Deletes the plan with its tasks, comments and indicators, for good (the activity log keeps that it happened). Needs ADMIN or OWNER.",
  params: planParamsSchema,
  success: { status: 204, description: "Deleted" },
  errors: WRITE,
  handler: async ({ params, run }) => {
    const plan = await run(getPlanForApi, params);
    await run(deletePlan, { planId: plan.id, confirmTitle: plan.title });
  },
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
  errors: PAGED,
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
      startDate: body.startDate ? toDateInput(body.startDate) : null,
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
    const { version, dueDate, startDate, ...changes } = body;
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
      ...(startDate !== undefined ? { startDate: startDate ? toDateInput(startDate) : null } : {}),
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

const deleteTaskRoute = defineApiRoute({
  operationId: "deleteTask",
  method: "DELETE",
  path: "/api/v1/tasks/{taskId}",
  tag: "Tasks",
  summary: "Delete a task",
  description:
    "Deletes the task with its comments (the activity log keeps that it happened). Needs MEMBER or higher; archived plans are read-only (403).",
  params: taskParamsSchema,
  success: { status: 204, description: "Deleted" },
  errors: WRITE,
  handler: async ({ params, run }) => {
    await run(getTaskForApi, params);
    await run(bulkTasks, { action: "delete", taskIds: [params.taskId] });
  },
});

const bulkTasksRoute = defineApiRoute({
  operationId: "bulkTasks",
  method: "POST",
  path: "/api/v1/tasks/bulk",
  tag: "Tasks",
  summary: "Assign, set the status or due date of, or delete many tasks",
  description:
    "One action on up to 500 tasks, all or nothing, as the task list's bulk bar: when one task is missing (404), in an archived plan (403), would be due before its plan starts or the assignee is not a member (422), or was saved by someone meanwhile (409), nothing changes. Tasks already as asked keep their version. `assign` takes `assigneeId` (null to unassign), `status` a status, `dueDate` a date or null. Needs MEMBER or higher.",
  body: bulkTasksBodySchema,
  exampleBody: { action: "status", taskIds: ["ckv9x1example0task0id01"], status: "DONE" },
  success: { status: 200, description: "How many tasks the action applied to", schema: bulkResultSchema },
  errors: [...WRITE, 404, 409],
  handler: ({ body, run }) =>
    run(bulkTasks, body.action === "dueDate" ? { ...body, dueDate: body.dueDate && toDateInput(body.dueDate) } : body),
});

const addDependencyRoute = defineApiRoute({
  operationId: "addTaskDependency",
  method: "POST",
  path: "/api/v1/tasks/{taskId}/dependencies",
  tag: "Tasks",
  summary: "Add a blocker to a task",
  description:
    "Makes the task wait for another task of the same plan (“blocked by”), as the task page's “Blocked by” section; the timeline draws it as an arrow. The answer is the task with its `blockedBy`. A task of another plan, the task itself, a blocker it already has, or a task that already waits for this one (directly or through others: a cycle) is a 422 with the reason in `error.fields.blockerId`. Needs MEMBER or higher; archived plans are read-only (403).",
  params: taskParamsSchema,
  body: addDependencyBodySchema,
  exampleBody: { blockerId: "ckv9x1example0task0id02" },
  success: { status: 200, description: "The task with its blockers", schema: taskResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    await run(addTaskDependency, { taskId: params.taskId, blockerId: body.blockerId });
    return run(getTaskForApi, params);
  },
});

const removeDependencyRoute = defineApiRoute({
  operationId: "deleteTaskDependency",
  method: "DELETE",
  path: "/api/v1/tasks/{taskId}/dependencies/{blockerId}",
  tag: "Tasks",
  summary: "Remove a blocker from a task",
  description:
    "The task no longer waits for that task. A task that is not among its blockers is a 404. Needs MEMBER or higher; archived plans are read-only (403).",
  params: dependencyParamsSchema,
  success: { status: 204, description: "Removed" },
  errors: WRITE,
  handler: async ({ params, run }) => {
    await run(removeTaskDependency, params);
  },
});

const listCommentsRoute = defineApiRoute({
  operationId: "listComments",
  method: "GET",
  path: "/api/v1/tasks/{taskId}/comments",
  tag: "Comments",
  summary: "List a task's comments",
  description: "The task's comments, oldest first (deleted ones are left out).",
  params: taskParamsSchema,
  query: pageQuerySchema,
  success: { status: 200, description: "A page of comments", schema: commentPageResponseSchema },
  errors: PAGED,
  handler: ({ params, query, run }) => run(listCommentsForApi, { ...query, taskId: params.taskId }),
});

const addCommentRoute = defineApiRoute({
  operationId: "addComment",
  method: "POST",
  path: "/api/v1/tasks/{taskId}/comments",
  tag: "Comments",
  summary: "Comment on a task",
  description:
    "Adds a comment as the token's user, who then follows the task; the assignee and followers are notified. Needs MEMBER or higher; archived plans are read-only (403).",
  params: taskParamsSchema,
  body: commentBodySchema,
  exampleBody: { body: "Access review scheduled for next week." },
  success: { status: 201, description: "The comment", schema: commentResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    const { id } = await run(addComment, { taskId: params.taskId, body: body.body });
    return run(getCommentForApi, { commentId: id });
  },
  location: (comment) => `/api/v1/comments/${comment.id}`,
});

const getCommentRoute = defineApiRoute({
  operationId: "getComment",
  method: "GET",
  path: "/api/v1/comments/{commentId}",
  tag: "Comments",
  summary: "Get a comment",
  description: "One comment of the token's team (where a new comment's Location points).",
  params: commentParamsSchema,
  success: { status: 200, description: "The comment", schema: commentResponseSchema },
  errors: READ,
  handler: ({ params, run }) => run(getCommentForApi, params),
});

const editCommentRoute = defineApiRoute({
  operationId: "editComment",
  method: "PATCH",
  path: "/api/v1/comments/{commentId}",
  tag: "Comments",
  summary: "Edit one's own comment",
  description: "Replaces the text of a comment the token's user wrote (another's is 403). Needs MEMBER or higher.",
  params: commentParamsSchema,
  body: commentBodySchema,
  exampleBody: { body: "Access review done." },
  success: { status: 200, description: "The comment", schema: commentResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    await run(editComment, { commentId: params.commentId, body: body.body });
    return run(getCommentForApi, params);
  },
});

const deleteCommentRoute = defineApiRoute({
  operationId: "deleteComment",
  method: "DELETE",
  path: "/api/v1/comments/{commentId}",
  tag: "Comments",
  summary: "Delete one's own comment",
  description: "Deletes a comment the token's user wrote (another's is 403). Needs MEMBER or higher.",
  params: commentParamsSchema,
  success: { status: 204, description: "Deleted" },
  errors: WRITE,
  handler: async ({ params, run }) => {
    await run(deleteComment, params);
  },
});

const listIndicatorsRoute = defineApiRoute({
  operationId: "listIndicators",
  method: "GET",
  path: "/api/v1/plans/{planId}/indicators",
  tag: "Indicators",
  summary: "List a plan's indicators",
  description:
    "The plan's indicators in the order they were added, with the current value and progress from the latest reading.",
  params: planParamsSchema,
  query: pageQuerySchema,
  success: { status: 200, description: "A page of indicators", schema: indicatorPageResponseSchema },
  errors: PAGED,
  handler: ({ params, query, run }) => run(listIndicatorsForApi, { ...query, planId: params.planId }),
});

const createIndicatorRoute = defineApiRoute({
  operationId: "createIndicator",
  method: "POST",
  path: "/api/v1/plans/{planId}/indicators",
  tag: "Indicators",
  summary: "Add an indicator to a plan",
  description:
    "A measurable indicator of one dilemma: a catalog suggestion (`suggestedKey`, see GET /api/v1/catalog) or a custom one, with a baseline and a target that differ. Needs MEMBER or higher; archived plans are read-only (403).",
  params: planParamsSchema,
  body: createIndicatorBodySchema,
  exampleBody: { dilemmaCode: "D3", name: "Systems with MFA", unit: "%", direction: "UP", baseline: 40, target: 95 },
  success: { status: 201, description: "The indicator", schema: indicatorResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    const { id } = await run(createIndicator, {
      ...body,
      planId: params.planId,
      targetDate: body.targetDate ? toDateInput(body.targetDate) : null,
    });
    return run(getIndicatorForApi, { indicatorId: id });
  },
  location: (indicator) => `/api/v1/indicators/${indicator.id}`,
});

const getIndicatorRoute = defineApiRoute({
  operationId: "getIndicator",
  method: "GET",
  path: "/api/v1/indicators/{indicatorId}",
  tag: "Indicators",
  summary: "Get an indicator",
  description: "One indicator of the token's team with its current value and progress.",
  params: indicatorParamsSchema,
  success: { status: 200, description: "The indicator", schema: indicatorResponseSchema },
  errors: READ,
  handler: ({ params, run }) => run(getIndicatorForApi, params),
});

const updateIndicatorRoute = defineApiRoute({
  operationId: "updateIndicator",
  method: "PATCH",
  path: "/api/v1/indicators/{indicatorId}",
  tag: "Indicators",
  summary: "Update an indicator",
  description:
    "Changes the name, unit, direction, baseline, target or target date sent (its dilemma stays). Needs MEMBER or higher; archived plans are read-only (403).",
  params: indicatorParamsSchema,
  body: updateIndicatorBodySchema,
  exampleBody: { target: 98, name: "Systems with MFA enforced" },
  success: { status: 200, description: "The indicator", schema: indicatorResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    const current = await run(getIndicatorForApi, params);
    await run(updateIndicator, {
      indicatorId: params.indicatorId,
      name: body.name ?? current.name,
      unit: body.unit ?? current.unit,
      direction: body.direction ?? current.direction,
      baseline: body.baseline ?? current.baseline,
      target: body.target ?? current.target,
      targetDate:
        body.targetDate === undefined ? current.targetDate : body.targetDate ? toDateInput(body.targetDate) : null,
    });
    return run(getIndicatorForApi, params);
  },
});

const deleteIndicatorRoute = defineApiRoute({
  operationId: "deleteIndicator",
  method: "DELETE",
  path: "/api/v1/indicators/{indicatorId}",
  tag: "Indicators",
  summary: "Delete an indicator",
  description: "Deletes the indicator with its readings. Needs MEMBER or higher; archived plans are read-only (403).",
  params: indicatorParamsSchema,
  success: { status: 204, description: "Deleted" },
  errors: WRITE,
  handler: async ({ params, run }) => {
    await run(deleteIndicator, params);
  },
});

const listReadingsRoute = defineApiRoute({
  operationId: "listReadings",
  method: "GET",
  path: "/api/v1/indicators/{indicatorId}/readings",
  tag: "Indicators",
  summary: "List an indicator's readings",
  description:
    "The indicator's readings in the order they were recorded (the one with the latest `recordedOn` is the current value).",
  params: indicatorParamsSchema,
  query: pageQuerySchema,
  success: { status: 200, description: "A page of readings", schema: readingPageResponseSchema },
  errors: PAGED,
  handler: ({ params, query, run }) => run(listReadingsForApi, { ...query, indicatorId: params.indicatorId }),
});

const correctReadingRoute = defineApiRoute({
  operationId: "correctReading",
  method: "PATCH",
  path: "/api/v1/indicators/{indicatorId}/readings/{readingId}",
  tag: "Indicators",
  summary: "Correct a reading",
  description:
    "Changes the value, day or note sent (the activity log keeps what it was). Needs MEMBER or higher; archived plans are read-only (403).",
  params: readingParamsSchema,
  body: correctReadingBodySchema,
  exampleBody: { value: 43.5, note: "Q1 figure, corrected" },
  success: { status: 200, description: "The reading", schema: readingResponseSchema },
  errors: WRITE,
  handler: async ({ params, body, run }) => {
    const current = await run(getReadingForApi, params);
    await run(correctReading, {
      ...params,
      value: body.value ?? current.value,
      recordedOn: body.recordedOn ? toDateInput(body.recordedOn) : current.recordedOn,
      note: body.note ?? current.note,
    });
    return run(getReadingForApi, params);
  },
});

const deleteReadingRoute = defineApiRoute({
  operationId: "deleteReading",
  method: "DELETE",
  path: "/api/v1/indicators/{indicatorId}/readings/{readingId}",
  tag: "Indicators",
  summary: "Delete a reading",
  description:
    "Deletes a reading; the indicator's current value falls back to the latest one left. Needs MEMBER or higher; archived plans are read-only (403).",
  params: readingParamsSchema,
  success: { status: 204, description: "Deleted" },
  errors: WRITE,
  handler: async ({ params, run }) => {
    await run(deleteReading, params);
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
  getMe,
  listMembers,
  listEvents,
  listPlans,
  createPlan: createPlanRoute,
  getPlan,
  updatePlan: updatePlanRoute,
  deletePlan: deletePlanRoute,
  setPlanStatus: setPlanStatusRoute,
  addTemplates: addTemplatesRoute,
  duplicatePlan: duplicatePlanRoute,
  getProgress,
  listTasks,
  createTask: createTaskRoute,
  bulkTasks: bulkTasksRoute,
  getTask,
  updateTask: updateTaskRoute,
  deleteTask: deleteTaskRoute,
  addTaskDependency: addDependencyRoute,
  deleteTaskDependency: removeDependencyRoute,
  listComments: listCommentsRoute,
  addComment: addCommentRoute,
  getComment: getCommentRoute,
  editComment: editCommentRoute,
  deleteComment: deleteCommentRoute,
  listIndicators: listIndicatorsRoute,
  createIndicator: createIndicatorRoute,
  getIndicator: getIndicatorRoute,
  updateIndicator: updateIndicatorRoute,
  deleteIndicator: deleteIndicatorRoute,
  listReadings: listReadingsRoute,
  addReading: addReadingRoute,
  getReading,
  correctReading: correctReadingRoute,
  deleteReading: deleteReadingRoute,
  getCatalog,
} satisfies Record<string, ApiRoute>;
