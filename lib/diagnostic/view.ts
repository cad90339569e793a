import { dilemmas } from "@/lib/catalog/catalog";
import { getArea } from "@/lib/catalog/lookup";
import type { AreaCode } from "@/lib/catalog/types";
import type { Maturity } from "@/lib/diagnostic/statements";
import { localize } from "@/lib/i18n/config";
import { toPercent } from "@/lib/progress/formula";

/** The radar's rows: maturity per dilemma in whole percent, with the previous diagnostic's when there is one. */
export function maturityRows(
  latest: { maturity: Maturity },
  previous: { maturity: Maturity } | undefined,
  locale: string,
) {
  return dilemmas.map((d) => ({
    code: d.code,
    name: localize(d.name, locale),
    latest: toPercent(latest.maturity[d.code]),
    previous: previous ? toPercent(previous.maturity[d.code]) : null,
  }));
}

/** "R3 · Data security and privacy" in the reader's language. */
export function getAreaOfDilemmaLabel(code: AreaCode, locale: string): string {
  return `${code} · ${localize(getArea(code).name, locale)}`;
}
