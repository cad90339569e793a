import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";

/** The archive's format name and the version this release writes and reads. */
export const ARCHIVE_FORMAT = "pathwise-team";
export const ARCHIVE_VERSION = 1;
/** The largest archive accepted for import (the file as uploaded, and once unzipped). */
export const MAX_ARCHIVE_BYTES = 20 * 1024 * 1024;
export const MAX_ARCHIVE_MB = MAX_ARCHIVE_BYTES / (1024 * 1024);

const id = z.string().min(1).max(100);
const email = z.string().trim().toLowerCase().max(320).pipe(z.email());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.iso.datetime();
const decimal = z.string().regex(/^-?\d{1,14}(\.\d{1,4})?$/);
const role = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"]);
const json = z.json().nullable();

/** One team as exported: people by email, rows by their ids in the exporting instance (remapped on import). */
export const teamArchiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: time,
  team: z.object({ name: z.string().trim().min(1).max(100), slug: z.string().max(100) }),
  members: z.array(z.object({ email, name: z.string().max(200), role })),
  plans: z.array(
    z.object({
      id,
      title: z.string().trim().min(1).max(200),
      description: z.string().max(20_000),
      status: z.enum(["DRAFT", "ACTIVE", "COMPLETED", "ARCHIVED"]),
      startDate: day,
      targetDate: day,
      catalogVersion: z.string().min(1).max(50),
      createdBy: email.nullable(),
      createdAt: time,
    }),
  ),
  tasks: z.array(
    z.object({
      id,
      planId: id,
      areaCode: z.string().min(1).max(20),
      pathCode: z.string().min(1).max(20),
      templateKey: z.string().max(100).nullable(),
      templateTextZh: z.string().max(2000).nullable(),
      templateTextEn: z.string().max(2000).nullable(),
      templateDescriptionZh: z.string().max(20_000).nullable(),
      templateDescriptionEn: z.string().max(20_000).nullable(),
      title: z.string().trim().min(1).max(500),
      description: z.string().max(20_000),
      status: z.enum(["TODO", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"]),
      priority: z.enum(["LOW", "MEDIUM", "HIGH", "URGENT"]),
      assignee: email.nullable(),
      dueDate: day.nullable(),
      progress: z.int().min(0).max(100),
      progressBeforeDone: z.int().min(0).max(100).nullable(),
      sortOrder: z.int().min(-2_000_000_000).max(2_000_000_000),
      createdBy: email.nullable(),
      createdAt: time,
      completedAt: time.nullable(),
    }),
  ),
  dilemmaLinks: z.array(
    z.object({ taskId: id, dilemmaCode: z.string().min(1).max(20), weight: z.int().min(1).max(3) }),
  ),
  comments: z.array(
    z.object({
      id,
      taskId: id,
      author: email.nullable(),
      body: z.string().max(20_000),
      createdAt: time,
      deletedAt: time.nullable(),
    }),
  ),
  indicators: z.array(
    z.object({
      id,
      planId: id,
      dilemmaCode: z.string().min(1).max(20),
      suggestedKey: z.string().max(100).nullable(),
      name: z.string().trim().min(1).max(200),
      unit: z.string().max(50),
      direction: z.enum(["UP", "DOWN"]),
      baseline: decimal,
      target: decimal,
      targetDate: day.nullable(),
      createdAt: time,
    }),
  ),
  readings: z.array(
    z.object({
      id,
      indicatorId: id,
      value: decimal,
      recordedOn: day,
      note: z.string().max(2000),
      createdBy: email.nullable(),
      createdAt: time,
    }),
  ),
  activity: z.array(
    z.object({
      kind: z.string().min(1).max(100),
      entityType: z.string().min(1).max(100),
      entityId: z.string().max(100),
      planId: id.nullable(),
      taskId: id.nullable(),
      actor: email.nullable(),
      before: json,
      after: json,
      createdAt: time,
    }),
  ),
});

export type TeamArchive = z.infer<typeof teamArchiveSchema>;

function invalid(key: Parameters<typeof msg>[0], values?: Record<string, string | number>): AppError {
  return new AppError("VALIDATION", { userMessage: msg(key, values) });
}

/**
 * Reads an uploaded archive (JSON, or gzip-compressed JSON): too large, not
 * JSON (e.g. cut short), another format or version, rows that do not fit, or
 * references to ids the archive does not hold are each refused with their own message.
 */
export function parseTeamArchive(bytes: Uint8Array): TeamArchive {
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) throw invalid("archiveTooLarge", { max: MAX_ARCHIVE_MB });
  let text: string;
  try {
    const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const raw = isGzip ? gunzipSync(bytes, { maxOutputLength: MAX_ARCHIVE_BYTES }) : bytes;
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch (error) {
    if (error instanceof RangeError && /maxOutputLength|Cannot create a Buffer/i.test(error.message))
      throw invalid("archiveTooLarge", { max: MAX_ARCHIVE_MB });
    throw invalid("archiveNotJson");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid("archiveNotJson");
  }
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(data);
  if (!head.success || head.data.format !== ARCHIVE_FORMAT) throw invalid("archiveWrongFormat");
  if (head.data.version !== ARCHIVE_VERSION)
    throw invalid("archiveWrongVersion", { version: String(head.data.version), supported: ARCHIVE_VERSION });
  const parsed = teamArchiveSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") ?? "";
    throw invalid("archiveInvalid", { where });
  }
  checkReferences(parsed.data);
  return parsed.data;
}

/** Every id a row points at is one the archive holds, once; nothing may point into another team. */
function checkReferences(archive: TeamArchive): void {
  const ids = (rows: { id: string }[], what: string) => {
    const set = new Set<string>();
    for (const row of rows) {
      if (set.has(row.id)) throw invalid("archiveBrokenReference", { where: `${what}:${row.id}` });
      set.add(row.id);
    }
    return set;
  };
  const plans = ids(archive.plans, "plans");
  const tasks = ids(archive.tasks, "tasks");
  ids(archive.comments, "comments");
  const indicators = ids(archive.indicators, "indicators");
  ids(archive.readings, "readings");
  const expect = (set: Set<string>, value: string | null, where: string) => {
    if (value !== null && !set.has(value)) throw invalid("archiveBrokenReference", { where: `${where}:${value}` });
  };
  for (const t of archive.tasks) expect(plans, t.planId, "tasks.planId");
  const links = new Set<string>();
  for (const l of archive.dilemmaLinks) {
    expect(tasks, l.taskId, "dilemmaLinks.taskId");
    const key = `${l.taskId} ${l.dilemmaCode}`;
    if (links.has(key)) throw invalid("archiveBrokenReference", { where: `dilemmaLinks:${key}` });
    links.add(key);
  }
  for (const c of archive.comments) expect(tasks, c.taskId, "comments.taskId");
  for (const i of archive.indicators) expect(plans, i.planId, "indicators.planId");
  for (const r of archive.readings) expect(indicators, r.indicatorId, "readings.indicatorId");
  for (const e of archive.activity) {
    expect(plans, e.planId, "activity.planId");
    expect(tasks, e.taskId, "activity.taskId");
  }
  const members = new Set(archive.members.map((m) => m.email));
  if (members.size !== archive.members.length) throw invalid("archiveInvalid", { where: "members" });
}
