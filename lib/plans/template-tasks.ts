import { getTemplate } from "@/lib/catalog/catalog";
import type { AreaCode, DilemmaCode, PathCode, Priority } from "@/lib/catalog/types";
import { DAY_MS } from "@/lib/time";

export type TemplateTaskDraft = {
  templateKey: string;
  areaCode: AreaCode;
  pathCode: PathCode;
  title: string;
  description: string;
  templateTextZh: string;
  templateTextEn: string;
  templateDescriptionZh: string;
  templateDescriptionEn: string;
  priority: Priority;
  startDate: Date;
  dueDate: Date;
  sortOrder: number;
  dilemmas: { dilemmaCode: DilemmaCode; weight: number }[];
};

/** Adds whole days to a calendar date (UTC midnight). */
export function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + days * DAY_MS);
}

/** Task drafts for template keys: title and description in `locale` (copies of both languages kept), start = the plan's start, due = start + suggested duration, the catalog's weights. */
export function tasksFromTemplates({
  templateKeys,
  startDate,
  locale,
}: {
  templateKeys: readonly string[];
  startDate: Date;
  locale: string;
}): TemplateTaskDraft[] {
  return templateKeys.map((key) => {
    const template = getTemplate(key);
    if (!template) throw new Error(`Unknown template ${key}`);
    const [, minor = "0"] = key.split(".");
    return {
      templateKey: template.key,
      areaCode: template.area,
      pathCode: template.path,
      title: locale === "zh-CN" ? template.text.zh : template.text.en,
      description: locale === "zh-CN" ? template.description.zh : template.description.en,
      templateTextZh: template.text.zh,
      templateTextEn: template.text.en,
      templateDescriptionZh: template.description.zh,
      templateDescriptionEn: template.description.en,
      priority: template.defaultPriority,
      startDate,
      dueDate: addDays(startDate, template.durationDays),
      sortOrder: Number(minor),
      dilemmas: Object.entries(template.weights).map(([code, weight]) => ({
        dilemmaCode: code as DilemmaCode,
        weight,
      })),
    };
  });
}
