/** A task's title in the reader's language: untouched template text follows the UI language, edited titles stay as written. */
export function displayTitle(
  task: { title: string; templateKey: string | null; templateTextZh: string | null; templateTextEn: string | null },
  locale: string,
): string {
  const isTemplateText = task.templateKey && (task.title === task.templateTextEn || task.title === task.templateTextZh);
  if (!isTemplateText) return task.title;
  return (locale === "zh-CN" ? task.templateTextZh : task.templateTextEn) ?? task.title;
}
