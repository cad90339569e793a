// A real SMTP server for integration tests: the app's own transport (nodemailer
// through SMTP_URL) delivers to it, and tests read the parsed mails.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { resetEnvCache } from "@/lib/env";

/** A received mail, parsed. */
export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Header values by lower-case name, as sent (e.g. "list-unsubscribe"). */
  headers: Record<string, string>;
};

export type SmtpSink = {
  mails: ReceivedMail[];
  /** The mails addressed to the email (case-insensitive). */
  mailsTo: (email: string) => ReceivedMail[];
  /** Runs while a mail is being received, before the server accepts it (to look at the sender's state mid-send). */
  beforeAccept?: (mail: ReceivedMail) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Starts an SMTP server on a free loopback port and points SMTP_URL (and APP_URL,
 * when given) at it until close().
 */
export async function startSmtpSink({ appUrl }: { appUrl?: string } = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  // eslint-disable-next-line prefer-const -- assigned below, read by onData
  let sink: SmtpSink;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers: Object.fromEntries(
              parsed.headerLines.map((h) => [
                h.key,
                h.line
                  .slice(h.line.indexOf(":") + 1)
                  .replace(/\r?\n\s+/g, " ")
                  .trim(),
              ]),
            ),
          };
          await sink.beforeAccept?.(mail);
          mails.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const previous = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  if (appUrl !== undefined) process.env.APP_URL = appUrl;
  resetEnvCache();
  sink = {
    mails,
    mailsTo: (email) => mails.filter((m) => m.to.includes(email.toLowerCase())),
    close: async () => {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetEnvCache();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return sink;
}

/** A Defer that keeps the scheduled work for the test to run (or not) after the call has answered. */
export function deferredWork() {
  const tasks: (() => Promise<unknown>)[] = [];
  return {
    defer: (task: () => Promise<unknown>) => {
      tasks.push(task);
    },
    get pending() {
      return tasks.length;
    },
    /** Runs and clears everything scheduled so far. */
    async run() {
      const batch = tasks.splice(0);
      for (const task of batch) await task();
    },
  };
}
