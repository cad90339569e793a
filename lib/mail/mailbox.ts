import "server-only";
import { db } from "@/lib/db";

/** The newest 50 mails of the local mailbox (kept while SMTP_URL is unset) addressed to the email. */
export async function findMailboxMessages(email: string) {
  return db.mailboxMessage.findMany({
    where: { to: email.toLowerCase() },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, subject: true, text: true, createdAt: true },
  });
}
