import { z } from "zod";
import { msg } from "@/lib/i18n/error-text";
import { textSchema } from "@/lib/validation/common";

/** Emails are compared and stored lower-cased. */
export const emailSchema = textSchema
  .trim()
  .min(1, msg("emailRequired"))
  .max(254, msg("emailTooLong"))
  .pipe(z.email(msg("emailInvalid")))
  .transform((v) => v.toLowerCase());

/** At least 10 characters; long passphrases welcome. */
export const newPasswordSchema = textSchema
  .min(10, msg("tooShort", { min: 10 }))
  .max(200, msg("tooLong", { max: 200 }))
  .refine((v) => new Set(v).size >= 4, msg("passwordWeak"));

export const displayNameSchema = textSchema
  .trim()
  .min(1, msg("nameRequired"))
  .max(100, msg("tooLong", { max: 100 }));

export const signInSchema = z.object({
  email: emailSchema,
  password: textSchema.min(1, msg("passwordRequired")).max(200, msg("tooLong", { max: 200 })),
});
export type SignInInput = z.input<typeof signInSchema>;

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

/** A same-site path to return to after sign-in; anything else falls back to home (the one team, or the team list). */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return "/";
  }
  return next;
}

/** The password chosen at sign-up, asked again when the mailed link is opened. */
export const confirmSignUpSchema = z.object({
  password: z
    .string()
    .min(1, msg("passwordRequired"))
    .max(200, msg("tooLong", { max: 200 })),
});
export type ConfirmSignUpInput = z.input<typeof confirmSignUpSchema>;
