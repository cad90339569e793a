import { notFound } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { EndpointActions } from "@/components/webhooks/endpoint-actions";
import { DeliveryLog, deliveryResultText } from "@/components/webhooks/delivery-log";
import { PingButton } from "@/components/webhooks/ping-button";
import { runOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { getTeamContext, operationActor } from "@/lib/server/team-context";
import { listWebhooks } from "@/lib/webhooks/webhooks";

export default async function WebhooksPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const context = await getTeamContext(teamSlug);
  if (!can(context.role, "webhooks.manage")) notFound();
  const [endpoints, t, result] = await Promise.all([
    runOperation(listWebhooks, operationActor(context), {}),
    getTranslations("webhooks"),
    deliveryResultText(),
  ]);
  const slug = context.team.slug;

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
                {endpoint.description ? <p className="text-sm text-slate-800">{endpoint.description}</p> : null}
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
              <div className="flex flex-wrap items-start gap-2">
                <Link
                  href={`/t/${slug}/settings/webhooks/${endpoint.id}`}
                  className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-50"
                  aria-label={t("openLabel", { url: endpoint.url })}
                >
                  {t("open")}
                </Link>
                <PingButton teamSlug={slug} endpointId={endpoint.id} url={endpoint.url} />
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
                  <div className="mt-2">
                    <DeliveryLog
                      teamSlug={slug}
                      url={endpoint.url}
                      deliveries={endpoint.deliveries}
                      isEnabled={endpoint.enabled}
                    />
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
