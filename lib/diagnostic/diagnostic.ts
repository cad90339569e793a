import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineOperation } from "@/lib/actions/operation";
import { DILEMMA_CODES } from "@/lib/catalog/types";
import { db } from "@/lib/db";
import { maturityOf, type DiagnosticAnswers, type Maturity } from "@/lib/diagnostic/statements";
import { actorOf, recordEvent } from "@/lib/events/record";
import { takeDiagnosticSchema } from "@/lib/validation/diagnostic";

/** A saved diagnostic: when, by whom, its answers and the maturity per dilemma they gave. */
export type SavedDiagnostic = {
  id: string;
  createdAt: Date;
  takenBy: string | null;
  answers: DiagnosticAnswers;
  maturity: Maturity;
};

/** Saves the team's answers to the diagnostic with the maturity per dilemma they give, and logs it. */
export const takeDiagnostic = defineOperation("diagnostics.take", takeDiagnosticSchema, async (ctx, input) => {
  const answers = input.answers;
  const maturity = maturityOf(answers);
  return db.$transaction(async (tx) => {
    const row = await tx.diagnostic.create({
      data: {
        teamId: ctx.team.id,
        takenById: ctx.userId,
        answers: answers,
        maturity: maturity,
      },
      select: { id: true, createdAt: true },
    });
    await recordEvent(tx, actorOf(ctx), { kind: "diagnostic.taken", diagnosticId: row.id, after: { maturity } });
    return { id: row.id, createdAt: row.createdAt, maturity };
  });
});

const diagnosticSelect = {
  id: true,
  createdAt: true,
  answers: true,
  maturity: true,
  takenBy: { select: { name: true } },
} as const satisfies Prisma.DiagnosticSelect;

function toSaved(row: Prisma.DiagnosticGetPayload<{ select: typeof diagnosticSelect }>): SavedDiagnostic {
  const stored = (row.maturity ?? {}) as Record<string, unknown>;
  const maturity = Object.fromEntries(
    DILEMMA_CODES.map((d) => [d, typeof stored[d] === "number" ? stored[d] : 0]),
  ) as Maturity;
  return {
    id: row.id,
    createdAt: row.createdAt,
    takenBy: row.takenBy?.name ?? null,
    answers: (row.answers ?? {}) as DiagnosticAnswers,
    maturity,
  };
}

/** The team's two latest diagnostics, newest first (the latest and the one before it, to show the change). */
export const getRecentDiagnostics = defineOperation("team.read", z.object({}), async (ctx) => {
  const rows = await db.diagnostic.findMany({
    where: { teamId: ctx.team.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 2,
    select: diagnosticSelect,
  });
  return rows.map(toSaved);
});
