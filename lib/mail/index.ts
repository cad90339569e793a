export { sendMail, type Mail } from "@/lib/mail/transport";
export { afterResponse, type Defer } from "@/lib/mail/after-response";
export {
  invitationMail,
  mailLocale,
  mailTranslator,
  noticeMail,
  type MailBlock,
  passwordResetMail,
  signUpAttemptMail,
  signUpConfirmMail,
  type RenderedMail,
} from "@/lib/mail/templates";
