import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError, type ActionResult } from "@/lib/errors";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { localizeError } from "@/lib/i18n/localize-error";
import { resolveLocale } from "@/lib/i18n/request";

/**
 * Maps any thrown error to an action result with its message and field errors
 * in the request's language (or `locale`); unexpected ones are logged with the
 * request id, never shown.
 */
export async function toActionError(error: unknown, locale?: Locale): Promise<ActionResult<never>> {
  unstable_rethrow(error);
  const { code, message, fieldErrors } = localizeError(
    error,
    locale ?? (await resolveLocale().catch(() => DEFAULT_LOCALE)),
  );
  return { ok: false, code, message, fieldErrors, details: error instanceof AppError ? error.details : undefined };
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
