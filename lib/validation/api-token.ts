import { z } from "zod";
import { idSchema } from "@/lib/validation/common";

/** How long a new token may live; null means until revoked. */
export const API_TOKEN_LIFETIMES = [7, 30, 90, 365] as const;

/** A new personal API token: a name to recognise it by and an optional lifetime in days. */
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  expiresInDays: z.union([z.literal("").transform(() => null), z.null(), z.coerce.number().int().min(1, "Choose a lifetime.").max(3650, "At most 10 years.")]).default(null),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: idSchema });
