import { z } from "zod";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "@/lib/catalog/types";
import {
  descriptionSchema,
  idSchema,
  nullableIdSchema,
  optionalDateSchema,
  textSchema,
  titleSchema,
  versionSchema,
} from "@/lib/validation/common";
import { msg } from "@/lib/i18n/error-text";
import { PRIORITIES, TASK_STATUSES } from "@/lib/tasks/status";

export const dilemmaLinksSchema = z
  .array(
    z.object({
      dilemmaCode: z.enum(DILEMMA_CODES),
      weight: z.coerce.number().int(msg("weightWhole")).min(1, msg("weightRange")).max(3, msg("weightRange")),
    }),
  )
  .min(1, msg("dilemmaRequired"))
  .max(4)
  .refine((links) => new Set(links.map((l) => l.dilemmaCode)).size === links.length, msg("dilemmaOnce"));

/** Every editable field of a task. */
export const taskFieldsSchema = z.object({
  title: titleSchema,
  description: descriptionSchema,
  areaCode: z.enum(AREA_CODES, { error: msg("areaRequired") }),
  pathCode: z.enum(PATH_CODES, { error: msg("pathRequired") }),
  dilemmas: dilemmaLinksSchema,
  priority: z.enum(PRIORITIES),
  status: z.enum(TASK_STATUSES),
  assigneeId: nullableIdSchema,
  dueDate: optionalDateSchema,
  /** Left out: unchanged (the task form does not show it; the timeline and the API set it). */
  startDate: optionalDateSchema.optional(),
  progress: z.coerce.number().int(msg("progressWhole")).min(0, msg("progressRange")).max(100, msg("progressRange")),
});

export const createTaskSchema = taskFieldsSchema.extend({ planId: idSchema });
export type CreateTaskInput = z.input<typeof createTaskSchema>;

/** An edit carries the version it was based on; a stale version is a conflict. */
export const updateTaskSchema = taskFieldsSchema.extend({ taskId: idSchema, version: versionSchema });
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;

/**
 * An autosave: only the fields sent change (the task page saves one field at a
 * time), based on the version the edit started from; at least one field.
 */
export const patchTaskSchema = taskFieldsSchema
  .partial()
  // Without the form's default: a description left out stays as it is.
  .extend({ description: descriptionSchema.unwrap().optional(), taskId: idSchema, version: versionSchema })
  .refine(
    (input) => Object.keys(taskFieldsSchema.shape).some((field) => input[field as keyof typeof input] !== undefined),
    msg("nothingToSave"),
  );
export type PatchTaskInput = z.input<typeof patchTaskSchema>;

export const setTaskStatusSchema = z.object({
  taskId: idSchema,
  version: versionSchema,
  status: z.enum(TASK_STATUSES),
});

export const bulkTasksSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("assign"),
    taskIds: z.array(idSchema).min(1).max(500),
    assigneeId: nullableIdSchema,
  }),
  z.object({ action: z.literal("status"), taskIds: z.array(idSchema).min(1).max(500), status: z.enum(TASK_STATUSES) }),
  z.object({ action: z.literal("dueDate"), taskIds: z.array(idSchema).min(1).max(500), dueDate: optionalDateSchema }),
  z.object({ action: z.literal("delete"), taskIds: z.array(idSchema).min(1).max(500) }),
]);
export type BulkTasksInput = z.input<typeof bulkTasksSchema>;

export const commentSchema = z.object({
  taskId: idSchema,
  body: textSchema
    .trim()
    .min(1, msg("commentRequired"))
    .max(10_000, msg("tooLong", { max: 10_000 })),
});
export const editCommentSchema = z.object({ commentId: idSchema, body: commentSchema.shape.body });
export const commentIdSchema = z.object({ commentId: idSchema });
