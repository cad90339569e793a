import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";

/** Refuses a change that would leave the team without an OWNER (run inside the change's transaction). */
export async function assertAnotherOwner(
  tx: Prisma.TransactionClient,
  { teamId, membershipId }: { teamId: string; membershipId: string },
) {
  // Lock the team's owner rows so two concurrent demotions cannot both pass.
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "teamId" = ${teamId} AND role = 'OWNER' FOR UPDATE`;
  if (!owners.some((o) => o.id !== membershipId)) {
    throw new AppError("VALIDATION", { userMessage: msg("lastOwner") });
  }
}
