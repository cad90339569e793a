import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { isStorableText } from "@/lib/validation/common";

/** One plan of the team; another team's plan is not found, exactly like a missing one. */
export async function getPlan({ teamId, planId }: { teamId: string; planId: string }) {
  if (!isStorableText(planId)) notFound();
  const plan = await db.plan.findFirst({
    where: { id: planId, teamId },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      startDate: true,
      targetDate: true,
      version: true,
      catalogVersion: true,
    },
  });
  if (!plan) notFound();
  return plan;
}
