"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { teamAction, toActionError } from "@/lib/actions/server-action";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { updateTeam } from "@/lib/teams/update-team";
import { leaveTeam } from "@/lib/members/remove-member";
import type { CreateTeamInput, DeleteTeamInput, UpdateTeamInput } from "@/lib/validation/team";

/** Creates a team owned by the signed-in user and opens it. */
export async function createTeamAction(input: CreateTeamInput): Promise<ActionResult> {
  const user = await requireUser();
  let slug: string;
  try {
    slug = (await createTeam({ userId: user.id, input })).slug;
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/", "layout"); // the sidebar lists the user's teams
  redirect(`/t/${slug}`);
}

const runUpdateTeam = teamAction(updateTeam);
/** Renames the team or changes its address, then opens it at its (new) address. */
export async function updateTeamAction(teamSlug: string, input: UpdateTeamInput) {
  const result = await runUpdateTeam(teamSlug, input);
  if (result.ok) {
    revalidatePath("/", "layout");
    if (result.data.slug !== teamSlug) redirect(`/t/${result.data.slug}/settings`);
  }
  return result;
}

const runDeleteTeam = teamAction(deleteTeam);
/** Deletes the team (OWNER) and returns to the team list. */
export async function deleteTeamAction(teamSlug: string, input: DeleteTeamInput) {
  const result = await runDeleteTeam(teamSlug, input);
  if (result.ok) {
    revalidatePath("/", "layout");
    redirect("/teams");
  }
  return result;
}

const runLeaveTeam = teamAction(leaveTeam);
/** Leaves the team and returns to the team list. */
export async function leaveTeamAction(teamSlug: string) {
  const result = await runLeaveTeam(teamSlug, {});
  if (result.ok) redirect("/teams");
  return result;
}
