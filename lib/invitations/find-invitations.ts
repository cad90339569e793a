import "server-only";
import { db } from "@/lib/db";

/** A team's pending invitations (not accepted, not revoked), expired ones included and marked by date. */
export function findPendingInvitations({ teamId }: { teamId: string }) {
  return db.invitation.findMany({
    where: { teamId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      invitedBy: { select: { name: true } },
    },
  });
}
