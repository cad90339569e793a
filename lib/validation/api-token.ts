import { z } from "zod";
import { msg } from "@/lib/i18n/error-text";
import { idSchema, textSchema } from "@/lib/validation/common";

/** How long a new token may live; null means until revoked. */
export const API_TOKEN_LIFETIMES = [7, 30, 90, 365] as const;

/** A new personal API token: a name to recognise it by and an optional lifetime in days. */
export const createApiTokenSchema = z.object({
  name: textSchema
    .trim()
    .min(1, msg("apiTokenNameRequired"))
    .max(100, msg("tooLong", { max: 100 })),
  expiresInDays: z
    .union([
      z.literal("").transform(() => null),
      z.null(),
      z.coerce.number().int(msg("apiTokenLifetime")).min(1, msg("apiTokenLifetime")).max(3650, msg("apiTokenLifetime")),
    ])
    .default(null),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: idSchema });
