import "server-only";
import { db } from "@/lib/db";

/** The tasks of one plan of the team, in area and template order. */
export async function findTasksOfPlan({ teamId, planId }: { teamId: string; planId: string }) {
  return db.task.findMany({
    where: { teamId, planId },
    orderBy: [{ areaCode: "asc" }, { sortOrder: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      templateKey: true,
      templateTextZh: true,
      templateTextEn: true,
      areaCode: true,
      pathCode: true,
      status: true,
      priority: true,
      progress: true,
      dueDate: true,
      assignee: { select: { id: true, name: true } },
      dilemmas: { select: { dilemmaCode: true, weight: true }, orderBy: { dilemmaCode: "asc" } },
    },
  });
}
