import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { markReadAction } from "@/lib/notifications/actions";
import { findNotifications } from "@/lib/notifications/notifications";
import { displayTitle } from "@/lib/tasks/display-title";

type Notice = Awaited<ReturnType<typeof findNotifications>>[number];

export default async function NotificationsPage() {
  const user = await requireUser();
  const [items, t, ts, tr, format, locale] = await Promise.all([
    findNotifications({ userId: user.id }),
    getTranslations("notifications"),
    getTranslations("enums.taskStatus"),
    getTranslations("enums.role"),
    getFormatter(),
    getLocale(),
  ]);
  const sentence = (n: Notice) => {
    const actor = n.actor?.name ?? t("someone");
    const data = (n.data ?? {}) as { to?: string; url?: string };
    switch (n.kind) {
      case "task.assigned":
        return t("assigned", { actor });
      case "task.status_changed":
        return t("statusChanged", { actor, status: data.to ? ts(data.to as "TODO") : "—" });
      case "mention":
        return t("mentioned", { actor });
      case "task.due_soon":
        return t("dueSoon");
      case "task.overdue":
        return t("overdue");
      case "member.role_changed":
        return t("roleChanged", { actor, role: data.to ? tr(data.to as "MEMBER") : "—" });
      case "webhook.disabled":
        return t("webhookDisabled", { url: data.url ?? "—" });
      default:
        return t("commented", { actor });
    }
  };
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
                {sentence(n)} {/* A plain link: opening marks the notice read, so it must not be prefetched. */}
                <a href={`/notifications/${n.id}`} className="font-medium text-brand-800 underline">
                  {n.task ? displayTitle(n.task, locale) : n.team.name}
                </a>
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
