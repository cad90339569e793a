import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toDateInput } from "@/lib/validation/common";
import { updatePlanSchema } from "@/lib/validation/plan";
import { msg } from "@/lib/i18n/error-text";
import { actorOf, recordEvent } from "@/lib/events/record";

/** Edits a plan's title, description and dates (OWNER, ADMIN); refused when someone saved since `version`. */
export const updatePlan = defineOperation("plans.update", updatePlanSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const findCurrent = () =>
      tx.plan.findFirst({
        where: { id: input.planId, teamId: ctx.team.id },
        select: {
          id: true,
          title: true,
          description: true,
          startDate: true,
          targetDate: true,
          status: true,
          version: true,
        },
      });
    const current = await findCurrent();
    if (!current) throw new AppError("NOT_FOUND");
    if (current.status === "ARCHIVED") throw new AppError("FORBIDDEN", { userMessage: msg("planArchived") });
    const earliestDue = await tx.task.findFirst({
      where: { planId: current.id, teamId: ctx.team.id, dueDate: { lt: input.startDate } },
      orderBy: { dueDate: "asc" },
      select: { dueDate: true },
    });
    if (earliestDue?.dueDate) {
      throw new AppError("VALIDATION", {
        fieldErrors: { startDate: [msg("tasksDueBeforeStart", { date: toDateInput(earliestDue.dueDate) })] },
      });
    }
    const fields = {
      title: input.title,
      description: input.description,
      startDate: input.startDate,
      targetDate: input.targetDate,
    };
    const { count } = await tx.plan.updateMany({
      where: { id: current.id, teamId: ctx.team.id, version: input.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) {
      // Re-read: `current` may predate a save that committed while this UPDATE waited for the row.
      const latest = await findCurrent();
      if (!latest) throw new AppError("NOT_FOUND");
      throw new AppError("CONFLICT", {
        userMessage: msg("planEditConflict"),
        details: {
          current: { ...latest, startDate: toDateInput(latest.startDate), targetDate: toDateInput(latest.targetDate) },
        },
      });
    }
    await recordEvent(tx, actorOf(ctx), {
      kind: "plan.updated",
      planId: current.id,
      before: {
        title: current.title,
        startDate: toDateInput(current.startDate),
        targetDate: toDateInput(current.targetDate),
      },
      after: {
        title: input.title,
        startDate: toDateInput(input.startDate),
        targetDate: toDateInput(input.targetDate),
      },
    });
    return { id: current.id, version: input.version + 1 };
  });
});
