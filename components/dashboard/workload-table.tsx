import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/tasks/member-label";
import { Card } from "@/components/ui/card";
import type { WorkloadRow } from "@/lib/progress/workload";
import { toPercent } from "@/lib/progress/formula";

/** Open tasks per member: count, overdue count and share of the plan's open dilemma weight. */
export async function WorkloadTable({ rows }: { rows: WorkloadRow[] }) {
  const t = await getTranslations("dashboard.workload");
  const tp = await getTranslations("dashboard");
  return (
    <Card className="break-inside-avoid print:shadow-none">
      <section aria-labelledby="workload-heading">
        <h2 id="workload-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-3">
                  {t("member")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("open")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("overdue")}
                </th>
                <th scope="col" className="w-2/5 py-2">
                  {t("share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.userId ?? "unassigned"} className="border-b border-slate-100">
                  <th
                    scope="row"
                    className={`py-2 pr-3 font-normal ${r.userId === null ? "italic text-slate-600" : ""}`}
                  >
                    {r.userId === null ? (
                      t("unassigned")
                    ) : (
                      <span className="flex items-center gap-2">
                        <Avatar id={r.userId} name={r.name ?? ""} />
                        <span className="flex min-w-0 flex-col">
                          <span>{r.name}</span>
                          {r.email ? <span className="truncate text-xs text-slate-600">{r.email}</span> : null}
                        </span>
                      </span>
                    )}
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums">{r.openCount}</td>
                  <td
                    className={`py-2 pr-3 text-right tabular-nums ${r.overdueCount > 0 ? "font-semibold text-red-800" : ""}`}
                  >
                    {r.overdueCount}
                  </td>
                  <td className="py-2">
                    {r.share === null ? (
                      <span className="text-slate-500">{t("noShare")}</span>
                    ) : (
                      <div className="flex items-center gap-2">
                        <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded bg-slate-200">
                          <div className="h-full bg-slate-700" style={{ width: `${toPercent(r.share)}%` }} />
                        </div>
                        <span className="w-12 text-right tabular-nums">
                          {tp("percent", { value: toPercent(r.share) })}
                        </span>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Card>
  );
}
