import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { dilemmas } from "@/lib/catalog/catalog";
import type { SavedDiagnostic } from "@/lib/diagnostic/diagnostic";
import { localize } from "@/lib/i18n/config";
import { toPercent } from "@/lib/progress/formula";

/** The latest diagnostic's maturity per dilemma and its change since the one before, beside the team's task progress. */
export async function MaturityProgressCard({
  teamSlug,
  diagnostics,
  progress,
}: {
  teamSlug: string;
  /** Newest first: the latest and the one before it. */
  diagnostics: SavedDiagnostic[];
  /** The team's weighted task progress per dilemma over its active plans. */
  progress: Record<string, number | null>;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("guide.maturity"), getFormatter(), getLocale()]);
  const [latest, previous] = diagnostics;
  const formatDay = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const href = `/t/${teamSlug}/diagnostic`;
  return (
    <Card>
      <section aria-labelledby="maturity-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="maturity-heading" className="text-lg font-semibold">
            {t("heading")}
          </h2>
          <p className="text-sm text-slate-600">{latest ? t("intro") : t("none")}</p>
        </div>
        {latest ? (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {t("dilemma")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    {t("maturity", { date: formatDay(latest.createdAt) })}
                  </th>
                  {previous ? (
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      {t("change", { date: formatDay(previous.createdAt) })}
                    </th>
                  ) : null}
                  <th scope="col" className="py-2 text-right font-medium">
                    {t("progress")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {dilemmas.map((d) => {
                  const now = toPercent(latest.maturity[d.code]);
                  const change = previous ? now - toPercent(previous.maturity[d.code]) : null;
                  const done = progress[d.code] ?? null;
                  return (
                    <tr key={d.code} data-testid={`maturity-row-${d.code}`}>
                      <th scope="row" className="py-2 pr-3 font-normal">
                        {d.code} · {localize(d.name, locale)}
                      </th>
                      <td className="py-2 pr-3 text-right tabular-nums">{t("percent", { value: now })}</td>
                      {previous ? (
                        <td
                          className={`py-2 pr-3 text-right tabular-nums ${change! > 0 ? "text-green-800" : change! < 0 ? "text-red-800" : ""}`}
                        >
                          {change === 0 ? t("noChange") : t("points", { value: change! })}
                        </td>
                      ) : null}
                      <td className="py-2 text-right tabular-nums">
                        {done === null ? t("notAddressed") : t("percent", { value: toPercent(done) })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        <div>
          <Link href={href} className={buttonClass("secondary")}>
            {latest ? t("retake") : t("take")}
          </Link>
        </div>
      </section>
    </Card>
  );
}
