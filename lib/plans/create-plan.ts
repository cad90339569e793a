import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { CATALOG_VERSION } from "@/lib/catalog/catalog";
import { db } from "@/lib/db";
import { getLocale } from "@/lib/i18n/current-locale";
import { createTemplateTasks } from "@/lib/plans/create-template-tasks";
import { assertAssignable } from "@/lib/tasks/task-rules";
import { createPlanSchema } from "@/lib/validation/plan";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Creates a plan and exactly the chosen template tasks in one transaction (MEMBER and up). */
export const createPlan = defineOperation("plans.create", createPlanSchema, async (ctx, input) => {
  const locale = await getLocale(ctx.userId);
  return db.$transaction(
    async (tx) => {
      for (const [area, userId] of Object.entries(input.defaultAssignees)) {
        await assertAssignable(tx, { teamId: ctx.team.id, assigneeId: userId, field: `defaultAssignees.${area}` });
      }
      const plan = await tx.plan.create({
        data: {
          teamId: ctx.team.id,
          title: input.title,
          description: input.description,
          startDate: input.startDate,
          targetDate: input.targetDate,
          status: input.status,
          catalogVersion: CATALOG_VERSION,
          createdById: ctx.userId,
        },
        select: { id: true, title: true, startDate: true },
      });
      await recordEvent(tx, actorOf(ctx), {
        kind: "plan.created",
        planId: plan.id,
        after: { title: input.title, status: input.status, templates: input.templateKeys },
      });
      await createTemplateTasks(tx, {
        ctx,
        plan,
        templateKeys: input.templateKeys,
        defaultAssignees: input.defaultAssignees,
        locale,
      });
      return { id: plan.id };
    },
    { timeout: 30_000 },
  );
});
