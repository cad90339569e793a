import { z } from "zod";
import { displayNameSchema, emailSchema, newPasswordSchema } from "@/lib/validation/auth";
import { msg } from "@/lib/i18n/error-text";
import { textSchema } from "@/lib/validation/common";
import { toTimeZone } from "@/lib/i18n/time-zone";

export const updateProfileSchema = z.object({
  name: displayNameSchema,
  locale: z.enum(["en", "zh-CN"], { error: msg("languageRequired") }),
  /** An IANA time zone the runtime knows (left out: unchanged). */
  timeZone: z
    .string({ error: msg("timeZoneInvalid") })
    .refine((value) => toTimeZone(value) !== undefined, { error: msg("timeZoneInvalid") })
    .optional(),
});
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export const changePasswordSchema = z.object({
  currentPassword: textSchema.min(1, msg("currentPasswordRequired")).max(200),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.object({ password: newPasswordSchema });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
