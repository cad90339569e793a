import "server-only";
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, toLocale, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

/** A mail in its recipient's language, as plain text and HTML. */
export type RenderedMail = { subject: string; text: string; html: string };

type Block = { kind: "text"; text: string } | { kind: "link"; label: string; url: string };
export type MailBlock = Block;

/** The recipient's language: their saved preference, else the app's default. */
export function mailLocale(saved: string | null | undefined): Locale {
  return toLocale(saved) ?? DEFAULT_LOCALE;
}

function translator(locale: Locale) {
  const messages = loadMessages(locale) as Parameters<typeof createTranslator>[0]["messages"];
  return createTranslator({ locale, messages, namespace: "mail" });
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function render(locale: Locale, subject: string, blocks: Block[]): RenderedMail {
  const t = translator(locale);
  const all: Block[] = [...blocks, { kind: "text", text: t("signature") }, { kind: "text", text: t("automatic") }];
  const text = `${all.map((b) => (b.kind === "text" ? b.text : `${b.label}:\n${b.url}`)).join("\n\n")}\n`;
  const body = all
    .map((b) =>
      b.kind === "text"
        ? `<p>${escapeHtml(b.text)}</p>`
        : `<p><a href="${escapeHtml(b.url)}">${escapeHtml(b.label)}</a><br><span style="color:#555">${escapeHtml(b.url)}</span></p>`,
    )
    .join("\n");
  const html = `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family:sans-serif;line-height:1.5">\n${body}\n</body></html>\n`;
  return { subject, text, html };
}

/** The password-reset mail with its one-hour link. */
export function passwordResetMail({ locale, email, url }: { locale: Locale; email: string; url: string }) {
  const t = translator(locale);
  return render(locale, t("resetSubject"), [
    { kind: "text", text: t("resetIntro", { email }) },
    { kind: "link", label: t("resetAction"), url },
    { kind: "text", text: t("resetNote") },
  ]);
}

/** The mail that finishes a sign-up: the address's owner opens the link to create the account. */
export function signUpConfirmMail({ locale, email, url }: { locale: Locale; email: string; url: string }) {
  const t = translator(locale);
  return render(locale, t("signUpConfirmSubject"), [
    { kind: "text", text: t("signUpConfirmIntro", { email }) },
    { kind: "link", label: t("signUpConfirmAction"), url },
    { kind: "text", text: t("signUpConfirmNote") },
  ]);
}

/** Tells an account's owner that someone tried to sign up with their address, with ways back in. */
export function signUpAttemptMail({
  locale,
  email,
  signInUrl,
  resetUrl,
}: {
  locale: Locale;
  email: string;
  signInUrl: string;
  resetUrl: string;
}) {
  const t = translator(locale);
  return render(locale, t("signUpAttemptSubject"), [
    { kind: "text", text: t("signUpAttemptIntro", { email }) },
    { kind: "link", label: t("signUpAttemptSignIn"), url: signInUrl },
    { kind: "link", label: t("signUpAttemptReset"), url: resetUrl },
    { kind: "text", text: t("signUpAttemptNote") },
  ]);
}

/** An invitation to a team, naming the team and who invited. */
export function invitationMail({
  locale,
  team,
  inviter,
  url,
}: {
  locale: Locale;
  team: string;
  inviter: string;
  url: string;
}) {
  const t = translator(locale);
  return render(locale, t("invitationSubject", { team, inviter }), [
    { kind: "text", text: t("invitationIntro", { team, inviter }) },
    { kind: "link", label: t("invitationAction"), url },
    { kind: "text", text: t("invitationNote") },
  ]);
}

/** A mail of notifications (lib/notifications/mail.ts builds its blocks), with the shared signature. */
export function noticeMail({ locale, subject, blocks }: { locale: Locale; subject: string; blocks: Block[] }) {
  return render(locale, subject, blocks);
}

/** The mail translator of a locale, for mails whose text is assembled elsewhere. */
export function mailTranslator(locale: Locale) {
  return translator(locale);
}
