import { describe, it, expect } from "vitest";
import { AREA_CODES, DILEMMA_CODES, PATH_CODES } from "./types";
import type { DilemmaCode } from "./types";
import {
  CATALOG_VERSION,
  areas,
  dilemmas,
  getTemplate,
  indicatorsForDilemma,
  mainDilemmasOfArea,
  paths,
  suggestedIndicators,
  taskTemplates,
  templatesForArea,
} from "./catalog";

// Copied literally from the domain contract DOMAIN.md (key | dilemmas | path), document order.
const EXPECTED_TEMPLATES: readonly [key: string, weights: string, path: string][] = [
  ["R1.1", "D1:3 D2:1", "P1"],
  ["R1.2", "D1:3", "P1"],
  ["R1.3", "D1:2", "P1"],
  ["R1.4", "D1:3", "P2"],
  ["R1.5", "D1:2", "P2"],
  ["R1.6", "D1:1 D4:1", "P3"],
  ["R1.7", "D1:2 D2:1", "P2"],
  ["R1.8", "D1:2", "P2"],
  ["R1.9", "D1:1 D4:1", "P4"],
  ["R2.1", "D2:3", "P4"],
  ["R2.2", "D2:3 D1:1", "P1"],
  ["R2.3", "D2:2", "P4"],
  ["R2.4", "D2:3 D3:1 D4:1", "P4"],
  ["R2.5", "D2:2 D1:2", "P2"],
  ["R2.6", "D2:1", "P4"],
  ["R3.1", "D3:3", "P3"],
  ["R3.2", "D3:3", "P3"],
  ["R3.3", "D3:3", "P3"],
  ["R3.4", "D3:2", "P3"],
  ["R3.5", "D3:3", "P3"],
  ["R3.6", "D3:3", "P3"],
  ["R3.7", "D3:2 D4:1", "P3"],
  ["R3.8", "D3:2", "P1"],
  ["R3.9", "D3:1", "P3"],
  ["R4.1", "D4:3", "P4"],
  ["R4.2", "D4:3", "P4"],
  ["R4.3", "D4:2", "P4"],
  ["R4.4", "D4:3 D1:1", "P2"],
  ["R4.5", "D4:3", "P1"],
  ["R4.6", "D4:2", "P1"],
  ["R4.7", "D4:2", "P3"],
  ["R4.8", "D4:2", "P1"],
  ["R4.9", "D4:2 D3:1", "P1"],
  ["R4.10", "D4:2", "P4"],
];

// Copied literally from the domain contract DOMAIN.md, "Indicators" table, table order.
const EXPECTED_INDICATORS: readonly [key: string, en: string, zh: string, unit: string, direction: string][] = [
  ["D1.1", "Revenue share from differentiated or new offerings", "差异化新业务收入占比", "%", "UP"],
  ["D1.2", "Gross margin", "毛利率", "%", "UP"],
  ["D1.3", "Recommendation conversion rate", "推荐转化率", "%", "UP"],
  ["D2.1", "Staff completing advanced digital training", "完成进阶数字培训员工占比", "%", "UP"],
  ["D2.2", "Key-talent retention", "核心人才保留率", "%", "UP"],
  ["D3.1", "Security incidents per quarter", "每季度安全事件数", "count", "DOWN"],
  ["D3.2", "Sensitive data encrypted", "敏感数据加密覆盖率", "%", "UP"],
  ["D3.3", "Data collection points with explicit consent", "获明确授权的数据采集点占比", "%", "UP"],
  ["D4.1", "Average delivery time to county and rural areas", "县乡平均配送时长", "days", "DOWN"],
  ["D4.2", "Fulfilment cost per order", "单均履约成本", "CNY", "DOWN"],
  ["D4.3", "Stock-out rate", "缺货率", "%", "DOWN"],
];

