import { areas, dilemmas, paths } from "@/lib/catalog/catalog";
import type { Area, AreaCode, Dilemma, DilemmaCode, Path, PathCode } from "@/lib/catalog/types";

const dilemmaByCode = new Map(dilemmas.map((d) => [d.code, d]));
const areaByCode = new Map(areas.map((a) => [a.code, a]));
const pathByCode = new Map(paths.map((p) => [p.code, p]));

/** Catalog entries by code; codes come from the database, which only holds catalog codes. */
export const getDilemma = (code: string) => dilemmaByCode.get(code as DilemmaCode) as Dilemma;
export const getArea = (code: string) => areaByCode.get(code as AreaCode) as Area;
export const getPath = (code: string) => pathByCode.get(code as PathCode) as Path;
