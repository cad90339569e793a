/** Stable codes of the paper's framework; part of the public surface (URLs, API, exports). */
export const DILEMMA_CODES = ["D1", "D2", "D3", "D4"] as const;
export const PATH_CODES = ["P1", "P2", "P3", "P4"] as const;
export const AREA_CODES = ["R1", "R2", "R3", "R4"] as const;

export type DilemmaCode = (typeof DILEMMA_CODES)[number];
export type PathCode = (typeof PATH_CODES)[number];
export type AreaCode = (typeof AREA_CODES)[number];
export type Weight = 1 | 2 | 3;
export type Priority = "LOW" | "MEDIUM" | "HIGH" | "URGENT";
export type Direction = "UP" | "DOWN";

/** Text in both languages the catalog ships. */
export type Bilingual = { zh: string; en: string };

export type Dilemma = { code: DilemmaCode; name: Bilingual; summary: Bilingual; section: string };
export type Path = { code: PathCode; name: Bilingual; focus: Bilingual; section: string };
export type Area = { code: AreaCode; name: Bilingual; section: string };

export type TaskTemplate = {
  /** e.g. "R3.1" */
  key: string;
  area: AreaCode;
  path: PathCode;
  text: Bilingual;
  /** What to do and what done looks like, with the paper's § it rests on. */
  description: Bilingual;
  weights: Partial<Record<DilemmaCode, Weight>>;
  defaultPriority: Priority;
  durationDays: number;
};

export type SuggestedIndicator = {
  /** e.g. "D3.2" */
  key: string;
  dilemma: DilemmaCode;
  name: Bilingual;
  unit: string;
  direction: Direction;
};
