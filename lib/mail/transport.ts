import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

/** A rendered mail: the same message as plain text and as HTML. */
export type Mail = { to: string; subject: string; text: string; html?: string };

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/**
 * Sends a mail through SMTP_URL; without it the mail (links included) goes to
 * the server log instead, so a development setup still shows the links.
 */
export async function sendMail({ to, subject, text, html }: Mail): Promise<"sent" | "logged"> {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) {
    log().info({ event: "mail.logged", to, subject, text }, "mail logged (SMTP_URL is not set)");
    return "logged";
  }
  const info = (await transporterFor(SMTP_URL).sendMail({
    from: MAIL_FROM ?? "Pathwise <no-reply@pathwise.local>",
    to,
    subject,
    text,
    html,
  })) as { messageId?: string };
  log().info({ event: "mail.sent", to, subject, messageId: info.messageId }, "mail sent");
  return "sent";
}
