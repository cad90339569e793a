import { z } from "zod";
import { emailSchema } from "@/lib/validation/auth";
import { msg } from "@/lib/i18n/error-text";
import { idSchema } from "@/lib/validation/common";

export const roleSchema = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"], { error: msg("roleRequired") });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteInput = z.input<typeof inviteSchema>;

export const changeRoleSchema = z.object({ membershipId: idSchema, role: roleSchema });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const membershipIdSchema = z.object({ membershipId: idSchema });
export const invitationIdSchema = z.object({ invitationId: idSchema });
