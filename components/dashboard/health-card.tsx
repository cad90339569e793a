import { getTranslations } from "next-intl/server";
import { HealthBadge } from "@/components/dashboard/health-badge";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { Health } from "@/lib/progress/formula";
import { toPercent } from "@/lib/progress/formula";

/** The plan's health: overall progress against the elapsed time, its band, the rule in words, and a band per dilemma. */
export async function HealthCard({
  overall,
  expected,
  health,
  start,
  target,
  dilemmas,
}: {
  overall: number | null;
  expected: number;
  health: Health;
  start: string;
  target: string;
  dilemmas: { code: string; name: string; health: Health }[];
}) {
  const t = await getTranslations("dashboard");
  return (
    <Card className="break-inside-avoid print:shadow-none">
      <section aria-labelledby="health-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="health-heading" className="text-lg font-semibold">
            {t("health.heading")}
          </h2>
          <p className="flex items-center gap-2 text-sm">
            <span className="text-slate-600">{t("health.band")}</span>
            <HealthBadge health={health} />
          </p>
        </div>
        <dl className="grid gap-4 md:grid-cols-2">
          <div>
            <dt className="text-sm font-medium">{t("health.overall")}</dt>
            <dd>
              <ProgressBar value={overall} label={t("health.overall")} notAddressed={t("notAddressed")} />
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium">{t("health.expected")}</dt>
            <dd>
              <ProgressBar value={expected} label={t("health.expected")} notAddressed={t("notAddressed")} />
              <p className="mt-1 text-xs text-slate-600">
                {t("health.expectedHint", { percent: toPercent(expected), start, target })}
              </p>
            </dd>
          </div>
        </dl>
        <p className="text-sm text-slate-700">{t("health.rule")}</p>
        <div>
          <h3 className="mb-2 text-sm font-medium">{t("health.perDilemma")}</h3>
          <ul className="flex flex-wrap gap-3">
            {dilemmas.map((d) => (
              <li key={d.code} className="flex items-center gap-2 text-sm">
                <span title={d.name} className="font-medium">
                  {d.code}
                </span>
                <span className="sr-only">{d.name}</span>
                <HealthBadge health={d.health} />
              </li>
            ))}
          </ul>
        </div>
      </section>
    </Card>
  );
}
