import { getFormatter, getTranslations } from "next-intl/server";
import { RedeliverButton } from "@/components/webhooks/redeliver-button";
import { WEBHOOK_ERRORS } from "@/lib/validation/webhook";
import type { WebhookRow } from "@/lib/webhooks/webhooks";

export type DeliveryRow = WebhookRow["deliveries"][number];

/** What became of a delivery, in words: status, HTTP code or error, and the next attempt. */
export async function deliveryResultText() {
  const [t, format] = await Promise.all([getTranslations("webhooks"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  return (d: DeliveryRow) =>
    [
      t(`status.${d.status}`),
      d.lastStatusCode !== null ? t("statusCode", { code: d.lastStatusCode }) : null,
      d.lastError && (WEBHOOK_ERRORS as readonly string[]).includes(d.lastError)
        ? t(`attemptErrors.${d.lastError}` as "attemptErrors.timeout")
        : d.lastError,
      d.status === "PENDING" && d.attempts > 0 ? t("nextAttempt", { time: when(d.nextAttemptAt) }) : null,
    ]
      .filter(Boolean)
      .join(" · ");
}

/** An endpoint's deliveries as a table, newest first, each with a Redeliver button while the endpoint is enabled. */
export async function DeliveryLog({
  teamSlug,
  url,
  deliveries,
  isEnabled,
}: {
  teamSlug: string;
  url: string;
  deliveries: DeliveryRow[];
  isEnabled: boolean;
}) {
  const [t, format, result] = await Promise.all([getTranslations("webhooks"), getFormatter(), deliveryResultText()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("logTitle", { url })}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">
              {t("colTime")}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t("colEvent")}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t("colResult")}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t("colAttempts")}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t("colActions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} className="border-b border-slate-100 align-top last:border-0">
              <td className="px-2 py-1 whitespace-nowrap">{when(d.lastAttemptAt ?? d.createdAt)}</td>
              <td className="px-2 py-1">
                <span className="font-mono text-xs">{d.eventType}</span>
                <span className="block text-xs text-slate-600">#{d.eventId.toString()}</span>
              </td>
              <td className="max-w-xs px-2 py-1 wrap-anywhere">{result(d)}</td>
              <td className="px-2 py-1">{d.attempts}</td>
              <td className="px-2 py-1">
                {isEnabled ? (
                  <RedeliverButton
                    teamSlug={teamSlug}
                    deliveryId={d.id}
                    event={`${d.eventType} #${d.eventId.toString()}`}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
