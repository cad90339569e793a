import { areas, dilemmas, indicatorsForDilemma, paths, taskTemplates } from "@/lib/catalog/catalog";
import type { AreaCode, Bilingual, DilemmaCode, PathCode, Weight } from "@/lib/catalog/types";
import { localize } from "@/lib/i18n/config";

/** The paper the framework comes from, as cited on the Framework page. */
export const PAPER = {
  author: { zh: "姚伯琨", en: "Yao Bokun" },
  title: {
    zh: "新质生产力赋能电子商务高质量发展的路径研究",
    en: "Research on the Path of New Quality Productivity Empowering the High-Quality Development of E-Commerce",
  },
  institution: { zh: "贵州大学经济学院", en: "School of Economics, Guizhou University" },
  year: 2025,
  publisher: "Hans Publishers",
  license: "CC BY 4.0",
  licenseUrl: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** What each path means in practice, in our words, with the paper's § (read §4.1–§4.4). */
const pathExplanations: Record<PathCode, Bilingual> = {
  P1: {
    zh: "论文把突破性技术看作新质生产力的本质：人工智能、大数据、物联网和区块链让电子商务不再停留在“把交易搬到网上”，而是走向智能决策、个性化体验和精准的供需匹配。论文举的例子是人工智能推荐和基于大数据的市场洞察（§4.1）。",
    en: "The paper treats breakthrough technology as the core of new quality productivity: AI, big data, IoT and blockchain take e-commerce beyond simply moving transactions online, towards intelligent decisions, personalised experience and precise matching of supply and demand. Its examples are AI recommendation and market insight mined from big data (§4.1).",
  },
  P2: {
    zh: "新技术为重构商业模式提供了基础：基于区块链的去中心化交易降低了信任和中介成本，协同消费让闲置资源重新发挥作用，社群电商借助社交关系推广和销售，开辟新的市场空间（§4.2）。",
    en: "New technology is what makes new business models possible: blockchain-based decentralised trading lowers the cost of trust and intermediaries, collaborative consumption puts idle resources back to work, and social commerce sells through personal networks and opens new markets (§4.2).",
  },
  P3: {
    zh: "行业高速扩张带来了数据安全、隐私合规和监管适配的难题。区块链支撑的可信交易、人工智能风险感知与欺诈预警、不断升级的网络安全防护，以及可验证的技术标准和治理工具，是行业长期健康发展的保障（§4.3）。",
    en: "Fast growth brings problems of data security, privacy compliance and regulation that must keep up. Trusted transactions on blockchain, AI risk sensing and fraud alerts, ever stronger cyber defence, and verifiable technical standards and governance tools are what keep the industry healthy in the long run (§4.3).",
  },
  P4: {
    zh: "物联网让库存实时可见并按需求自动补货，云计算为流量高峰提供弹性算力和存储，智能物流缩短商品流转周期、提高配送的准确性和可靠性。这样企业能在降低运营成本的同时提升服务质量（§4.4）。",
    en: "IoT makes stock visible in real time and replenishes it on demand, cloud computing gives elastic capacity for traffic peaks, and smart logistics shortens turnaround and makes delivery more precise and reliable. Firms can then cut operating cost and raise service quality at the same time (§4.4).",
  },
};

/** What each recommendation area proposes, in our words, with the paper's § (read §5.1–§5.4). */
const areaExplanations: Record<AreaCode, Bilingual> = {
  R1: {
    zh: "针对同质化竞争和创新动力不足（§3.1），论文建议把技术创新作为提升核心竞争力的主要手段：加大对人工智能、大数据、区块链等前沿技术的投入，探索新的商业模式，用创新基金和奖励营造创新文化，并以用户反馈和市场调研为中心持续改进（§5.1）。",
    en: "Against homogeneous competition and weak innovation drive (§3.1), the paper makes technology innovation the main lever for competitiveness: invest in frontier technology such as AI, big data and blockchain, explore new business models, build an innovation culture with funds and rewards, and keep improving from user feedback and market research (§5.1).",
  },
  R2: {
    zh: "针对人才短缺（§3.2），论文主张教育体系、企业和政府三方协同：院校对接产业前沿、深化校企合作；企业完善引才留才机制、系统开展进阶培训、建立内部创新孵化；政府出台人才政策并支持重点实验室等产学研载体（§5.2）。本应用的模板取其中企业能够自己推进的部分。",
    en: "Against the talent shortage (§3.2), the paper calls for schools, firms and government to work together: schools follow industry needs and partner with firms; firms recruit and retain talent, train staff systematically and incubate innovation in-house; government offers talent policies and funds joint labs and innovation centres (§5.2). Pathwise's templates take the parts a firm can drive itself.",
  },
  R3: {
    zh: "针对数据安全与隐私风险（§3.3），论文建议加大网络安全投入（防火墙、入侵检测、加密），建立应急响应机制，制定覆盖采集、存储、使用、共享的数据管理规范，严格访问控制，对数据分级分类并加密敏感数据；政府层面则完善法规、加大处罚、加强跨境数据安全合作（§5.3）。",
    en: "Against data-security and privacy risk (§3.3), the paper recommends more security investment (firewalls, intrusion detection, encryption), an incident response process, data-handling rules that cover collection, storage, use and sharing, strict access control, and classifying data so that sensitive data is encrypted; on the government side, better laws, higher penalties and cross-border cooperation on data security (§5.3).",
  },
  R4: {
    zh: "针对物流和供应链短板（§3.4），论文从四方面着手：加强城乡末端节点、分布式仓储、智能分拣和共同配送等基础设施；建立供应商、制造商与平台的协同联盟并实时共享数据；推进包裹载具、环保包装和数据交换的标准化；用大数据优化配送路径、用区块链提升可追溯性（§5.4）。",
    en: "Against the logistics and supply-chain gaps (§3.4), the paper works on four fronts: infrastructure such as last-mile nodes, distributed warehouses, smart sorting and shared delivery; an alliance of suppliers, manufacturers and platforms that shares data in real time; standards for parcel carriers, eco packaging and data interchange; and big-data route optimisation and blockchain traceability (§5.4).",
  },
};

/** The § references in a text, e.g. "(§4.1, §5.1)" → ["§4.1", "§5.1"]. */
export function sectionsIn(text: string): string[] {
  return [...new Set(text.match(/§\d+(?:\.\d+)*/g) ?? [])];
}

export type WeightView = { code: DilemmaCode; name: string; weight: Weight };
export type TemplateView = {
  key: string;
  area: AreaCode;
  text: string;
  description: string;
  path: { code: PathCode; name: string };
  weights: WeightView[];
  /** Every § the template rests on: its area's section and those its description cites. */
  sections: string[];
};
export type FrameworkView = {
  paper: {
    author: string;
    title: string;
    institution: string;
    year: number;
    publisher: string;
    license: string;
    licenseUrl: string;
  };
  dilemmas: {
    code: DilemmaCode;
    name: string;
    section: string;
    summary: string;
    templates: { key: string; weight: Weight }[];
    indicators: string[];
  }[];
  paths: { code: PathCode; name: string; section: string; focus: string; explanation: string; templates: string[] }[];
  areas: { code: AreaCode; name: string; section: string; explanation: string; templates: TemplateView[] }[];
};

/** The Framework page's content in one language, derived from the catalog so the two cannot drift apart. */
export function frameworkView(locale: string): FrameworkView {
  const l = (text: Bilingual) => localize(text, locale);
  const templateView = (key: string): TemplateView => {
    const template = taskTemplates.find((t) => t.key === key)!;
    const area = areas.find((a) => a.code === template.area)!;
    const path = paths.find((p) => p.code === template.path)!;
    const description = l(template.description);
    return {
      key,
      area: template.area,
      text: l(template.text),
      description,
      path: { code: path.code, name: l(path.name) },
      weights: (Object.entries(template.weights) as [DilemmaCode, Weight][])
        .sort(([, a], [, b]) => b - a)
        .map(([code, weight]) => ({ code, weight, name: l(dilemmas.find((d) => d.code === code)!.name) })),
      sections: [
        ...new Set([area.section, ...sectionsIn(template.description.zh), ...sectionsIn(template.description.en)]),
      ],
    };
  };
  return {
    paper: {
      author: l(PAPER.author),
      title: l(PAPER.title),
      institution: l(PAPER.institution),
      year: PAPER.year,
      publisher: PAPER.publisher,
      license: PAPER.license,
      licenseUrl: PAPER.licenseUrl,
    },
    dilemmas: dilemmas.map((d) => ({
      code: d.code,
      name: l(d.name),
      section: d.section,
      summary: l(d.summary),
      templates: taskTemplates
        .filter((t) => t.weights[d.code] !== undefined)
        .map((t) => ({ key: t.key, weight: t.weights[d.code]! }))
        .sort((a, b) => b.weight - a.weight),
      indicators: indicatorsForDilemma(d.code).map((i) => l(i.name)),
    })),
    paths: paths.map((p) => ({
      code: p.code,
      name: l(p.name),
      section: p.section,
      focus: l(p.focus),
      explanation: l(pathExplanations[p.code]),
      templates: taskTemplates.filter((t) => t.path === p.code).map((t) => t.key),
    })),
    areas: areas.map((a) => ({
      code: a.code,
      name: l(a.name),
      section: a.section,
      explanation: l(areaExplanations[a.code]),
      templates: taskTemplates.filter((t) => t.area === a.code).map((t) => templateView(t.key)),
    })),
  };
}

/** Every § a template rests on: its area's section and those its description cites; none for an unknown key. */
export function templateSections(key: string): string[] {
  const template = taskTemplates.find((t) => t.key === key);
  const area = template && areas.find((a) => a.code === template.area);
  if (!template || !area) return [];
  return [...new Set([area.section, ...sectionsIn(template.description.zh), ...sectionsIn(template.description.en)])];
}
