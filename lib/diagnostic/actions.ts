"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/server-action";
import { takeDiagnostic } from "@/lib/diagnostic/diagnostic";
import type { TakeDiagnosticInput } from "@/lib/validation/diagnostic";

const runTake = teamAction(takeDiagnostic);
/** Saves the team's diagnostic; the team's pages show the new maturity. */
export async function takeDiagnosticAction(teamSlug: string, input: TakeDiagnosticInput) {
  const result = await runTake(teamSlug, input);
  if (result.ok) revalidatePath(`/t/${teamSlug}`, "layout");
  return result;
}
