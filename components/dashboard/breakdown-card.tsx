import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";

/** Progress bars of one dimension (areas R1–R4 or paths P1–P4), "not addressed" where no task links. */
export async function BreakdownCard({
  id,
  heading,
  rows,
}: {
  id: string;
  heading: string;
  rows: { code: string; name: string; progress: number | null; taskCount: number }[];
}) {
  const t = await getTranslations("dashboard");
  return (
    <Card className="break-inside-avoid print:shadow-none">
      <section aria-labelledby={id}>
        <h2 id={id} className="mb-3 text-lg font-semibold">
          {heading}
        </h2>
        <dl className="flex flex-col gap-3">
          {rows.map((r) => (
            <div key={r.code}>
              <dt className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-medium">
                  {r.code} · {r.name}
                </span>
                <span className="text-slate-600">{t("breakdown.tasks", { count: r.taskCount })}</span>
              </dt>
              <dd>
                <ProgressBar value={r.progress} label={`${r.code} ${r.name}`} notAddressed={t("notAddressed")} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </Card>
  );
}
