"use server";

import { teamAction } from "@/lib/actions/server-action";
import { heartbeatPresence } from "@/lib/live/presence";

const runPresence = teamAction(heartbeatPresence);

/** The heartbeat of an open plan or task page; answers who else has it open. */
export async function presenceAction(teamSlug: string, input: { scope: string; editing?: boolean; leave?: boolean }) {
  return runPresence(teamSlug, input);
}
