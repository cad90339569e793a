// Writes the catalog of lib/catalog into the database. Idempotent: every row is
// upserted with the same values, so a second run changes nothing.
import type { PrismaClient } from "../../generated/prisma/client";
import { CATALOG_VERSION, areas, dilemmas, paths, suggestedIndicators, taskTemplates } from "../../lib/catalog/catalog";

/** Upserts every dilemma, path, area, template, weight and suggested indicator, and the catalog version. */
export async function seedCatalog(db: PrismaClient): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (const [i, d] of dilemmas.entries()) {
        const data = {
          nameZh: d.name.zh,
          nameEn: d.name.en,
          summaryZh: d.summary.zh,
          summaryEn: d.summary.en,
          section: d.section,
          sortOrder: i + 1,
        };
        await tx.dilemma.upsert({ where: { code: d.code }, create: { code: d.code, ...data }, update: data });
      }
      for (const [i, p] of paths.entries()) {
        const data = {
          nameZh: p.name.zh,
          nameEn: p.name.en,
          focusZh: p.focus.zh,
          focusEn: p.focus.en,
          section: p.section,
          sortOrder: i + 1,
        };
        await tx.path.upsert({ where: { code: p.code }, create: { code: p.code, ...data }, update: data });
      }
      for (const [i, a] of areas.entries()) {
        const data = { nameZh: a.name.zh, nameEn: a.name.en, section: a.section, sortOrder: i + 1 };
        await tx.area.upsert({ where: { code: a.code }, create: { code: a.code, ...data }, update: data });
      }
      for (const [i, t] of taskTemplates.entries()) {
        const data = {
          areaCode: t.area,
          pathCode: t.path,
          textZh: t.text.zh,
          textEn: t.text.en,
          descriptionZh: t.description.zh,
          descriptionEn: t.description.en,
          defaultPriority: t.defaultPriority,
          durationDays: t.durationDays,
          sortOrder: i + 1,
          catalogVersion: CATALOG_VERSION,
        };
        await tx.taskTemplate.upsert({ where: { key: t.key }, create: { key: t.key, ...data }, update: data });
        const codes = Object.keys(t.weights);
        await tx.templateWeight.deleteMany({ where: { templateKey: t.key, dilemmaCode: { notIn: codes } } });
        for (const [dilemmaCode, weight] of Object.entries(t.weights)) {
          await tx.templateWeight.upsert({
            where: { templateKey_dilemmaCode: { templateKey: t.key, dilemmaCode } },
            create: { templateKey: t.key, dilemmaCode, weight },
            update: { weight },
          });
        }
      }
      for (const [i, s] of suggestedIndicators.entries()) {
        const data = {
          dilemmaCode: s.dilemma,
          nameZh: s.name.zh,
          nameEn: s.name.en,
          unit: s.unit,
          direction: s.direction,
          sortOrder: i + 1,
        };
        await tx.suggestedIndicator.upsert({ where: { key: s.key }, create: { key: s.key, ...data }, update: data });
      }
      await tx.catalogVersion.upsert({
        where: { version: CATALOG_VERSION },
        create: { version: CATALOG_VERSION },
        update: {},
      });
    },
    { timeout: 30_000 },
  );
}
