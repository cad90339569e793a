"use server";

import { toActionError } from "@/lib/actions/server-action";
import { requireUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { MAX_ARCHIVE_BYTES, MAX_ARCHIVE_MB } from "@/lib/team-archive/archive";
import { importTeam, type ImportResult } from "@/lib/team-archive/import-team";

/** Imports the uploaded archive (form field "archive") as a new team owned by the signed-in user. */
export async function importTeamAction(formData: FormData): Promise<ActionResult<ImportResult>> {
  const user = await requireUser();
  try {
    const file = formData.get("archive");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("VALIDATION", { userMessage: msg("archiveMissing") });
    if (file.size > MAX_ARCHIVE_BYTES)
      throw new AppError("VALIDATION", { userMessage: msg("archiveTooLarge", { max: MAX_ARCHIVE_MB }) });
    const data = await importTeam({ userId: user.id, bytes: new Uint8Array(await file.arrayBuffer()) });
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}
