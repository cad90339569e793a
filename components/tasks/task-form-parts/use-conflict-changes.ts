"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AreaCode, PathCode } from "@/lib/catalog/types";
import {
  FIELD_NAMES,
  sortLinks,
  type Change,
  type FieldName,
  type Option,
  type TaskSnapshot,
} from "@/components/tasks/task-form-parts/snapshot";

/** The labels of the task's fields, and the changes between two versions of a task as the reader sees them. */
export function useConflictChanges({
  members,
  areas,
  paths,
}: {
  members: { id: string; name: string }[];
  areas: Option<AreaCode>[];
  paths: Option<PathCode>[];
}) {
  const t = useTranslations("task");
  const ts = useTranslations("enums.taskStatus");
  const tp = useTranslations("enums.priority");
  const format = useFormatter();

  const memberName = (id: string | null) =>
    id ? (members.find((m) => m.id === id)?.name ?? t("values.formerMember")) : t("values.unassigned");
  const labelOf = <C extends string>(options: Option<C>[], code: string) =>
    options.find((o) => o.code === code)?.label ?? code;
  const dateLabel = (value: string) =>
    value
      ? format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })
      : t("values.noDueDate");
  const linksLabel = (links: TaskSnapshot["dilemmas"]) =>
    links.length === 0
      ? t("values.none")
      : sortLinks(links)
          .map((l) => t("values.dilemmaLink", { code: l.dilemmaCode, weight: l.weight }))
          .join(", ");

  function display(field: FieldName, snapshot: TaskSnapshot): string {
    switch (field) {
      case "areaCode":
        return labelOf(areas, snapshot.areaCode);
      case "pathCode":
        return labelOf(paths, snapshot.pathCode);
      case "dilemmas":
        return linksLabel(snapshot.dilemmas);
      case "priority":
        return tp(snapshot.priority);
      case "status":
        return ts(snapshot.status);
      case "assigneeId":
        return memberName(snapshot.assigneeId);
      case "startDate":
        return dateLabel(snapshot.startDate);
      case "dueDate":
        return dateLabel(snapshot.dueDate);
      case "progress":
        return t("percent", { value: snapshot.progress });
      default:
        return String(snapshot[field]) || t("values.none");
    }
  }

  function changesBetween(before: TaskSnapshot, after: TaskSnapshot): Change[] {
    return FIELD_NAMES.filter((field) => {
      const x = field === "dilemmas" ? sortLinks(before.dilemmas) : before[field];
      const y = field === "dilemmas" ? sortLinks(after.dilemmas) : after[field];
      return JSON.stringify(x ?? null) !== JSON.stringify(y ?? null);
    }).map((field) => ({
      field,
      from: display(field, before),
      to: display(field, after),
      isText: field === "description",
    }));
  }

  const fieldLabel: Record<FieldName, string> = {
    title: t("fields.title"),
    description: t("fields.description"),
    areaCode: t("fields.area"),
    pathCode: t("fields.path"),
    dilemmas: t("fields.dilemmas"),
    priority: t("fields.priority"),
    status: t("fields.status"),
    assigneeId: t("fields.assignee"),
    startDate: t("fields.startDate"),
    dueDate: t("fields.dueDate"),
    progress: t("fields.progress"),
  };

  return { changesBetween, fieldLabel, display };
}
