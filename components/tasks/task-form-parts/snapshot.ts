import { z } from "zod";
import type { AreaCode, DilemmaCode, PathCode } from "@/lib/catalog/types";
import { type PRIORITIES, type TASK_STATUSES } from "@/lib/tasks/status";
import { taskFieldsSchema, type UpdateTaskInput } from "@/lib/validation/task";

// The task form's data: a task as loaded or saved, the form's values, and a conflict's changes.

/** A task's editable fields as loaded or saved, with dates as "YYYY-MM-DD" ("" for none). */
export type TaskSnapshot = {
  title: string;
  description: string;
  areaCode: AreaCode;
  pathCode: PathCode;
  dilemmas: { dilemmaCode: DilemmaCode; weight: number }[];
  priority: (typeof PRIORITIES)[number];
  status: (typeof TASK_STATUSES)[number];
  assigneeId: string | null;
  startDate: string;
  dueDate: string;
  progress: number;
  version: number;
};

export type Option<C extends string> = { code: C; label: string };

export type TemplateText = { titleZh: string; titleEn: string; descriptionZh: string; descriptionEn: string };

/** The snapshot with a template's untouched text in the reader's language, as the page shows it. */
export function inReaderLanguage(
  snapshot: TaskSnapshot,
  text: TemplateText | null | undefined,
  locale: string,
): TaskSnapshot {
  if (!text) return snapshot;
  const pick = (value: string, zh: string, en: string) =>
    value === zh || value === en ? (locale === "zh-CN" ? zh : en) : value;
  return {
    ...snapshot,
    title: pick(snapshot.title, text.titleZh, text.titleEn),
    description: pick(snapshot.description, text.descriptionZh, text.descriptionEn),
  };
}

export type FormValues = UpdateTaskInput;
/** The fields a conflict compares, in form order. */
export const FIELD_NAMES = [
  "title",
  "description",
  "areaCode",
  "pathCode",
  "dilemmas",
  "priority",
  "status",
  "assigneeId",
  "startDate",
  "dueDate",
  "progress",
] as const satisfies readonly (keyof TaskSnapshot & keyof FormValues)[];
export type FieldName = (typeof FIELD_NAMES)[number];
export type Change = { field: FieldName; from: string; to: string; isText?: boolean };
export type Conflict = { changes: Change[]; current: TaskSnapshot; isRebased: boolean };

/** The task as saved by someone else, as the server sends it with a CONFLICT. */
const currentTaskSchema = taskFieldsSchema.extend({
  startDate: z.string(),
  dueDate: z.string(),
  version: z.number().int(),
});

export function parseConflict(details: unknown): TaskSnapshot | null {
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  const parsed = currentTaskSchema.safeParse(details.current);
  return parsed.success ? parsed.data : null;
}

export function sortLinks(links: TaskSnapshot["dilemmas"]) {
  return [...links].sort((a, b) => a.dilemmaCode.localeCompare(b.dilemmaCode));
}

/** The form's raw values in the shape of a snapshot, to become the new base after a save. */
export function toSnapshot(values: FormValues, version: number): TaskSnapshot {
  return {
    title: values.title.trim(),
    description: values.description ?? "",
    areaCode: values.areaCode,
    pathCode: values.pathCode,
    dilemmas: sortLinks(values.dilemmas.map((l) => ({ dilemmaCode: l.dilemmaCode, weight: Number(l.weight) }))),
    priority: values.priority,
    status: values.status,
    assigneeId: values.assigneeId || null,
    startDate: values.startDate ?? "",
    dueDate: values.dueDate ?? "",
    // The server stores a done task at 100 %, whatever the slider said.
    progress: values.status === "DONE" ? 100 : Number(values.progress),
    version,
  };
}

export function toFormValues(taskId: string, snapshot: TaskSnapshot): FormValues {
  return { taskId, ...snapshot, dilemmas: sortLinks(snapshot.dilemmas) };
}
