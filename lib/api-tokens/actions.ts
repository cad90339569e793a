"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import type { CreateApiTokenInput } from "@/lib/validation/api-token";

const runCreate = teamAction(createApiToken);
/** Creates a personal API token; the secret is in the result, once. */
export async function createApiTokenAction(teamSlug: string, input: CreateApiTokenInput) {
  const result = await runCreate(teamSlug, input);
  if (result.ok) revalidatePath(`/t/${teamSlug}/settings/api-tokens`);
  return result;
}

const runRevoke = teamAction(revokeApiToken);
/** Revokes a token at once. */
export async function revokeApiTokenAction(teamSlug: string, tokenId: string) {
  const result = await runRevoke(teamSlug, { tokenId });
  if (result.ok) revalidatePath(`/t/${teamSlug}/settings/api-tokens`);
  return result;
}