const EXPECTED_DILEMMA_NAMES = {
  D1: ["商业模式同质化严重", "Business-model homogenization"],
  D2: ["人才短缺", "Talent shortage"],
  D3: ["数据安全与隐私保护挑战", "Data-security and privacy risk"],
  D4: ["物流配送和供应链体系不完善", "Logistics and supply-chain gaps"],
} as const;

const EXPECTED_PATH_NAMES = {
  P1: ["技术创新", "Technological innovation", "AI, big data, IoT, blockchain"],
  P2: [
    "商业模式创新",
    "Business-model innovation",
    "decentralised trading, collaborative consumption, social commerce",
  ],
  P3: ["行业可持续发展", "Sustainable development", "trusted transactions, risk sensing, security, governance"],
  P4: ["资源高效配置", "Efficient resource allocation", "IoT supply chain, cloud capacity, smart logistics"],
} as const;

const EXPECTED_AREA_NAMES = {
  R1: ["加强电子商务企业技术创新与应用", "Technology innovation and application"],
  R2: ["强化现代化人才培养与引进", "Talent development and recruitment"],
  R3: ["加强数据安全与隐私保护", "Data security and privacy"],
  R4: ["完善物流配送和供应链管理", "Logistics and supply chain"],
} as const;

const CJK = /[\u4e00-\u9fff]/;

function parseWeights(s: string): Record<string, number> {
  return Object.fromEntries(
    s.split(" ").map((pair) => {
      const [d, w] = pair.split(":");
      return [d, Number(w)];
    }),
  );
}

function allBilingual(): [string, { zh: string; en: string }][] {
  return [
    ...dilemmas.flatMap((d) => [
      [`${d.code}.name`, d.name],
      [`${d.code}.summary`, d.summary],
    ]),
    ...paths.flatMap((p) => [
      [`${p.code}.name`, p.name],
      [`${p.code}.focus`, p.focus],
    ]),
    ...areas.map((a) => [`${a.code}.name`, a.name]),
    ...taskTemplates.flatMap((t) => [
      [`${t.key}.text`, t.text],
      [`${t.key}.description`, t.description],
    ]),
    ...suggestedIndicators.map((i) => [`${i.key}.name`, i.name]),
  ] as [string, { zh: string; en: string }][];
}

describe("catalog version", () => {
  it("is 2025.2", () => {
    expect(CATALOG_VERSION).toBe("2025.2");
  });
});

describe("codes", () => {
  it("has every dilemma D1–D4 exactly once, in order", () => {
    expect(dilemmas.map((d) => d.code)).toEqual([...DILEMMA_CODES]);
  });

  it("has every path P1–P4 exactly once, in order", () => {
    expect(paths.map((p) => p.code)).toEqual([...PATH_CODES]);
  });

  it("has every area R1–R4 exactly once, in order", () => {
    expect(areas.map((a) => a.code)).toEqual([...AREA_CODES]);
  });

  it("uses the paper's section numbers", () => {
    expect(dilemmas.map((d) => d.section)).toEqual(["§3.1", "§3.2", "§3.3", "§3.4"]);
    expect(paths.map((p) => p.section)).toEqual(["§4.1", "§4.2", "§4.3", "§4.4"]);
    expect(areas.map((a) => a.section)).toEqual(["§5.1", "§5.2", "§5.3", "§5.4"]);
  });
});

describe("names match DOMAIN.md", () => {
  it("dilemma names", () => {
    for (const d of dilemmas) {
      const [zh, en] = EXPECTED_DILEMMA_NAMES[d.code];
      expect(d.name).toEqual({ zh, en });
    }
  });

  it("path names and focus (en)", () => {
    for (const p of paths) {
      const [zh, en, focusEn] = EXPECTED_PATH_NAMES[p.code];
      expect(p.name).toEqual({ zh, en });
      expect(p.focus.en).toBe(focusEn);
    }
  });

  it("area names", () => {
    for (const a of areas) {
      const [zh, en] = EXPECTED_AREA_NAMES[a.code];
      expect(a.name).toEqual({ zh, en });
    }
  });
});

