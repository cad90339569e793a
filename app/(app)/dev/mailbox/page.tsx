import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { findMailboxMessages } from "@/lib/mail/mailbox";

/**
 * The local mailbox: while SMTP_URL is unset, the mails the app would have sent
 * to the signed-in person (notifications, invitations…), newest first, as plain
 * text. Gone once SMTP_URL is set (mail then really goes out).
 */
export default async function MailboxPage() {
  if (getEnv().SMTP_URL) notFound();
  const user = await requireUser();
  const [mails, t, format] = await Promise.all([
    findMailboxMessages(user.email),
    getTranslations("mailbox"),
    getFormatter(),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="max-w-2xl text-sm text-slate-700">{t("hint", { email: user.email })}</p>
      {mails.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {mails.map((m) => (
            <li key={m.id}>
              <Card>
                <h2 className="font-semibold break-words">{m.subject}</h2>
                <p className="mb-2 text-xs text-slate-600">
                  {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
                <pre className="font-sans text-sm break-words whitespace-pre-wrap text-slate-800">{m.text}</pre>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
