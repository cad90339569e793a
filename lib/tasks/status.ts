import type { Priority, TaskStatus } from "@/generated/prisma/enums";

/** Task statuses in board order. */
export const TASK_STATUSES = [
  "TODO",
  "IN_PROGRESS",
  "BLOCKED",
  "DONE",
  "CANCELLED",
] as const satisfies readonly TaskStatus[];

/** The statuses of work still to do: what "open" and "overdue" count. */
export const OPEN_STATUSES = ["TODO", "IN_PROGRESS", "BLOCKED"] as const satisfies readonly TaskStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** Whether a status is one of the open ones (narrows it). */
export function isOpenStatus(status: string): status is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** Task priorities, lowest first. */
export const PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"] as const satisfies readonly Priority[];
