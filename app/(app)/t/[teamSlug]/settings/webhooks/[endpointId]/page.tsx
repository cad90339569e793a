import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EditWebhookForm } from "@/components/webhooks/edit-webhook-form";
import { EndpointActions } from "@/components/webhooks/endpoint-actions";
import { PingButton } from "@/components/webhooks/ping-button";
import { runOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getTeamContext, operationActor } from "@/lib/server/team-context";
import { WEBHOOK_DELIVERY_STATUSES } from "@/lib/validation/webhook";
import { getWebhook, listWebhookDeliveries } from "@/lib/webhooks/webhooks";

type Props = {
  params: Promise<{ teamSlug: string; endpointId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One endpoint: edit it, ping it, enable, roll or delete it, and its delivery log by status, 50 a page. */
export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const { teamSlug, endpointId } = await params;
  const query = await searchParams;
  const context = await getTeamContext(teamSlug);
  if (!can(context.role, "webhooks.manage")) notFound();
  const actor = operationActor(context);
  const status = WEBHOOK_DELIVERY_STATUSES.find((s) => s === query.status);
  const requestedPage = Number(typeof query.page === "string" ? query.page : 1);
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 100_000 ? requestedPage : 1;
  const found = await Promise.all([
    runOperation(getWebhook, actor, { endpointId }),
    runOperation(listWebhookDeliveries, actor, { endpointId, status, page }),
  ]).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) return null;
    throw error;
  });
  if (!found) notFound();
  const [endpoint, log] = found;
  const t = await getTranslations("webhooks");
  const slug = context.team.slug;
  const base = `/t/${slug}/settings/webhooks/${endpoint.id}`;
  const href = (next: { status?: string; page?: number }) => {
    const search = new URLSearchParams();
    if (next.status) search.set("status", next.status);
    if (next.page && next.page > 1) search.set("page", String(next.page));
    const text = search.toString();
    return text ? `${base}?${text}` : base;
  };
  const filters: { label: string; status?: string }[] = [
    { label: t("filterAll") },
    ...WEBHOOK_DELIVERY_STATUSES.map((s) => ({ label: t(`status.${s}`), status: s })),
  ];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href={`/t/${slug}/settings/webhooks`} className="text-sm text-brand-700 underline">
          {t("backToList")}
        </Link>
        <h1 className="font-mono text-xl font-semibold wrap-anywhere">{endpoint.url}</h1>
        {endpoint.description ? <p className="text-sm text-slate-800">{endpoint.description}</p> : null}
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {endpoint.enabled ? (
            <Badge tone="green">{t("active")}</Badge>
          ) : (
            <Badge tone={endpoint.disabledReason === "failing" ? "red" : "slate"}>
              {endpoint.disabledReason === "failing" ? t("disabledFailing") : t("disabled")}
            </Badge>
          )}
        </div>
      </div>
      <Card className="flex flex-col gap-3">
        <PingButton teamSlug={slug} endpointId={endpoint.id} url={endpoint.url} />
        <EndpointActions
          teamSlug={slug}
          endpointId={endpoint.id}
          url={endpoint.url}
          isEnabled={endpoint.enabled}
          afterDelete={`/t/${slug}/settings/webhooks`}
        />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("editTitle")}</h2>
        <EditWebhookForm
          teamSlug={slug}
          endpoint={{
            id: endpoint.id,
            url: endpoint.url,
            description: endpoint.description,
            eventTypes: endpoint.eventTypes,
            version: endpoint.version,
          }}
        />
      </Card>
      <section aria-labelledby="webhook-log" className="flex flex-col gap-3">
        <h2 id="webhook-log" className="text-lg font-semibold">
          {t("logHeading")}
        </h2>
        <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2 text-sm">
          {filters.map((f) => (
            <Link
              key={f.status ?? "all"}
              href={href({ status: f.status })}
              aria-current={f.status === status ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium"
            >
              {f.label}
            </Link>
          ))}
        </nav>
        {log.total === 0 ? (
          <p className="text-sm text-slate-700">{status ? t("noDeliveriesOfStatus") : t("noDeliveries")}</p>
        ) : (
          <>
            <DeliveryLog teamSlug={slug} url={endpoint.url} deliveries={log.deliveries} isEnabled={endpoint.enabled} />
            <nav aria-label={t("pagesLabel")} className="flex flex-wrap items-center gap-3 text-sm">
              {log.page > 1 ? (
                <Link href={href({ status, page: log.page - 1 })} className="text-brand-700 underline">
                  {t("previousPage")}
                </Link>
              ) : null}
              <span>{t("pageOf", { page: log.page, pages: log.pageCount, total: log.total })}</span>
              {log.page < log.pageCount ? (
                <Link href={href({ status, page: log.page + 1 })} className="text-brand-700 underline">
                  {t("nextPage")}
                </Link>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
