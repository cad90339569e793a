import { z } from "zod";

/** Emails are compared and stored lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((v) => v.toLowerCase());

/** At least 10 characters; long passphrases welcome. */
export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((v) => new Set(v).size >= 4, "This password is too easy to guess; mix more characters.");

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200, "Use at most 200 characters."),
});
export type SignInInput = z.input<typeof signInSchema>;

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

/** A same-site path to return to after sign-in; anything else falls back to the team list. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return "/teams";
  }
  return next;
}
