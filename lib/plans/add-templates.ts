import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { getLocale } from "@/lib/i18n/current-locale";
import { createTemplateTasks } from "@/lib/plans/create-template-tasks";
import { getWritablePlan } from "@/lib/tasks/task-rules";
import { addTemplatesSchema } from "@/lib/validation/plan";

/** Adds template tasks to an existing plan; templates already in it are reported, and only added when confirmed. */
export const addTemplates = defineOperation("tasks.write", addTemplatesSchema, async (ctx, input) => {
  const locale = await getLocale(ctx.userId);
  return db.$transaction(
    async (tx) => {
      const plan = await getWritablePlan(tx, { teamId: ctx.team.id, planId: input.planId });
      const existing = await tx.task.findMany({
        where: { planId: plan.id, teamId: ctx.team.id, templateKey: { in: input.templateKeys } },
        select: { templateKey: true },
        distinct: ["templateKey"],
      });
      const duplicates = existing.map((t) => t.templateKey).filter((k): k is string => Boolean(k));
      if (duplicates.length > 0 && !input.allowDuplicates) return { created: 0, duplicates };
      const ids = await createTemplateTasks(tx, { ctx, plan, templateKeys: input.templateKeys, locale });
      return { created: ids.length, duplicates };
    },
    { timeout: 30_000 },
  );
});
