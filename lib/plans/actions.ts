"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { teamAction } from "@/lib/actions/server-action";
import { addTemplates } from "@/lib/plans/add-templates";
import { createPlan } from "@/lib/plans/create-plan";
import { deletePlan, duplicatePlan, setPlanStatus } from "@/lib/plans/plan-lifecycle";
import { updatePlan } from "@/lib/plans/update-plan";
import type { CreatePlanInput, UpdatePlanInput } from "@/lib/validation/plan";

const runCreatePlan = teamAction(createPlan);
/** Creates a plan from the wizard and opens it. */
export async function createPlanAction(teamSlug: string, input: CreatePlanInput) {
  const result = await runCreatePlan(teamSlug, input);
  if (result.ok) redirect(`/t/${teamSlug}/plans/${result.data.id}`);
  return result;
}

const runUpdatePlan = teamAction(updatePlan);
/** Saves a plan's details (conflict-checked). */
export async function updatePlanAction(teamSlug: string, input: UpdatePlanInput) {
  const result = await runUpdatePlan(teamSlug, input);
  if (result.ok) revalidatePath(`/t/${teamSlug}/plans/${input.planId}`, "layout");
  return result;
}

const runSetStatus = teamAction(setPlanStatus);
/** Moves a plan along its lifecycle. */
export async function setPlanStatusAction(teamSlug: string, planId: string, status: string) {
  const result = await runSetStatus(teamSlug, { planId, status: status as "ACTIVE" });
  if (result.ok) revalidatePath(`/t/${teamSlug}`, "layout");
  return result;
}

const runDuplicate = teamAction(duplicatePlan);
/** Copies a plan and opens the copy. */
export async function duplicatePlanAction(teamSlug: string, planId: string) {
  const result = await runDuplicate(teamSlug, { planId });
  if (result.ok) redirect(`/t/${teamSlug}/plans/${result.data.id}`);
  return result;
}

const runDelete = teamAction(deletePlan);
/** Deletes a plan (typed title confirms) and returns to the team. */
export async function deletePlanAction(teamSlug: string, planId: string, confirmTitle: string) {
  const result = await runDelete(teamSlug, { planId, confirmTitle });
  if (result.ok) redirect(`/t/${teamSlug}`);
  return result;
}

const runAddTemplates = teamAction(addTemplates);
/** Adds templates to a plan; returns the duplicates found when not confirmed. */
export async function addTemplatesAction(
  teamSlug: string,
  planId: string,
  templateKeys: string[],
  allowDuplicates: boolean,
) {
  const result = await runAddTemplates(teamSlug, { planId, templateKeys, allowDuplicates });
  if (result.ok && result.data.created > 0) revalidatePath(`/t/${teamSlug}/plans/${planId}`, "layout");
  return result;
}
