import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { createTeamSchema, slugify } from "@/lib/validation/team";
import { msg } from "@/lib/i18n/error-text";
import { recordEvent } from "@/lib/events/record";

/** Creates a team with the user as OWNER; a derived slug gets a suffix when taken, a chosen one is refused. */
export async function createTeam({ userId, input }: { userId: string; input: unknown }) {
  const parsed = createTeamSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  const { name, slug: chosen } = parsed.data;
  const base = chosen ?? slugify(name);

  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base.slice(0, 40)}-${randomBytes(3).toString("hex")}`;
    try {
      return await db.$transaction(async (tx) => {
        const team = await tx.team.create({ data: { name, slug }, select: { id: true, name: true, slug: true } });
        await tx.membership.create({ data: { teamId: team.id, userId, role: "OWNER" } });
        await recordEvent(tx, { teamId: team.id, userId: userId }, { kind: "team.created", after: { name, slug } });
        return team;
      });
    } catch (error) {
      const isSlugTaken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!isSlugTaken) throw error;
      if (chosen) throw new AppError("VALIDATION", { fieldErrors: { slug: [msg("slugTaken")] } });
    }
  }
  throw new AppError("CONFLICT", { userMessage: msg("noFreeTeamAddress") });
}
