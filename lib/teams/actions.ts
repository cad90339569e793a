"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import type { CreateTeamInput } from "@/lib/validation/team";

/** Creates a team owned by the signed-in user and opens it. */
export async function createTeamAction(input: CreateTeamInput): Promise<ActionResult> {
  const user = await requireUser();
  let slug: string;
  try {
    slug = (await createTeam({ userId: user.id, input })).slug;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.userMessage, fieldErrors: error.fieldErrors };
    throw error;
  }
  redirect(`/t/${slug}`);
}
