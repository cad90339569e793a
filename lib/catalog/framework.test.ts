import { describe, expect, it } from "vitest";
import { areas, dilemmas, paths, taskTemplates } from "@/lib/catalog/catalog";
import { frameworkView, PAPER, sectionsIn, templateSections } from "@/lib/catalog/framework";
import { frameworkHref } from "@/lib/catalog/framework-href";

describe("Framework page data", () => {
  for (const locale of ["zh-CN", "en"]) {
    const view = frameworkView(locale);
    const text = JSON.stringify(view);

    it(`${locale}: every dilemma, path and area is there with its § and an explanation that cites it`, () => {
      expect(view.dilemmas.map((d) => [d.code, d.section])).toEqual(dilemmas.map((d) => [d.code, d.section]));
      expect(view.paths.map((p) => [p.code, p.section])).toEqual(paths.map((p) => [p.code, p.section]));
      expect(view.areas.map((a) => [a.code, a.section])).toEqual(areas.map((a) => [a.code, a.section]));
      for (const p of view.paths) expect(sectionsIn(p.explanation)).toContain(p.section);
      for (const a of view.areas) expect(sectionsIn(a.explanation)).toContain(a.section);
      for (const d of view.dilemmas) expect(d.summary.length).toBeGreaterThan(20);
    });

    it(`${locale}: every template of the catalog is on the page with every § it rests on`, () => {
      const onPage = view.areas.flatMap((a) => a.templates);
      expect(onPage.map((t) => t.key)).toEqual(taskTemplates.map((t) => t.key));
      for (const template of taskTemplates) {
        const shown = onPage.find((t) => t.key === template.key)!;
        const area = areas.find((a) => a.code === template.area)!;
        const cited = sectionsIn(template.description.zh + template.description.en);
        expect(cited.length, template.key).toBeGreaterThan(0);
        for (const section of [area.section, ...cited]) {
          expect(shown.sections, template.key).toContain(section);
          expect(text).toContain(section);
        }
        expect(shown.path.code).toBe(template.path);
        expect(Object.fromEntries(shown.weights.map((w) => [w.code, w.weight]))).toEqual(template.weights);
      }
    });

    it(`${locale}: each dilemma lists exactly the templates that carry a weight for it`, () => {
      for (const d of view.dilemmas) {
        const expected = taskTemplates.filter((t) => t.weights[d.code]).map((t) => t.key);
        expect(d.templates.map((t) => t.key).sort()).toEqual(expected.sort());
      }
      for (const p of view.paths) {
        expect(p.templates).toEqual(taskTemplates.filter((t) => t.path === p.code).map((t) => t.key));
      }
    });
  }

  it("names the paper in both languages", () => {
    expect(frameworkView("zh-CN").paper).toMatchObject({
      author: "姚伯琨",
      title: "新质生产力赋能电子商务高质量发展的路径研究",
      institution: "贵州大学经济学院",
      year: 2025,
      license: "CC BY 4.0",
    });
    expect(frameworkView("en").paper.institution).toBe(PAPER.institution.en);
  });

  it("links to a code's anchor", () => {
    expect(frameworkHref("R3.1")).toBe("/framework#R3.1");
    expect(templateSections("R1.2")).toEqual(["§5.1", "§4.1"]);
    expect(templateSections("X9")).toEqual([]);
    expect(sectionsIn("（§4.1、§5.1）")).toEqual(["§4.1", "§5.1"]);
  });
});
