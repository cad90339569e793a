import { z } from "zod";
import { displayNameSchema, emailSchema, newPasswordSchema } from "@/lib/validation/auth";

export const updateProfileSchema = z.object({
  name: displayNameSchema,
  locale: z.enum(["en", "zh-CN"], { error: "Choose a language." }),
});
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.object({ password: newPasswordSchema });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