describe("bilingual text", () => {
  it("is non-empty in both languages everywhere", () => {
    for (const [where, b] of allBilingual()) {
      expect(b.zh.trim(), `${where}.zh`).not.toBe("");
      expect(b.en.trim(), `${where}.en`).not.toBe("");
    }
  });

  it("has CJK characters in every zh string and none in en strings", () => {
    for (const [where, b] of allBilingual()) {
      expect(CJK.test(b.zh), `${where}.zh`).toBe(true);
      expect(CJK.test(b.en), `${where}.en`).toBe(false);
    }
  });

  it("has no leading or trailing whitespace", () => {
    for (const [where, b] of allBilingual()) {
      expect(b.zh, `${where}.zh`).toBe(b.zh.trim());
      expect(b.en, `${where}.en`).toBe(b.en.trim());
    }
  });
});

describe("task templates", () => {
  it("each describe what to do and what done looks like, citing the paper's section in both languages", () => {
    for (const t of taskTemplates) {
      expect(t.description.en, t.key).toMatch(/Done when .+\((?:§\d(?:\.\d)?(?:, )?)+\)$/);
      expect(t.description.zh, t.key).toMatch(/完成标准：.+（(?:§\d(?:\.\d)?、?)+）$/);
    }
  });

  it("equal the DOMAIN.md table exactly (keys, weights, paths; none missing, none extra)", () => {
    expect(taskTemplates).toHaveLength(34);
    expect(taskTemplates.map((t) => [t.key, t.weights, t.path])).toEqual(
      EXPECTED_TEMPLATES.map(([key, w, path]) => [key, parseWeights(w), path]),
    );
  });

  it("have unique keys", () => {
    const keys = taskTemplates.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("have keys prefixed by their area and numbered 1..n per area", () => {
    for (const area of AREA_CODES) {
      const keys = taskTemplates.filter((t) => t.area === area).map((t) => t.key);
      expect(keys).toEqual(keys.map((_, i) => `${area}.${i + 1}`));
    }
    for (const t of taskTemplates) {
      expect(t.key.startsWith(`${t.area}.`), t.key).toBe(true);
    }
  });

  it("have integer weights 1–3 on known dilemmas, at least one each", () => {
    for (const t of taskTemplates) {
      const entries = Object.entries(t.weights);
      expect(entries.length, t.key).toBeGreaterThan(0);
      for (const [d, w] of entries) {
        expect(DILEMMA_CODES as readonly string[], t.key).toContain(d);
        expect(Number.isInteger(w), `${t.key} ${d}`).toBe(true);
        expect(w, `${t.key} ${d}`).toBeGreaterThanOrEqual(1);
        expect(w, `${t.key} ${d}`).toBeLessThanOrEqual(3);
      }
    }
  });

  it("have a known path and priority", () => {
    for (const t of taskTemplates) {
      expect(PATH_CODES as readonly string[], t.key).toContain(t.path);
      expect(["LOW", "MEDIUM", "HIGH", "URGENT"], t.key).toContain(t.defaultPriority);
    }
  });

  it("have positive integer durations within 14–180 days", () => {
    for (const t of taskTemplates) {
      expect(Number.isInteger(t.durationDays), t.key).toBe(true);
      expect(t.durationDays, t.key).toBeGreaterThanOrEqual(14);
      expect(t.durationDays, t.key).toBeLessThanOrEqual(180);
    }
  });

  it("carry DOMAIN.md text verbatim (spot checks)", () => {
    expect(getTemplate("R1.1")?.text).toEqual({
      zh: "加大新质生产力技术投入，引入人工智能、大数据、区块链等前沿技术，打造差异化产品和服务",
      en: "Invest in AI, big data and blockchain to build differentiated products and services",
    });
    expect(getTemplate("R3.6")?.text).toEqual({
      zh: "确保在获得用户明确授权后合规采集和使用数据",
      en: "Collect and use personal data only with explicit consent",
    });
    expect(getTemplate("R4.4")?.text).toEqual({
      zh: "建立供应商-制造商-平台三方战略联盟，构建需求驱动的动态响应机制",
      en: "Form a supplier–manufacturer–platform alliance with demand-driven response",
    });
    expect(getTemplate("R4.10")?.text).toEqual({
      zh: "发展温控冷链等专业物流能力",
      en: "Build specialised logistics such as temperature-controlled cold chain",
    });
  });
});

describe("suggested indicators", () => {
  it("are the 11 of DOMAIN.md with their names, units and directions, in table order", () => {
    expect(suggestedIndicators.map((i) => [i.key, i.name.en, i.name.zh, i.unit, i.direction])).toEqual(
      EXPECTED_INDICATORS.map((row) => [...row]),
    );
  });

  it("belong to the dilemma their key names", () => {
    for (const i of suggestedIndicators) {
      expect(i.key.startsWith(`${i.dilemma}.`), i.key).toBe(true);
    }
  });
});

describe("helpers", () => {
  it("getTemplate finds by exact key", () => {
    expect(getTemplate("R3.1")?.area).toBe("R3");
    expect(getTemplate("R4.10")?.key).toBe("R4.10");
    expect(getTemplate("R4.1")?.key).toBe("R4.1");
    expect(getTemplate("R9.9")).toBeUndefined();
    expect(getTemplate("r3.1")).toBeUndefined();
  });

  it("templatesForArea returns each area's templates in order", () => {
    expect(templatesForArea("R1")).toHaveLength(9);
    expect(templatesForArea("R2")).toHaveLength(6);
    expect(templatesForArea("R3")).toHaveLength(9);
    expect(templatesForArea("R4").length).toBe(10);
    expect(templatesForArea("R4").map((t) => t.key)).toEqual(
      EXPECTED_TEMPLATES.filter(([k]) => k.startsWith("R4.")).map(([k]) => k),
    );
  });

  it("templatesForArea returns a fresh array", () => {
    const a = templatesForArea("R2");
    a.pop();
    expect(templatesForArea("R2")).toHaveLength(6);
  });

  it("indicatorsForDilemma returns each dilemma's indicators", () => {
    expect(indicatorsForDilemma("D1").map((i) => i.key)).toEqual(["D1.1", "D1.2", "D1.3"]);
    expect(indicatorsForDilemma("D2").map((i) => i.key)).toEqual(["D2.1", "D2.2"]);
    expect(indicatorsForDilemma("D3").map((i) => i.key)).toEqual(["D3.1", "D3.2", "D3.3"]);
    expect(indicatorsForDilemma("D4").map((i) => i.key)).toEqual(["D4.1", "D4.2", "D4.3"]);
  });

  it("mainDilemmasOfArea orders by summed weight desc, then code", () => {
    expect(mainDilemmasOfArea("R3")[0]).toBe("D3");
    expect(mainDilemmasOfArea("R1")).toEqual(["D1", "D2", "D4"]);
    expect(mainDilemmasOfArea("R2")).toEqual(["D2", "D1", "D3", "D4"]);
    expect(mainDilemmasOfArea("R3")).toEqual(["D3", "D4"]);
    expect(mainDilemmasOfArea("R4")).toEqual(["D4", "D1", "D3"]);
  });

  it("mainDilemmasOfArea agrees with sums computed from the DOMAIN.md table", () => {
    for (const area of AREA_CODES) {
      const totals = new Map<DilemmaCode, number>();
      for (const [key, w] of EXPECTED_TEMPLATES) {
        if (!key.startsWith(`${area}.`)) continue;
        for (const [d, n] of Object.entries(parseWeights(w))) {
          totals.set(d as DilemmaCode, (totals.get(d as DilemmaCode) ?? 0) + n);
        }
      }
      const expected = [...totals.entries()].sort(([da, a], [db, b]) => b - a || da.localeCompare(db)).map(([d]) => d);
      expect(mainDilemmasOfArea(area), area).toEqual(expected);
    }
  });
});
