import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { kindMessageKey } from "@/lib/notifications/kinds";
import { readUnsubscribe } from "@/lib/notifications/unsubscribe";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The unsubscribe link of a notification mail: one button stops those mails (no sign-in needed). */
export default async function UnsubscribePage({ searchParams }: Props) {
  const query = await searchParams;
  const params = new URLSearchParams();
  for (const key of ["u", "k", "s"]) if (typeof query[key] === "string") params.set(key, query[key]);
  const [t, tk] = await Promise.all([getTranslations("unsubscribe"), getTranslations("notifications.kinds")]);
  const target = readUnsubscribe(params);
  return (
    <Card>
      <h1 className="mb-3 text-xl font-semibold">{t("heading")}</h1>
      {!target ? (
        <p role="alert">{t("invalid")}</p>
      ) : query.done ? (
        <p role="status">{t("done")}</p>
      ) : (
        <form method="post" action={`/api/unsubscribe?${params.toString()}&from=page`} className="flex flex-col gap-3">
          <p>{t("explain")}</p>
          <ul className="list-disc pl-5">
            {target.kinds.map((kind) => (
              <li key={kind}>{tk(kindMessageKey(kind))}</li>
            ))}
          </ul>
          <Button type="submit">{t("confirm")}</Button>
        </form>
      )}
    </Card>
  );
}
