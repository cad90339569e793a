import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

/** A rendered mail: the same message as plain text and as HTML, with extra headers (e.g. List-Unsubscribe). */
export type Mail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/**
 * Sends a mail through SMTP_URL; without it the mail (links included) goes to
 * the server log and to the local mailbox (the MailboxMessage table, read at
 * /dev/mailbox by its recipient), so a setup without SMTP still shows it.
 */
export async function sendMail({ to, subject, text, html, headers }: Mail): Promise<"sent" | "logged"> {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) {
    log().info({ event: "mail.logged", to, subject, text }, "mail logged (SMTP_URL is not set)");
    await db.mailboxMessage.create({ data: { to: to.toLowerCase(), subject, text, html, headers } });
    return "logged";
  }
  const info = (await transporterFor(SMTP_URL).sendMail({
    from: MAIL_FROM ?? "Pathwise <no-reply@pathwise.local>",
    to,
    subject,
    text,
    html,
    headers,
  })) as { messageId?: string };
  log().info({ event: "mail.sent", to, subject, messageId: info.messageId }, "mail sent");
  return "sent";
}
