import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { EndpointActions } from "@/components/webhooks/endpoint-actions";
import { RedeliverButton } from "@/components/webhooks/redeliver-button";
import { runOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { getTeamContext, operationActor } from "@/lib/server/team-context";
import { WEBHOOK_ERRORS } from "@/lib/validation/webhook";
import { listWebhooks, type WebhookRow } from "@/lib/webhooks/webhooks";

type Delivery = WebhookRow["deliveries"][number];

export default async function WebhooksPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const context = await getTeamContext(teamSlug);
  if (!can(context.role, "webhooks.manage")) notFound();
  const [endpoints, t, format] = await Promise.all([
    runOperation(listWebhooks, operationActor(context), {}),
    getTranslations("webhooks"),
    getFormatter(),
  ]);
  const slug = context.team.slug;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  const result = (d: Delivery) =>
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

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("createTitle")}</h2>
        <CreateWebhookForm teamSlug={slug} />
      </Card>
      <section aria-labelledby="webhook-endpoints" className="flex flex-col gap-3">
        <h2 id="webhook-endpoints" className="text-lg font-semibold">
          {t("listTitle")}
        </h2>
        {endpoints.length === 0 ? <p className="text-sm text-slate-700">{t("empty")}</p> : null}
        {endpoints.map((endpoint) => {
          const last = endpoint.deliveries[0];
          return (
            <Card key={endpoint.id} className="flex flex-col gap-3">
              <div className="flex flex-col gap-1">
                <h3 className="font-mono text-sm font-medium wrap-anywhere">{endpoint.url}</h3>
                <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  {endpoint.enabled ? (
                    <Badge tone="green">{t("active")}</Badge>
                  ) : (
                    <Badge tone={endpoint.disabledReason === "failing" ? "red" : "slate"}>
                      {endpoint.disabledReason === "failing" ? t("disabledFailing") : t("disabled")}
                    </Badge>
                  )}
                  <span>{t("subscribed", { count: endpoint.eventTypes.length })}</span>
                  <span>{last ? t("lastDelivery", { status: result(last) }) : t("noDeliveries")}</span>
                </div>
              </div>
              <EndpointActions
                teamSlug={slug}
                endpointId={endpoint.id}
                url={endpoint.url}
                isEnabled={endpoint.enabled}
              />
              {endpoint.deliveries.length > 0 ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">
                    {t("logSummary", { count: endpoint.deliveries.length })}
                  </summary>
                  <div className="mt-2 overflow-x-auto">
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">{t("logTitle", { url: endpoint.url })}</caption>
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
                        {endpoint.deliveries.map((d) => (
                          <tr key={d.id} className="border-b border-slate-100 align-top last:border-0">
                            <td className="px-2 py-1 whitespace-nowrap">{when(d.lastAttemptAt ?? d.createdAt)}</td>
                            <td className="px-2 py-1">
                              <span className="font-mono text-xs">{d.eventType}</span>
                              <span className="block text-xs text-slate-600">#{d.eventId.toString()}</span>
                            </td>
                            <td className="max-w-xs px-2 py-1 wrap-anywhere">{result(d)}</td>
                            <td className="px-2 py-1">{d.attempts}</td>
                            <td className="px-2 py-1">
                              {endpoint.enabled ? (
                                <RedeliverButton
                                  teamSlug={slug}
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
                </details>
              ) : null}
            </Card>
          );
        })}
      </section>
    </div>
  );
}
