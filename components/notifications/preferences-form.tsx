import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { kindMessageKey, NOTICE_KINDS, type NoticeKind } from "@/lib/notifications/kinds";
import { savePreferencesAction } from "@/lib/notifications/actions";
import type { Channel } from "@/lib/notifications/preferences";

const CHANNEL_OPTIONS: Channel[] = ["EMAIL", "IN_APP", "OFF"];

/** Per kind of notification: in the app and by mail, in the app only, or off. Works without JavaScript. */
export async function NotificationPreferencesForm({ preferences }: { preferences: Record<NoticeKind, Channel> }) {
  const [t, tk] = await Promise.all([getTranslations("profile.notices"), getTranslations("notifications.kinds")]);
  return (
    <form action={savePreferencesAction} className="flex flex-col gap-3">
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("kind")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("channel")}
            </th>
          </tr>
        </thead>
        <tbody>
          {NOTICE_KINDS.map((kind) => (
            <tr key={kind} className="border-t border-slate-100">
              <td className="py-2 pr-3">
                <label htmlFor={`notice-${kind}`}>{tk(kindMessageKey(kind))}</label>
              </td>
              <td className="py-2">
                <select
                  id={`notice-${kind}`}
                  name={kind}
                  defaultValue={preferences[kind]}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1"
                >
                  {CHANNEL_OPTIONS.map((c) => (
                    <option key={c} value={c}>
                      {t(`channels.${c}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <Button type="submit">{t("save")}</Button>
      </div>
    </form>
  );
}
