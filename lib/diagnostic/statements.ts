import { DILEMMA_CODES, type Bilingual, type DilemmaCode } from "@/lib/catalog/types";

/**
 * The diagnostic's statements: four per dilemma, each a sign of maturity that
 * §3 of the paper finds missing in e-commerce firms, written in our own words.
 * A team rates each from 1 (not true of us at all) to 5 (fully true), so a high
 * score means the dilemma holds the team back less. Keys are stable (stored answers).
 */
export type DiagnosticStatement = { key: string; dilemma: DilemmaCode; section: string; text: Bilingual };

export const DIAGNOSTIC_SCALE = [1, 2, 3, 4, 5] as const;
export type DiagnosticAnswer = (typeof DIAGNOSTIC_SCALE)[number];

export const diagnosticStatements: readonly DiagnosticStatement[] = [
  {
    key: "D1.a",
    dilemma: "D1",
    section: "§3.1",
    text: {
      zh: "我们的商品或服务有顾客说得出的差异，而不是主要靠降价竞争。",
      en: "Customers can name what sets our products or services apart; we do not compete mainly on price.",
    },
  },
  {
    key: "D1.b",
    dilemma: "D1",
    section: "§3.1",
    text: {
      zh: "我们定期试验新的技术或经营模式，而不只是沿用成熟做法。",
      en: "We regularly try new technologies or business models instead of only repeating proven routines.",
    },
  },
  {
    key: "D1.c",
    dilemma: "D1",
    section: "§3.1",
    text: {
      zh: "个性化定制、智能推荐或绿色消费已有实际投入并带来成效。",
      en: "Personalised offers, smart recommendation or green consumption already have real investment and show results.",
    },
  },
  {
    key: "D1.d",
    dilemma: "D1",
    section: "§3.1",
    text: {
      zh: "我们能较快察觉需求变化，并据此调整商品与服务。",
      en: "We notice shifts in demand quickly and adjust our products and services to them.",
    },
  },
  {
    key: "D2.a",
    dilemma: "D2",
    section: "§3.2",
    text: {
      zh: "掌握前沿数字技术的关键岗位都有合适的人。",
      en: "The key roles that need frontier digital-technology skills are filled with the right people.",
    },
  },
  {
    key: "D2.b",
    dilemma: "D2",
    section: "§3.2",
    text: {
      zh: "我们有能同时驾驭数字化营销、智慧供应链和平台合规的管理者。",
      en: "We have managers who can handle digital marketing, smart supply chain and platform compliance together.",
    },
  },
  {
    key: "D2.c",
    dilemma: "D2",
    section: "§3.2",
    text: {
      zh: "员工技能更新有固定的时间和预算，不因短期业绩而被削减。",
      en: "Staff skills are renewed with set time and budget that short-term targets do not cut.",
    },
  },
  {
    key: "D2.d",
    dilemma: "D2",
    section: "§3.2",
    text: {
      zh: "核心人才留得住，技术研发投入能持续多年。",
      en: "Key people stay with us, and our investment in technology R&D is sustained over the years.",
    },
  },
  {
    key: "D3.a",
    dilemma: "D3",
    section: "§3.3",
    text: {
      zh: "我们有防范入侵、泄露和恶意程序的措施，并且持续监控。",
      en: "We have controls against intrusion, leaks and malware, and they are monitored continuously.",
    },
  },
  {
    key: "D3.b",
    dilemma: "D3",
    section: "§3.3",
    text: {
      zh: "与供应链伙伴共享数据时，我们评估并约束每个节点的安全风险。",
      en: "When we share data with supply-chain partners, we assess and control the security risk at each node.",
    },
  },
  {
    key: "D3.c",
    dilemma: "D3",
    section: "§3.3",
    text: {
      zh: "每一处个人数据的采集和使用都先取得用户的明确授权。",
      en: "Every collection and use of personal data is preceded by the user's explicit consent.",
    },
  },
  {
    key: "D3.d",
    dilemma: "D3",
    section: "§3.3",
    text: {
      zh: "数据从采集、存储到使用的每个环节都有明确的责任人。",
      en: "Each stage of our data's life, from collection through storage to use, has a named owner.",
    },
  },
  {
    key: "D4.a",
    dilemma: "D4",
    section: "§3.4",
    text: {
      zh: "我们能以合理的时效和成本把货送到偏远和下沉市场。",
      en: "We deliver to remote and lower-tier markets in reasonable time and at reasonable cost.",
    },
  },
  {
    key: "D4.b",
    dilemma: "D4",
    section: "§3.4",
    text: {
      zh: "库存、采购和生产信息与供应商实时共享，很少出现积压或断货。",
      en: "Stock, purchasing and production data are shared with suppliers in real time; excess stock and stock-outs are rare.",
    },
  },
  {
    key: "D4.c",
    dilemma: "D4",
    section: "§3.4",
    text: {
      zh: "需要时，我们具备冷链等专业物流能力。",
      en: "Where we need it, we have specialised logistics such as a cold chain.",
    },
  },
  {
    key: "D4.d",
    dilemma: "D4",
    section: "§3.4",
    text: {
      zh: "包裹、包装和电子面单遵循统一标准，并使用智能调度或路径优化。",
      en: "Parcels, packaging and e-waybills follow common standards, and we use smart dispatch or route optimisation.",
    },
  },
];

/** The statements of one dilemma, in order. */
export function statementsOf(dilemma: DilemmaCode): DiagnosticStatement[] {
  return diagnosticStatements.filter((s) => s.dilemma === dilemma);
}

/** Answers by statement key. */
export type DiagnosticAnswers = Record<string, DiagnosticAnswer>;

/** Maturity per dilemma in [0, 1]: the mean answer mapped from 1–5 onto 0–1. */
export type Maturity = Record<DilemmaCode, number>;

/** Maturity per dilemma from a complete set of answers: (mean − 1) / 4. */
export function maturityOf(answers: DiagnosticAnswers): Maturity {
  const out = {} as Maturity;
  for (const d of DILEMMA_CODES) {
    const values = statementsOf(d).map((s) => answers[s.key] ?? 1);
    const mean = values.reduce<number>((sum, v) => sum + v, 0) / values.length;
    out[d] = (mean - 1) / 4;
  }
  return out;
}

/** How far each dilemma is from full maturity: 1 − maturity. */
export function gapOf(maturity: Maturity): Maturity {
  const out = {} as Maturity;
  for (const d of DILEMMA_CODES) out[d] = 1 - maturity[d];
  return out;
}
