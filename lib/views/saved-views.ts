import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import type { TeamContext } from "@/lib/server/team-context";
import { normalizeViewQuery } from "@/lib/views/view-query";
import { createSavedViewSchema, renameSavedViewSchema, savedViewIdSchema } from "@/lib/validation/saved-view";

// Saved views are a reader's preference, not part of the plan's history: they
// record no activity event. Any member who can read the plan saves personal
// views; sharing one needs views.share, and a shared view is deleted by its
// creator or by whoever holds views.manageShared.

const viewSelect = { id: true, name: true, query: true, shared: true, userId: true } as const;

/** The views of a plan the user sees: their own personal ones and the team's shared ones, by name. */
export async function findSavedViews({ teamId, planId, userId }: { teamId: string; planId: string; userId: string }) {
  const views = await db.savedView.findMany({
    where: { teamId, planId, OR: [{ shared: true }, { userId }] },
    select: viewSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return {
    mine: views.filter((v) => !v.shared),
    team: views.filter((v) => v.shared),
  };
}

const nameTaken = () => new AppError("VALIDATION", { fieldErrors: { name: [msg("viewNameTaken")] } });

/** Runs a write that may break a name's uniqueness (the partial unique indexes), as a field error. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw nameTaken();
    throw error;
  }
}

async function assertNameFree(
  ctx: TeamContext,
  view: { planId: string; name: string; shared: boolean; exceptId?: string },
): Promise<void> {
  const clash = await db.savedView.findFirst({
    where: {
      teamId: ctx.team.id,
      planId: view.planId,
      name: view.name,
      shared: view.shared,
      ...(view.shared ? {} : { userId: ctx.userId }),
      ...(view.exceptId ? { id: { not: view.exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw nameTaken();
}

/** Saves the plan page's query (normalised: only known parameters) under a name, personal or shared. */
export const createSavedView = defineOperation("views.save", createSavedViewSchema, async (ctx, input) => {
  if (input.shared && !can(ctx.role, "views.share"))
    throw new AppError("FORBIDDEN", { userMessage: msg("viewShareNotAllowed") });
  const plan = await db.plan.findFirst({ where: { id: input.planId, teamId: ctx.team.id }, select: { id: true } });
  if (!plan) throw new AppError("NOT_FOUND");
  await assertNameFree(ctx, { planId: plan.id, name: input.name, shared: input.shared });
  return uniqueName(() =>
    db.savedView.create({
      data: {
        teamId: ctx.team.id,
        planId: plan.id,
        userId: ctx.userId,
        name: input.name,
        query: normalizeViewQuery(input.query),
        shared: input.shared,
      },
      select: viewSelect,
    }),
  );
});

/** A view of the team the user may see (their own, or a shared one); any other id is not found. */
async function visibleView(ctx: TeamContext, viewId: string) {
  const view = await db.savedView.findFirst({
    where: { id: viewId, teamId: ctx.team.id, OR: [{ shared: true }, { userId: ctx.userId }] },
    select: { ...viewSelect, planId: true },
  });
  if (!view) throw new AppError("NOT_FOUND");
  return view;
}

/** Renames one's own view (a shared one also needs views.share). */
export const renameSavedView = defineOperation("views.save", renameSavedViewSchema, async (ctx, input) => {
  const view = await visibleView(ctx, input.viewId);
  if (view.userId !== ctx.userId || (view.shared && !can(ctx.role, "views.share")))
    throw new AppError("FORBIDDEN", { userMessage: msg("ownViewsOnly") });
  await assertNameFree(ctx, { planId: view.planId, name: input.name, shared: view.shared, exceptId: view.id });
  return uniqueName(() =>
    db.savedView.update({
      where: { id: view.id, teamId: ctx.team.id },
      data: { name: input.name },
      select: viewSelect,
    }),
  );
});

/** Deletes one's own view, or a shared one with views.manageShared. */
export const deleteSavedView = defineOperation("views.save", savedViewIdSchema, async (ctx, input) => {
  const view = await visibleView(ctx, input.viewId);
  const isAllowed = view.userId === ctx.userId || (view.shared && can(ctx.role, "views.manageShared"));
  if (!isAllowed) throw new AppError("FORBIDDEN", { userMessage: msg("ownViewsOnly") });
  await db.savedView.delete({ where: { id: view.id, teamId: ctx.team.id } });
  return { id: view.id };
});
