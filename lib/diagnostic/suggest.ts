import { areas, mainDilemmasOfArea } from "@/lib/catalog/catalog";
import type { AreaCode, DilemmaCode, TaskTemplate } from "@/lib/catalog/types";
import type { Maturity } from "@/lib/diagnostic/statements";

/** A dilemma whose maturity is at or below this share is a gap the wizard preselects an area for. */
export const SUGGEST_BELOW_MATURITY = 0.5;

/** How much a template answers the diagnostic: Σ over its dilemmas of gap × weight (gap = 1 − maturity). */
export function templateNeed(template: Pick<TaskTemplate, "weights">, maturity: Maturity): number {
  let need = 0;
  for (const [code, weight] of Object.entries(template.weights) as [DilemmaCode, number][]) {
    need += (1 - maturity[code]) * weight;
  }
  return need;
}

/** Templates by need, highest first; equal needs keep their catalog order. */
export function rankTemplates<T extends Pick<TaskTemplate, "weights">>(
  templates: readonly T[],
  maturity: Maturity,
): T[] {
  return templates
    .map((template, index) => ({ template, index, need: templateNeed(template, maturity) }))
    .sort((a, b) => b.need - a.need || a.index - b.index)
    .map((entry) => entry.template);
}

/**
 * The areas the wizard preselects: each area whose primary dilemma (the one its
 * templates weigh most) is at or below SUGGEST_BELOW_MATURITY; when no dilemma
 * is that low, the area of the least mature dilemma, so a diagnostic always
 * points somewhere.
 */
export function suggestedAreas(maturity: Maturity): AreaCode[] {
  const primary = areas.map((a) => ({ code: a.code, dilemma: mainDilemmasOfArea(a.code)[0]! }));
  const low = primary.filter((a) => maturity[a.dilemma] <= SUGGEST_BELOW_MATURITY).map((a) => a.code);
  if (low.length > 0) return low;
  const weakest = [...primary].sort((a, b) => maturity[a.dilemma] - maturity[b.dilemma])[0];
  return weakest ? [weakest.code] : [];
}
