import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { areas, paths } from "@/lib/catalog/catalog";
import { localize } from "@/lib/i18n/config";

export type TaskEvent = {
  id: bigint | string;
  kind: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function asLinks(value: unknown): { dilemmaCode: string; weight: number }[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((l) => asObject(l))
    .filter(
      (l): l is { dilemmaCode: string; weight: number } =>
        typeof l.dilemmaCode === "string" && typeof l.weight === "number",
    )
    .sort((a, b) => a.dilemmaCode.localeCompare(b.dilemmaCode));
}

const isSame = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A task's events as sentences in the reader's language, oldest first, each with its relative time. */
export async function TaskHistory({
  events,
  memberNames,
  now,
}: {
  events: TaskEvent[];
  memberNames: Record<string, string>;
  now: Date;
}) {
  const [t, td, ts, tp, format, locale] = await Promise.all([
    getTranslations("task"),
    getTranslations("dependencies"),
    getTranslations("enums.taskStatus"),
    getTranslations("enums.priority"),
    getFormatter(),
    getLocale(),
  ]);

  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const areaLabel = (code: unknown) => {
    const area = areas.find((a) => a.code === code);
    return area ? `${area.code} · ${localize(area.name, locale)}` : text(code) || t("values.none");
  };
  const pathLabel = (code: unknown) => {
    const path = paths.find((p) => p.code === code);
    return path ? `${path.code} · ${localize(path.name, locale)}` : text(code) || t("values.none");
  };
  const dateLabel = (value: unknown) =>
    format.dateTime(new Date(`${text(value)}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const linksLabel = (value: unknown) => {
    const links = asLinks(value);
    return links.length === 0
      ? t("values.none")
      : links.map((l) => t("values.dilemmaLink", { code: l.dilemmaCode, weight: l.weight })).join(", ");
  };
  const enumLabel = (translate: (key: string) => string, value: unknown) =>
    text(value) ? translate(text(value)) : t("values.none");

  function sentencesOf(event: TaskEvent): string[] {
    const actor = event.actor?.name ?? t("values.someone");
    const nameOf = (id: unknown) => {
      const key = text(id);
      if (memberNames[key]) return memberNames[key];
      return event.actor && event.actor.id === key ? event.actor.name : t("values.formerMember");
    };
    switch (event.kind) {
      case "task.created":
        return [t("history.created", { actor })];
      case "comment.created":
        return [t("history.commentCreated", { actor })];
      case "comment.edited":
        return [t("history.commentEdited", { actor })];
      case "comment.deleted":
        return [t("history.commentDeleted", { actor })];
      case "task.dependency_added":
        return [td("history.added", { actor, blocker: text(asObject(event.after).blockerTitle) })];
      case "task.dependency_removed":
        return [td("history.removed", { actor, blocker: text(asObject(event.before).blockerTitle) })];
      case "task.updated":
        break;
      default:
        return [t("history.updated", { actor })];
    }

    const before = asObject(event.before);
    const after = asObject(event.after);
    const has = (key: string) => key in after && !isSame(before[key], after[key]);
    const out: string[] = [];

    if (has("title")) out.push(t("history.renamed", { actor, from: text(before.title), to: text(after.title) }));
    if (has("description")) out.push(t("history.description", { actor }));
    if (has("areaCode"))
      out.push(t("history.area", { actor, from: areaLabel(before.areaCode), to: areaLabel(after.areaCode) }));
    if (has("pathCode"))
      out.push(t("history.path", { actor, from: pathLabel(before.pathCode), to: pathLabel(after.pathCode) }));
    if (has("dilemmas"))
      out.push(t("history.dilemmas", { actor, from: linksLabel(before.dilemmas), to: linksLabel(after.dilemmas) }));
    if (has("priority"))
      out.push(
        t("history.priority", { actor, from: enumLabel(tp, before.priority), to: enumLabel(tp, after.priority) }),
      );
    if (has("status"))
      out.push(t("history.status", { actor, from: enumLabel(ts, before.status), to: enumLabel(ts, after.status) }));
    if (has("progress"))
      out.push(
        t("history.progress", {
          actor,
          from: String(Number(before.progress ?? 0)),
          to: String(Number(after.progress ?? 0)),
        }),
      );
    if (has("assigneeId")) {
      if (after.reason === "member_left") out.push(t("history.memberLeft", { name: nameOf(before.assigneeId) }));
      else if (!before.assigneeId) out.push(t("history.assigned", { actor, name: nameOf(after.assigneeId) }));
      else if (!after.assigneeId) out.push(t("history.unassigned", { actor, name: nameOf(before.assigneeId) }));
      else out.push(t("history.reassigned", { actor, from: nameOf(before.assigneeId), to: nameOf(after.assigneeId) }));
    }
    if (has("startDate")) {
      if (!before.startDate) out.push(t("history.startSet", { actor, date: dateLabel(after.startDate) }));
      else if (!after.startDate) out.push(t("history.startRemoved", { actor }));
      else
        out.push(
          t("history.startChanged", { actor, from: dateLabel(before.startDate), to: dateLabel(after.startDate) }),
        );
    }
    if (has("dueDate")) {
      if (!before.dueDate) out.push(t("history.dueSet", { actor, date: dateLabel(after.dueDate) }));
      else if (!after.dueDate) out.push(t("history.dueRemoved", { actor }));
      else out.push(t("history.dueChanged", { actor, from: dateLabel(before.dueDate), to: dateLabel(after.dueDate) }));
    }
    return out.length > 0 ? out : [t("history.updated", { actor })];
  }

  if (events.length === 0) return <p className="text-sm text-slate-600">{t("history.empty")}</p>;

  return (
    <ol className="flex flex-col gap-3">
      {events.map((event) => {
        const sentences = sentencesOf(event);
        return (
          <li key={String(event.id)} className="flex gap-3 text-sm">
            <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-slate-300" />
            <div className="flex min-w-0 flex-col gap-0.5 break-words text-slate-800">
              {sentences.map((sentence, i) => (
                <p key={i}>
                  {sentence}
                  {i === sentences.length - 1 ? (
                    <>
                      {" · "}
                      <time
                        dateTime={event.createdAt.toISOString()}
                        title={format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                        className="text-slate-600"
                      >
                        {format.relativeTime(event.createdAt, now)}
                      </time>
                    </>
                  ) : null}
                </p>
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
