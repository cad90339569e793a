import "server-only";
import { dbRead } from "@/lib/db";
import {
  laggingDilemma,
  missingPrimaryTemplates,
  nextBestTasks,
  outputWithoutOutcome,
  rankDilemmaGaps,
  type DilemmaProgress,
  type GuideIndicator,
} from "@/lib/guide/guide";
import { OPEN_STATUSES } from "@/lib/tasks/status";

const actionTaskSelect = {
  id: true,
  title: true,
  templateKey: true,
  templateTextZh: true,
  templateTextEn: true,
  status: true,
  dueDate: true,
  assignee: { select: { name: true } },
  dilemmas: { select: { dilemmaCode: true, weight: true } },
} as const;

/**
 * What a plan's dashboard advises, from the plan's progress as its readers give
 * it (`dilemmas`, `indicators`, both from getPlanProgress): dilemmas ranked by
 * how far they are behind the elapsed share `expected`; for the dilemma most
 * behind, its overdue or blocked tasks by weight and the primary templates the
 * plan lacks; and the dilemmas whose work is done but whose indicators did not move.
 */
export async function getPlanGuide({
  teamId,
  planId,
  today,
  expected,
  dilemmas,
  indicators,
}: {
  teamId: string;
  planId: string;
  today: Date;
  expected: number;
  dilemmas: readonly DilemmaProgress[];
  indicators: readonly GuideIndicator[];
}) {
  const ranked = rankDilemmaGaps(dilemmas, expected);
  const lagging = laggingDilemma(ranked);
  const outcomeAlerts = outputWithoutOutcome(dilemmas, indicators);
  if (!lagging) return { ranked, lagging, tasks: [], missingTemplates: [], outcomeAlerts };
  const [candidates, held] = await Promise.all([
    // Open tasks on the lagging dilemma that are overdue or blocked: few per plan, so all are ranked here.
    dbRead.task.findMany({
      where: {
        teamId,
        planId,
        status: { in: [...OPEN_STATUSES] },
        OR: [{ status: "BLOCKED" }, { dueDate: { lt: today } }],
        dilemmas: { some: { dilemmaCode: lagging.code } },
      },
      select: actionTaskSelect,
      take: 500,
    }),
    dbRead.task.findMany({
      where: { teamId, planId, templateKey: { not: null } },
      select: { templateKey: true },
      distinct: ["templateKey"],
    }),
  ]);
  const tasks = nextBestTasks(
    candidates.map((t) => ({
      ...t,
      weights: Object.fromEntries(t.dilemmas.map((d) => [d.dilemmaCode, d.weight])),
    })),
    lagging.code,
    today,
  );
  const missingTemplates = missingPrimaryTemplates(
    lagging.code,
    held.map((t) => t.templateKey!),
  );
  return { ranked, lagging, tasks, missingTemplates, outcomeAlerts };
}

export type PlanGuide = Awaited<ReturnType<typeof getPlanGuide>>;
