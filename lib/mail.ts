import "server-only";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";

/** Sends a mail when SMTP_URL is set; otherwise writes it to the server log (links included) and says so. */
export async function sendMail({
  to,
  subject,
  text,
}: {
  to: string;
  subject: string;
  text: string;
}): Promise<"sent" | "logged"> {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) {
    console.log(JSON.stringify({ level: "info", event: "mail.logged", to, subject, text }));
    return "logged";
  }
  const transport = nodemailer.createTransport(SMTP_URL);
  await transport.sendMail({ from: MAIL_FROM ?? "Pathwise <no-reply@pathwise.local>", to, subject, text });
  return "sent";
}
