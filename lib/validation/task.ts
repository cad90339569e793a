import { z } from "zod";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "@/lib/catalog/types";
import { descriptionSchema, idSchema, optionalDateSchema, titleSchema, versionSchema } from "@/lib/validation/common";

export const TASK_STATUSES = ["TODO", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"] as const;
export const PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"] as const;

export const dilemmaLinksSchema = z
  .array(z.object({ dilemmaCode: z.enum(DILEMMA_CODES), weight: z.coerce.number().int("Weights are whole numbers.").min(1, "Weights are 1–3.").max(3, "Weights are 1–3.") }))
  .min(1, "Link at least one dilemma.")
  .max(4)
  .refine((links) => new Set(links.map((l) => l.dilemmaCode)).size === links.length, "Each dilemma once.");

/** Every editable field of a task. */
export const taskFieldsSchema = z.object({
  title: titleSchema,
  description: descriptionSchema,
  areaCode: z.enum(AREA_CODES, { error: "Choose an area." }),
  pathCode: z.enum(PATH_CODES, { error: "Choose a path." }),
  dilemmas: dilemmaLinksSchema,
  priority: z.enum(PRIORITIES),
  status: z.enum(TASK_STATUSES),
  assigneeId: z.string().max(64).nullable(),
  dueDate: optionalDateSchema,
  progress: z.coerce.number().int("Progress is a whole number.").min(0, "Progress is 0–100.").max(100, "Progress is 0–100."),
});

export const createTaskSchema = taskFieldsSchema.extend({ planId: idSchema });
export type CreateTaskInput = z.input<typeof createTaskSchema>;

/** An edit carries the version it was based on; a stale version is a conflict. */
export const updateTaskSchema = taskFieldsSchema.extend({ taskId: idSchema, version: versionSchema });
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;

export const setTaskStatusSchema = z.object({ taskId: idSchema, version: versionSchema, status: z.enum(TASK_STATUSES) });

export const bulkTasksSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("assign"), taskIds: z.array(idSchema).min(1).max(500), assigneeId: z.string().max(64).nullable() }),
  z.object({ action: z.literal("status"), taskIds: z.array(idSchema).min(1).max(500), status: z.enum(TASK_STATUSES) }),
  z.object({ action: z.literal("dueDate"), taskIds: z.array(idSchema).min(1).max(500), dueDate: optionalDateSchema }),
  z.object({ action: z.literal("delete"), taskIds: z.array(idSchema).min(1).max(500) }),
]);
export type BulkTasksInput = z.input<typeof bulkTasksSchema>;

export const commentSchema = z.object({ taskId: idSchema, body: z.string().trim().min(1, "Write a comment.").max(10_000, "Use at most 10,000 characters.") });
export const editCommentSchema = z.object({ commentId: idSchema, body: commentSchema.shape.body });
export const commentIdSchema = z.object({ commentId: idSchema });
