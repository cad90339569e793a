import { getTemplate } from "@/lib/catalog/catalog";
import type { AreaCode, DilemmaCode, PathCode, Priority } from "@/lib/catalog/types";
import { DAY_MS } from "@/lib/time";

export type TemplateTaskDraft = {
  templateKey: string;
  areaCode: AreaCode;
  pathCode: PathCode;
  title: string;
  templateTextZh: string;
  templateTextEn: string;
  priority: Priority;
  dueDate: Date;
  sortOrder: number;
  dilemmas: { dilemmaCode: DilemmaCode; weight: number }[];
};

/** Adds whole days to a calendar date (UTC midnight). */
export function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + days * DAY_MS);
}

/** Task drafts for template keys: text in `locale` (copies of both kept), due = start + suggested duration, the catalog's weights. */
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
      templateTextZh: template.text.zh,
      templateTextEn: template.text.en,
      priority: template.defaultPriority,
      dueDate: addDays(startDate, template.durationDays),
      sortOrder: Number(minor),
      dilemmas: Object.entries(template.weights).map(([code, weight]) => ({
        dilemmaCode: code as DilemmaCode,
        weight,
      })),
    };
  });
}
