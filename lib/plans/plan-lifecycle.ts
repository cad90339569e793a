import "server-only";
import { defineOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deletePlanSchema, planIdSchema, PLAN_TRANSITIONS, setPlanStatusSchema } from "@/lib/validation/plan";
import { msg } from "@/lib/i18n/error-text";
import { actorOf, eventRow, recordEvent } from "@/lib/events/record";
import { findPlanDependencies } from "@/lib/dependencies/dependencies";

/** Moves a plan along its lifecycle; archiving and un-archiving need OWNER or ADMIN, other moves MEMBER and up. */
export const setPlanStatus = defineOperation("plans.lifecycle", setPlanStatusSchema, async (ctx, input) => {
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findFirst({
      where: { id: input.planId, teamId: ctx.team.id },
      select: { id: true, status: true },
    });
    if (!plan) throw new AppError("NOT_FOUND");
    const touchesArchive = plan.status === "ARCHIVED" || input.status === "ARCHIVED";
    if (touchesArchive && !can(ctx.role, "plans.archive")) throw new AppError("FORBIDDEN");
    if (!PLAN_TRANSITIONS[plan.status].includes(input.status)) {
      throw new AppError("VALIDATION", { fieldErrors: { status: [msg("statusTransition")] } });
    }
    await tx.plan.update({ where: { id: plan.id }, data: { status: input.status, version: { increment: 1 } } });
    await recordEvent(tx, actorOf(ctx), {
      kind: "plan.status_changed",
      planId: plan.id,
      before: { status: plan.status },
      after: { status: input.status },
    });
    return { id: plan.id, status: input.status };
  });
});

/** Copies a plan with its tasks and links; the copy is a DRAFT and every task starts again at TODO, 0 %. */
export const duplicatePlan = defineOperation("plans.create", planIdSchema, async (ctx, input) => {
  return db.$transaction(
    async (tx) => {
      const source = await tx.plan.findFirst({
        where: { id: input.planId, teamId: ctx.team.id },
        include: {
          tasks: {
            include: { dilemmas: { select: { dilemmaCode: true, weight: true } } },
            orderBy: [{ areaCode: "asc" }, { sortOrder: "asc" }],
          },
        },
      });
      if (!source) throw new AppError("NOT_FOUND");
      const copy = await tx.plan.create({
        data: {
          teamId: ctx.team.id,
          title: `${source.title.slice(0, 190)} (copy)`,
          description: source.description,
          startDate: source.startDate,
          targetDate: source.targetDate,
          catalogVersion: source.catalogVersion,
          createdById: ctx.userId,
        },
        select: { id: true },
      });
      const copyOf = new Map<string, string>();
      for (const t of source.tasks) {
        const task = await tx.task.create({
          data: {
            teamId: ctx.team.id,
            planId: copy.id,
            areaCode: t.areaCode,
            pathCode: t.pathCode,
            templateKey: t.templateKey,
            templateTextZh: t.templateTextZh,
            templateTextEn: t.templateTextEn,
            templateDescriptionZh: t.templateDescriptionZh,
            templateDescriptionEn: t.templateDescriptionEn,
            title: t.title,
            description: t.description,
            priority: t.priority,
            assigneeId: t.assigneeId,
            dueDate: t.dueDate,
            sortOrder: t.sortOrder,
            createdById: ctx.userId,
            dilemmas: { create: t.dilemmas },
          },
          select: { id: true },
        });
        copyOf.set(t.id, task.id);
        await recordEvent(
          tx,
          { teamId: ctx.team.id, userId: ctx.userId },
          {
            kind: "task.created",
            planId: copy.id,
            taskId: task.id,
            after: { title: t.title, status: "TODO", progress: 0, copiedFrom: t.id },
          },
        );
      }
      // The copy's tasks wait for each other as the originals do.
      const links = await findPlanDependencies({ teamId: ctx.team.id, planId: source.id }, tx);
      await tx.taskDependency.createMany({
        data: links.flatMap((l) => {
          const blockerId = copyOf.get(l.blockerId);
          const blockedId = copyOf.get(l.blockedId);
          return blockerId && blockedId ? [{ teamId: ctx.team.id, planId: copy.id, blockerId, blockedId }] : [];
        }),
      });
      await recordEvent(tx, actorOf(ctx), {
        kind: "plan.created",
        planId: copy.id,
        after: { copiedFrom: source.id },
      });
      return { id: copy.id };
    },
    { timeout: 60_000 },
  );
});

/** Deletes a plan with its tasks (OWNER, ADMIN), confirmed by typing its title. */
export const deletePlan = defineOperation("plans.delete", deletePlanSchema, async (ctx, input) => {
  const plan = await db.plan.findFirst({
    where: { id: input.planId, teamId: ctx.team.id },
    select: { id: true, title: true },
  });
  if (!plan) throw new AppError("NOT_FOUND");
  if (input.confirmTitle.trim() !== plan.title.trim()) {
    throw new AppError("VALIDATION", { fieldErrors: { confirmTitle: [msg("confirmTitleMismatch")] } });
  }
  await db.$transaction([
    db.plan.delete({ where: { id: plan.id } }),
    db.activityEvent.create({
      data: eventRow(actorOf(ctx), { kind: "plan.deleted", planId: plan.id, before: { title: plan.title } }),
    }),
  ]);
  return { id: plan.id };
});
