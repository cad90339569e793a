import "server-only";
import { db } from "@/lib/db";

/** A team's members with role and joined date, owners first. */
export function findMembers({ teamId }: { teamId: string }) {
  return db.membership.findMany({
    where: { teamId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}
