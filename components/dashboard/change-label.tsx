import { getTranslations } from "next-intl/server";
import { toPercent } from "@/lib/progress/formula";

/** The change between two progress values in whole percentage points of what is displayed; "—" when either side is not addressed. */
export async function ChangeLabel({ now, past }: { now: number | null; past: number | null }) {
  const t = await getTranslations("dashboard.change");
  if (now === null || past === null) {
    return (
      <span className="text-slate-500" title={t("noneLabel")}>
        <span aria-hidden="true">{t("none")}</span>
        <span className="sr-only">{t("noneLabel")}</span>
      </span>
    );
  }
  const points = toPercent(now) - toPercent(past);
  if (points === 0) return <span className="tabular-nums text-slate-600">{t("same")}</span>;
  return points > 0 ? (
    <span className="font-medium tabular-nums text-green-800">{t("up", { points })}</span>
  ) : (
    <span className="font-medium tabular-nums text-red-800">{t("down", { points: -points })}</span>
  );
}
