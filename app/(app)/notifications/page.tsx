import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { markReadAction } from "@/lib/notifications/actions";
import { findNotifications } from "@/lib/notifications/notifications";
import { displayTitle } from "@/lib/tasks/display-title";

export default async function NotificationsPage() {
  const user = await requireUser();
  const [items, t, format, locale] = await Promise.all([
    findNotifications({ userId: user.id }),
    getTranslations("notifications"),
    getFormatter(),
    getLocale(),
  ]);
  const now = new Date();
  const hasUnread = items.some((n) => !n.readAt);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        {hasUnread ? (
          <form action={markReadAction.bind(null, undefined)}>
            <button type="submit" className="text-sm text-brand-700 underline">
              {t("markAllRead")}
            </button>
          </form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-2">
          {items.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-center justify-between gap-2 rounded-lg border p-3 text-sm ${n.readAt ? "border-slate-200 bg-white" : "border-brand-600 bg-brand-50"}`}
            >
              <span>
                {t(n.kind === "task.assigned" ? "assigned" : "commented", { actor: n.actor?.name ?? "—" })}{" "}
                {n.task ? (
                  <Link
                    href={`/t/${n.team.slug}/plans/${n.task.planId}/tasks/${n.task.id}`}
                    className="font-medium text-brand-800 underline"
                  >
                    {displayTitle(n.task, locale)}
                  </Link>
                ) : null}
                <span className="block text-xs text-slate-600">
                  {n.team.name} · {format.relativeTime(n.createdAt, now)}
                </span>
              </span>
              {n.readAt ? null : (
                <form action={markReadAction.bind(null, n.id)}>
                  <button type="submit" className="text-xs text-brand-700 underline">
                    {t("markRead")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
