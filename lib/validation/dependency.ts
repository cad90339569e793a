import { z } from "zod";
import { idSchema } from "@/lib/validation/common";

/** A "blocked by" link: `taskId` waits for `blockerId` (both tasks of one plan). */
export const taskDependencySchema = z.object({
  taskId: idSchema,
  blockerId: idSchema,
});
export type TaskDependencyInput = z.input<typeof taskDependencySchema>;
