import { getTranslations } from "next-intl/server";
import type { OutcomeAlert } from "@/lib/guide/guide";
import { toPercent } from "@/lib/progress/formula";

/** Output without outcome: a dilemma whose tasks are mostly done while its indicators stay flat or move the wrong way. */
export async function OutcomeAlerts({ alerts, names }: { alerts: OutcomeAlert[]; names: Record<string, string> }) {
  if (alerts.length === 0) return null;
  const t = await getTranslations("guide");
  return (
    <section
      aria-labelledby="outcome-heading"
      className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="outcome-heading" className="font-semibold">
        {t("outcome.heading")}
      </h2>
      {alerts.map((alert) => (
        <div key={alert.code} data-testid={`outcome-${alert.code}`}>
          <p>
            {t("outcome.text", {
              code: alert.code,
              name: names[alert.code] ?? alert.code,
              progress: toPercent(alert.progress),
            })}
          </p>
          <ul className="ml-5 list-disc">
            {alert.indicators.map((i) => (
              <li key={i.id}>{t(i.trend === "flat" ? "outcome.flat" : "outcome.wrongWay", { name: i.name })}</li>
            ))}
          </ul>
        </div>
      ))}
      <p className="text-xs">{t("outcome.hint")}</p>
    </section>
  );
}
