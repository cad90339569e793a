import { describe, expect, it } from "vitest";
import { taskTemplates, templatesForArea } from "@/lib/catalog/catalog";
import { DILEMMA_CODES } from "@/lib/catalog/types";
import {
  diagnosticStatements,
  gapOf,
  maturityOf,
  statementsOf,
  type DiagnosticAnswers,
} from "@/lib/diagnostic/statements";
import { rankTemplates, suggestedAreas, templateNeed } from "@/lib/diagnostic/suggest";
import { takeDiagnosticSchema } from "@/lib/validation/diagnostic";

/** Every statement answered with the value its dilemma is given. */
function answersFor(byDilemma: Record<string, number>): DiagnosticAnswers {
  return Object.fromEntries(diagnosticStatements.map((s) => [s.key, byDilemma[s.dilemma]])) as DiagnosticAnswers;
}

describe("the diagnostic's statements", () => {
  it("has 3–5 statements per dilemma, in both languages, each citing its dilemma's § of the paper", () => {
    for (const d of DILEMMA_CODES) {
      const statements = statementsOf(d);
      expect(statements.length).toBeGreaterThanOrEqual(3);
      expect(statements.length).toBeLessThanOrEqual(5);
      for (const s of statements) {
        expect(s.section).toBe(`§3.${d.slice(1)}`);
        expect(s.text.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(s.text.en).toMatch(/^[A-Z]/);
      }
    }
    expect(new Set(diagnosticStatements.map((s) => s.key)).size).toBe(diagnosticStatements.length);
  });
});

describe("maturity", () => {
  it("maps each dilemma's mean rating from 1–5 onto 0–1", () => {
    expect(maturityOf(answersFor({ D1: 1, D2: 5, D3: 3, D4: 2 }))).toEqual({ D1: 0, D2: 1, D3: 0.5, D4: 0.25 });
    const mixed = answersFor({ D1: 1, D2: 1, D3: 1, D4: 1 });
    const [a, b] = statementsOf("D2");
    mixed[a!.key] = 5;
    mixed[b!.key] = 3;
    // D2: four statements rated 5, 3, 1, 1 → mean 2.5 → (2.5 − 1) / 4.
    expect(maturityOf(mixed).D2).toBeCloseTo(0.375);
    expect(gapOf(maturityOf(mixed)).D2).toBeCloseTo(0.625);
  });

  it("accepts only a rating from 1 to 5 for every statement", () => {
    expect(takeDiagnosticSchema.safeParse({ answers: answersFor({ D1: 1, D2: 2, D3: 3, D4: 5 }) }).success).toBe(true);
    const missing = answersFor({ D1: 1, D2: 2, D3: 3, D4: 5 });
    delete missing["D3.a"];
    expect(takeDiagnosticSchema.safeParse({ answers: missing }).success).toBe(false);
    expect(
      takeDiagnosticSchema.safeParse({ answers: { ...answersFor({ D1: 1, D2: 2, D3: 3, D4: 5 }), "D1.a": 6 } }).success,
    ).toBe(false);
    expect(
      takeDiagnosticSchema.safeParse({ answers: { ...answersFor({ D1: 1, D2: 2, D3: 3, D4: 5 }), "D1.a": 2.5 } })
        .success,
    ).toBe(false);
  });
});

describe("what the wizard makes of a diagnostic", () => {
  it("preselects the areas of the dilemmas at or below 50 % maturity", () => {
    expect(suggestedAreas(maturityOf(answersFor({ D1: 5, D2: 4, D3: 2, D4: 3 })))).toEqual(["R3", "R4"]);
    expect(suggestedAreas(maturityOf(answersFor({ D1: 1, D2: 5, D3: 5, D4: 5 })))).toEqual(["R1"]);
  });

  it("preselects the least mature dilemma's area when every dilemma is above 50 %", () => {
    expect(suggestedAreas(maturityOf(answersFor({ D1: 5, D2: 4, D3: 5, D4: 4.5 })))).toEqual(["R2"]);
  });

  it("ranks templates by Σ gap × weight, ties in catalog order", () => {
    const maturity = maturityOf(answersFor({ D1: 5, D2: 1, D3: 3, D4: 5 })); // gaps D1 0, D2 1, D3 0.5, D4 0
    // R2.4 is D2:3 D3:1 D4:1 → 3 + 0.5; R2.1 and R2.2 are D2:3 (+ D1:1 at gap 0) → 3.
    expect(
      templateNeed(
        taskTemplates.find((t) => t.key === "R2.4")!,
        maturity,
      ),
    ).toBeCloseTo(3.5);
    expect(rankTemplates(templatesForArea("R2"), maturity).map((t) => t.key)).toEqual([
      "R2.4",
      "R2.1",
      "R2.2",
      "R2.3",
      "R2.5",
      "R2.6",
    ]);
  });
});
