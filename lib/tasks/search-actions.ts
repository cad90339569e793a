"use server";

import { teamAction } from "@/lib/actions/server-action";
import { searchTeamTasks } from "@/lib/tasks/search-team-tasks";

const runSearch = teamAction(searchTeamTasks);
/** Searches the tasks of every plan of a team (command palette). */
export async function searchTeamTasksAction(teamSlug: string, input: { q: string; locale?: string }) {
  return runSearch(teamSlug, input as { q: string; locale?: "en" | "zh-CN" });
}
