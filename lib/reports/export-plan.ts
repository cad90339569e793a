import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import { progressCsvTable, taskCsvTable, type CodeNames, type CsvTable } from "@/lib/reports/csv";
import { idSchema } from "@/lib/validation/common";

export const planExportSchema = z.object({ planId: idSchema, locale: z.enum(LOCALES).default(DEFAULT_LOCALE) });

/** A CSV export: its download file name and its table. */
export type CsvExport = { filename: string; table: CsvTable };

/** Every task of a plan of the team as CSV rows (see taskCsvTable), in area and template order; another team's plan is NOT_FOUND. */
export const exportPlanTasks = defineOperation(
  "team.read",
  planExportSchema,
  async (ctx, input): Promise<CsvExport> => {
    const plan = await db.plan.findFirst({
      where: { id: input.planId, teamId: ctx.team.id },
      select: {
        id: true,
        tasks: {
          where: { teamId: ctx.team.id },
          orderBy: [{ areaCode: "asc" }, { sortOrder: "asc" }, { createdAt: "asc" }],
          select: {
            templateKey: true,
            title: true,
            templateTextEn: true,
            templateTextZh: true,
            areaCode: true,
            pathCode: true,
            status: true,
            priority: true,
            progress: true,
            dueDate: true,
            assignee: { select: { name: true } },
            dilemmas: { select: { dilemmaCode: true, weight: true }, orderBy: { dilemmaCode: "asc" } },
          },
        },
      },
    });
    if (!plan) throw new AppError("NOT_FOUND");
    const names = loadMessages(input.locale).enums as CodeNames;
    return { filename: `plan-${plan.id}-tasks.csv`, table: taskCsvTable(plan.tasks, input.locale, names) };
  },
);

/** A plan's progress summary as CSV rows (see progressCsvTable): the very numbers getPlanProgress returns. */
export const exportPlanProgress = defineOperation(
  "team.read",
  planExportSchema,
  async (ctx, input): Promise<CsvExport> => {
    const progress = await getPlanProgress.handler(ctx, { planId: input.planId });
    return { filename: `plan-${progress.planId}-progress.csv`, table: progressCsvTable(progress) };
  },
);
