"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { addReading, createIndicator, deleteIndicator } from "@/lib/indicators/indicators";
import type { AddReadingInput, CreateIndicatorInput } from "@/lib/validation/indicator";

function refresh(teamSlug: string) {
  revalidatePath(`/t/${teamSlug}`, "layout");
}

const runCreate = teamAction(createIndicator);
/** Adds an indicator to a plan. */
export async function createIndicatorAction(teamSlug: string, input: CreateIndicatorInput) {
  const result = await runCreate(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}

const runAddReading = teamAction(addReading);
/** Records a reading of an indicator. */
export async function addReadingAction(teamSlug: string, input: AddReadingInput) {
  const result = await runAddReading(teamSlug, input);
  if (result.ok) refresh(teamSlug);
  return result;
}

const runDelete = teamAction(deleteIndicator);
/** Deletes an indicator with its readings. */
export async function deleteIndicatorAction(teamSlug: string, indicatorId: string) {
  const result = await runDelete(teamSlug, { indicatorId });
  if (result.ok) refresh(teamSlug);
  return result;
}
