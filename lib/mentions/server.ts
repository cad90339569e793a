import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/error-text";
import { mentionedUserIds } from "./mentions";

/**
 * Refuses a text that mentions anyone who is not a current member of the team
 * (nothing is saved). With `before` (the text being edited), only new mentions
 * are checked, so a mention of someone who has since left does not block an edit.
 */
export async function assertMentionsAreMembers(
  tx: Prisma.TransactionClient,
  { teamId, text, before, field }: { teamId: string; text: string | null | undefined; before?: string; field: string },
) {
  const old = new Set(mentionedUserIds(before));
  const ids = mentionedUserIds(text).filter((id) => !old.has(id));
  if (ids.length === 0) return;
  const members = await tx.membership.count({ where: { teamId, userId: { in: ids } } });
  if (members !== ids.length) throw new AppError("VALIDATION", { fieldErrors: { [field]: [msg("mentionNotMember")] } });
}
