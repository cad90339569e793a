import { stringify } from "csv-stringify/sync";
import { getArea, getDilemma, getPath } from "@/lib/catalog/lookup";
import { localize } from "@/lib/i18n/config";
import type { Rollup } from "@/lib/progress/formula";
import { displayTitle } from "@/lib/tasks/display-title";
import { toDateInput } from "@/lib/validation/common";

// Plan exports as CSV. Headers are stable English snake_case identifiers in
// both languages (tools key on them); codes (D1–D4, R1–R4, P1–P4, statuses,
// priorities) are the public codes of DOMAIN.md. Pure functions, no I/O.

/** One CSV cell: text, a number, or null for an empty cell. */
export type CsvCell = string | number | null;

/** A CSV document: a header row and its data rows. */
export type CsvTable = { header: readonly string[]; rows: CsvCell[][] };

/** The byte order mark that makes Excel read the file as UTF-8 (Chinese text intact). */
export const UTF8_BOM = "\uFEFF";

// A text cell starting like a formula would run in a spreadsheet (CSV injection): it is prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function safeCell(cell: CsvCell): CsvCell {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 CSV (CRLF rows; cells with commas, quotes or line breaks quoted, quotes doubled), preceded by a UTF-8 BOM. */
export function toCsv({ header, rows }: CsvTable): string {
  const records = [[...header], ...rows.map((row) => row.map(safeCell))];
  // csv-stringify quotes only the record delimiter itself (CRLF), so a lone \n or \r is matched explicitly.
  return UTF8_BOM + stringify(records, { record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

/** Percent with two decimals (0.428571 → 42.86); null ("not addressed") stays null, an empty cell. */
export function toExportPercent(progress: number | null): number | null {
  return progress === null ? null : Math.round(progress * 10_000) / 100;
}

/** Headers of the task export, in column order. */
export const TASK_CSV_HEADER = [
  "key",
  "title",
  "area_code",
  "area_name",
  "path_code",
  "path_name",
  "dilemmas",
  "status",
  "priority",
  "assignee",
  "due_date",
  "progress_percent",
  "status_name",
  "priority_name",
] as const;

/** Words for status and priority codes in the reader's language (messages/<locale>/enums.json). */
export type CodeNames = { taskStatus: Record<string, string>; priority: Record<string, string> };

/** The slice of a task the task export needs. */
export type ExportTask = {
  templateKey: string | null;
  title: string;
  templateTextEn: string | null;
  templateTextZh: string | null;
  areaCode: string;
  pathCode: string;
  dilemmas: { dilemmaCode: string; weight: number }[];
  status: string;
  priority: string;
  progress: number;
  dueDate: Date | null;
  assignee: { name: string } | null;
};

/**
 * One row per task: template key (empty for a custom task), title, area and
 * path code and name in `locale`, dilemma weights as "D1:3; D2:1", status and
 * priority codes, assignee name, due date YYYY-MM-DD, the task's completion in
 * percent (DONE = 100), then status and priority as words from `names` (the
 * codes when a word is missing); new columns go last so positions stay stable.
 */
export function taskCsvTable(tasks: readonly ExportTask[], locale: string, names?: CodeNames): CsvTable {
  return {
    header: TASK_CSV_HEADER,
    rows: tasks.map((t) => [
      t.templateKey ?? "",
      displayTitle(t, locale),
      t.areaCode,
      localize(getArea(t.areaCode).name, locale),
      t.pathCode,
      localize(getPath(t.pathCode).name, locale),
      [...t.dilemmas]
        .sort((a, b) => a.dilemmaCode.localeCompare(b.dilemmaCode))
        .map((d) => `${d.dilemmaCode}:${d.weight}`)
        .join("; "),
      t.status,
      t.priority,
      t.assignee?.name ?? "",
      t.dueDate ? toDateInput(t.dueDate) : "",
      t.status === "DONE" ? 100 : t.progress,
      names?.taskStatus[t.status] ?? t.status,
      names?.priority[t.priority] ?? t.priority,
    ]),
  };
}

/** Headers of the progress export, in column order. */
export const PROGRESS_CSV_HEADER = [
  "kind",
  "code",
  "name_en",
  "name_zh",
  "progress_percent",
  "task_count",
  "weight_sum",
] as const;

type CodedRollup = { code: string; progress: number | null; taskCount: number; weightSum: number };

/** The slice of getPlanProgress's result the progress export needs. */
export type ExportProgress = { overall: Rollup; dilemmas: CodedRollup[]; areas: CodedRollup[]; paths: CodedRollup[] };

const OVERALL_NAME = { en: "Overall", zh: "总体" };

/**
 * The progress summary of a plan: one "overall" row (empty code), then
 * "dilemma" D1–D4, "area" R1–R4 and "path" P1–P4 rows, with names in both
 * languages; progress_percent has two decimals and is empty when not addressed.
 */
export function progressCsvTable(progress: ExportProgress): CsvTable {
  const row = (
    kind: string,
    code: string,
    name: { en: string; zh: string },
    r: Omit<CodedRollup, "code">,
  ): CsvCell[] => [kind, code, name.en, name.zh, toExportPercent(r.progress), r.taskCount, r.weightSum];
  return {
    header: PROGRESS_CSV_HEADER,
    rows: [
      row("overall", "", OVERALL_NAME, progress.overall),
      ...progress.dilemmas.map((d) => row("dilemma", d.code, getDilemma(d.code).name, d)),
      ...progress.areas.map((a) => row("area", a.code, getArea(a.code).name, a)),
      ...progress.paths.map((p) => row("path", p.code, getPath(p.code).name, p)),
    ],
  };
}
