import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError, type ActionResult } from "@/lib/errors";
import { reportUnexpectedError } from "@/lib/log";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";

/** Maps any thrown error to an action result; unexpected ones are logged with the request id, never shown. */
export function toActionError(error: unknown): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.userMessage, fieldErrors: error.fieldErrors, details: error.details };
  }
  const { code, message } = reportUnexpectedError(error);
  return { ok: false, code, message };
}

/** A server action for a team operation: (teamSlug, input) → ActionResult, guarded by runOperation. */
export function teamAction<S extends z.ZodType, R>(operation: TeamOperation<S, R>) {
  return async (teamSlug: string, input: z.input<S>): Promise<ActionResult<R>> => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED");
      const data = await runOperation(operation, { userId: user.id, teamSlug, ip: clientIp(await headers()) }, input);
      return { ok: true, data };
    } catch (error) {
      return toActionError(error);
    }
  };
}
