/** The catalog's text copied onto a template task at creation (null on custom tasks). */
type TitleCopies = { templateKey: string | null; templateTextZh: string | null; templateTextEn: string | null };
type DescriptionCopies = {
  templateKey: string | null;
  templateDescriptionZh: string | null;
  templateDescriptionEn: string | null;
};

/** Whether `text` is still the template's own text in one of its languages (not edited since creation). */
export function isTemplateText(text: string, zh: string | null, en: string | null): boolean {
  return (zh !== null && text === zh) || (en !== null && text === en);
}

function inLocale(text: string, zh: string | null, en: string | null, locale: string): string {
  if (!isTemplateText(text, zh, en)) return text;
  return (locale === "zh-CN" ? zh : en) ?? text;
}

/** A task's title in the reader's language: untouched template text follows the UI language, edited titles stay as written. */
export function displayTitle(task: TitleCopies & { title: string }, locale: string): string {
  return task.templateKey ? inLocale(task.title, task.templateTextZh, task.templateTextEn, locale) : task.title;
}

/** A task's description in the reader's language, by the same rule as its title. */
export function displayDescription(task: DescriptionCopies & { description: string }, locale: string): string {
  return task.templateKey
    ? inLocale(task.description, task.templateDescriptionZh, task.templateDescriptionEn, locale)
    : task.description;
}

/** Whether the title (resp. description) is still the template's text, so readers see it in their language. */
export function hasTemplateTitle(task: TitleCopies & { title: string }): boolean {
  return Boolean(task.templateKey) && isTemplateText(task.title, task.templateTextZh, task.templateTextEn);
}
export function hasTemplateDescription(task: DescriptionCopies & { description: string }): boolean {
  return (
    Boolean(task.templateKey) &&
    isTemplateText(task.description, task.templateDescriptionZh, task.templateDescriptionEn)
  );
}

/**
 * The text to store when a task is saved: a submitted title or description that
 * is the template's text in either language, over stored text that is too, is
 * no edit (a reader saved what their language showed), so the stored text stays.
 */
export function keepTemplateText<T extends { title?: string; description?: string }>(
  current: TitleCopies & DescriptionCopies & { title: string; description: string },
  change: T,
): T {
  const next = { ...change };
  const { templateTextZh: tz, templateTextEn: te, templateDescriptionZh: dz, templateDescriptionEn: de } = current;
  if (next.title !== undefined && isTemplateText(next.title, tz, te) && isTemplateText(current.title, tz, te)) {
    next.title = current.title;
  }
  if (
    next.description !== undefined &&
    isTemplateText(next.description, dz, de) &&
    isTemplateText(current.description, dz, de)
  ) {
    next.description = current.description;
  }
  return next;
}

/** What a reader of each language sees of a task's title and description (edited or custom text is the same in both). */
export function textInBothLanguages(task: TitleCopies & DescriptionCopies & { title: string; description: string }): {
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
} {
  return {
    titleZh: displayTitle(task, "zh-CN"),
    titleEn: displayTitle(task, "en"),
    descriptionZh: displayDescription(task, "zh-CN"),
    descriptionEn: displayDescription(task, "en"),
  };
}
