import { z } from "zod";
import { diagnosticStatements, type DiagnosticAnswer } from "@/lib/diagnostic/statements";
import { msg } from "@/lib/i18n/error-text";

const answerSchema = z.coerce
  .number({ error: msg("diagnosticAnswer") })
  .int(msg("diagnosticAnswer"))
  .min(1, msg("diagnosticAnswer"))
  .max(5, msg("diagnosticAnswer"))
  .transform((n) => n as DiagnosticAnswer);

/** A completed diagnostic: an answer from 1 to 5 for every statement, by its key (unknown keys are dropped). */
export const takeDiagnosticSchema = z.object({
  answers: z.object(
    Object.fromEntries(diagnosticStatements.map((s) => [s.key, answerSchema])) as Record<string, typeof answerSchema>,
    { error: msg("diagnosticAnswer") },
  ),
});

export type TakeDiagnosticInput = z.input<typeof takeDiagnosticSchema>;
