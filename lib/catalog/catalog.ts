import type { Area, AreaCode, Dilemma, DilemmaCode, Path, SuggestedIndicator, TaskTemplate } from "./types";

/** Version of this catalog; bump on any change so existing plans keep the version they were built from. */
export const CATALOG_VERSION = "2025.1";

/** The paper's four dilemmas (§3), D1–D4 in code order. */
export const dilemmas: readonly Dilemma[] = [
  {
    code: "D1",
    name: { zh: "商业模式同质化严重", en: "Business-model homogenization" },
    summary: {
      zh: "平台在商业模式、品类和服务上趋同，价格战压缩利润与品质，创新动力不足，对个性化定制、智能推荐和绿色消费投入有限，中小企业缺乏资源应用新技术，市场日趋集中。",
      en: "Platforms converge on the same models, categories and services, so price wars erode margins and quality, innovation drive is weak, little is invested in personalised customisation, intelligent recommendation and green consumption, and resource-poor SMEs fall behind as the market concentrates.",
    },
    section: "§3.1",
  },
  {
    code: "D2",
    name: { zh: "人才短缺", en: "Talent shortage" },
    summary: {
      zh: "高端数字技术人才和数字化营销、智慧供应链、平台合规等复合型管理人才短缺，企业对员工技能培养和持续研发投入不足。",
      en: "There are too few high-end digital-technology specialists and cross-disciplinary managers (digital marketing, smart supply chain, platform compliance), and firms under-invest in staff skills and sustained R&D.",
    },
    section: "§3.2",
  },
  {
    code: "D3",
    name: { zh: "数据安全与隐私保护挑战", en: "Data-security and privacy risk" },
    summary: {
      zh: "黑客攻击、数据泄露和恶意软件，供应链数据共享扩大暴露面、单一薄弱节点危及整条链，以及未经用户明确授权采集和使用数据，共同威胁数据安全与隐私。",
      en: "Hacking, leaks and malware, wider exposure through supply-chain data sharing where one weak node endangers the whole chain, and collection and use of user data without explicit consent put data security and privacy at risk.",
    },
    section: "§3.3",
  },
  {
    code: "D4",
    name: { zh: "物流配送和供应链体系不完善", en: "Logistics and supply-chain gaps" },
    summary: {
      zh: "偏远及下沉市场配送慢、成本高，供应链存在库存管控薄弱、供应商联系松散和信息孤岛问题，冷链等专业物流、包裹规格与电子面单等统一标准以及智能调度、路径优化和无人配送的应用均显滞后。",
      en: "Delivery to remote and lower-tier markets is slow and costly, supply chains suffer from weak inventory control, loose supplier ties and information silos, and specialised logistics such as cold chain, common standards (parcel specs, packaging, e-waybills) and the use of smart dispatch, route optimisation and unmanned delivery all lag behind.",
    },
    section: "§3.4",
  },
];

/** The paper's four paths (§4), P1–P4 in code order; `focus` is the parenthesised scope. */
export const paths: readonly Path[] = [
  {
    code: "P1",
    name: { zh: "技术创新", en: "Technological innovation" },
    focus: { zh: "人工智能、大数据、物联网、区块链", en: "AI, big data, IoT, blockchain" },
    section: "§4.1",
  },
  {
    code: "P2",
    name: { zh: "商业模式创新", en: "Business-model innovation" },
    focus: {
      zh: "去中心化交易、协同消费、社交电商",
      en: "decentralised trading, collaborative consumption, social commerce",
    },
    section: "§4.2",
  },
  {
    code: "P3",
    name: { zh: "行业可持续发展", en: "Sustainable development" },
    focus: {
      zh: "可信交易、风险感知、安全、治理",
      en: "trusted transactions, risk sensing, security, governance",
    },
    section: "§4.3",
  },
  {
    code: "P4",
    name: { zh: "资源高效配置", en: "Efficient resource allocation" },
    focus: {
      zh: "物联网供应链、云计算能力、智慧物流",
      en: "IoT supply chain, cloud capacity, smart logistics",
    },
    section: "§4.4",
  },
];

/** The paper's four recommendation areas (§5), R1–R4 in code order. */
export const areas: readonly Area[] = [
  {
    code: "R1",
    name: { zh: "加强电子商务企业技术创新与应用", en: "Technology innovation and application" },
    section: "§5.1",
  },
  {
    code: "R2",
    name: { zh: "强化现代化人才培养与引进", en: "Talent development and recruitment" },
    section: "§5.2",
  },
  {
    code: "R3",
    name: { zh: "加强数据安全与隐私保护", en: "Data security and privacy" },
    section: "§5.3",
  },
  {
    code: "R4",
    name: { zh: "完善物流配送和供应链管理", en: "Logistics and supply chain" },
    section: "§5.4",
  },
];

/** All 34 task templates R1.1–R4.10 in document order, text verbatim from DOMAIN.md; weights: 3 primary, 2 strong, 1 some. */
export const taskTemplates: readonly TaskTemplate[] = [
  {
    key: "R1.1",
    area: "R1",
    path: "P1",
    text: {
      zh: "加大新质生产力技术投入，引入人工智能、大数据、区块链等前沿技术，打造差异化产品和服务",
      en: "Invest in AI, big data and blockchain to build differentiated products and services",
    },
    weights: { D1: 3, D2: 1 },
    defaultPriority: "MEDIUM",
    durationDays: 120,
  },
  {
    key: "R1.2",
    area: "R1",
    path: "P1",
    text: {
      zh: "部署基于人工智能的智能推荐系统，提升商品与用户偏好的匹配度",
      en: "Deploy AI recommendation to match products to user preferences",
    },
    weights: { D1: 3 },
    defaultPriority: "MEDIUM",
    durationDays: 90,
  },
  {
    key: "R1.3",
    area: "R1",
    path: "P1",
    text: {
      zh: "利用大数据挖掘市场洞察，制定精细化营销策略",
      en: "Mine big data for market insight and fine-grained marketing",
    },
    weights: { D1: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 60,
  },
  {
    key: "R1.4",
    area: "R1",
    path: "P2",
    text: {
      zh: "探索新商业模式（社群电商、直播电商、协同消费等），结合自身优势创新服务模式",
      en: "Explore new business models (social, live-stream, collaborative consumption) built on own strengths",
    },
    weights: { D1: 3 },
    defaultPriority: "MEDIUM",
    durationDays: 120,
  },
  {
    key: "R1.5",
    area: "R1",
    path: "P2",
    text: {
      zh: "提供个性化定制服务",
      en: "Offer personalised customisation",
    },
    weights: { D1: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 90,
  },
  {
    key: "R1.6",
    area: "R1",
    path: "P3",
    text: {
      zh: "构建绿色低碳消费模式",
      en: "Build a green, low-carbon consumption offer",
    },
    weights: { D1: 1, D4: 1 },
    defaultPriority: "LOW",
    durationDays: 90,
  },
  {
    key: "R1.7",
    area: "R1",
    path: "P2",
    text: {
      zh: "建立创新激励机制：设立创新基金与奖励计划，营造创新文化",
      en: "Set up an innovation fund and rewards; build an innovation culture",
    },
    weights: { D1: 2, D2: 1 },
    defaultPriority: "MEDIUM",
    durationDays: 45,
  },
  {
    key: "R1.8",
    area: "R1",
    path: "P2",
    text: {
      zh: "重视用户反馈与市场调研，以用户为中心持续改进产品和服务",
      en: "Run user feedback and market research loops; improve continuously",
    },
    weights: { D1: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 30,
  },
  {
    key: "R1.9",
    area: "R1",
    path: "P4",
    text: {
      zh: "采用弹性云计算支撑峰值流量与海量并发交易",
      en: "Adopt elastic cloud capacity for peak traffic and transactions",
    },
    weights: { D1: 1, D4: 1 },
    defaultPriority: "MEDIUM",
    durationDays: 60,
  },
  {
    key: "R2.1",
    area: "R2",
    path: "P4",
    text: {
      zh: "完善高端技术与管理人才引进及留用机制，提供有竞争力的薪酬福利与发展通道",
      en: "Recruit and retain senior tech and management talent with competitive pay and career paths",
    },
    weights: { D2: 3 },
    defaultPriority: "MEDIUM",
    durationDays: 60,
  },
  {
    key: "R2.2",
    area: "R2",
    path: "P1",
    text: {
      zh: "系统开展技术应用能力进阶培训与前沿技术更新教育",
      en: "Run systematic advanced training on applied and frontier technology",
    },
    weights: { D2: 3, D1: 1 },
    defaultPriority: "MEDIUM",
    durationDays: 90,
  },
  {
    key: "R2.3",
    area: "R2",
    path: "P4",
    text: {
      zh: "深化校企协同育人：共建实习实训基地、项目制教学，共建AI、数据处理、智慧供应链课程",
      en: "Partner with universities: internship bases, project-based teaching, co-built AI/data/supply-chain courses",
    },
    weights: { D2: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 120,
  },
  {
    key: "R2.4",
    area: "R2",
    path: "P4",
    text: {
      zh: "培养复合型管理人才：数字化营销、智慧供应链、平台合规治理",
      en: "Grow cross-disciplinary managers: digital marketing, smart supply chain, platform compliance",
    },
    weights: { D2: 3, D3: 1, D4: 1 },
    defaultPriority: "MEDIUM",
    durationDays: 120,
  },
  {
    key: "R2.5",
    area: "R2",
    path: "P2",
    text: {
      zh: "构建内部创新孵化体系：设立专项创新基金，组建跨职能研发团队",
      en: "Build internal incubation: a dedicated fund and cross-functional R&D teams",
    },
    weights: { D2: 2, D1: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 90,
  },
  {
    key: "R2.6",
    area: "R2",
    path: "P4",
    text: {
      zh: "对接政府人才政策与产学研载体（重点实验室、技术创新中心）",
      en: "Use government talent policies and joint labs / innovation centres",
    },
    weights: { D2: 1 },
    defaultPriority: "LOW",
    durationDays: 30,
  },
  {
    key: "R3.1",
    area: "R3",
    path: "P3",
    text: {
      zh: "加大网络安全投入，部署防火墙、入侵检测系统与加密技术",
      en: "Invest in security: firewalls, intrusion detection, encryption",
    },
    weights: { D3: 3 },
    defaultPriority: "HIGH",
    durationDays: 60,
  },
  {
    key: "R3.2",
    area: "R3",
    path: "P3",
    text: {
      zh: "建立健全网络安全应急响应机制",
      en: "Establish a security incident response process",
    },
    weights: { D3: 3 },
    defaultPriority: "HIGH",
    durationDays: 30,
  },
  {
    key: "R3.3",
    area: "R3",
    path: "P3",
    text: {
      zh: "制定数据使用与管理规范，明确采集、存储、使用、共享各环节流程与责任主体",
      en: "Write data-handling rules: collection, storage, use, sharing, with named owners",
    },
    weights: { D3: 3 },
    defaultPriority: "HIGH",
    durationDays: 45,
  },
  {
    key: "R3.4",
    area: "R3",
    path: "P3",
    text: {
      zh: "严格数据访问控制，限制访问权限",
      en: "Enforce strict, least-privilege data access",
    },
    weights: { D3: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 30,
  },
  {
    key: "R3.5",
    area: "R3",
    path: "P3",
    text: {
      zh: "实施数据分级分类管理，敏感数据加密存储与传输",
      en: "Classify data by sensitivity; encrypt sensitive data at rest and in transit",
    },
    weights: { D3: 3 },
    defaultPriority: "HIGH",
    durationDays: 60,
  },
  {
    key: "R3.6",
    area: "R3",
    path: "P3",
    text: {
      zh: "确保在获得用户明确授权后合规采集和使用数据",
      en: "Collect and use personal data only with explicit consent",
    },
    weights: { D3: 3 },
    defaultPriority: "HIGH",
    durationDays: 45,
  },
  {
    key: "R3.7",
    area: "R3",
    path: "P3",
    text: {
      zh: "评估供应链数据共享节点的安全风险",
      en: "Assess security risk at supply-chain data-sharing nodes",
    },
    weights: { D3: 2, D4: 1 },
    defaultPriority: "MEDIUM",
    durationDays: 45,
  },
  {
    key: "R3.8",
    area: "R3",
    path: "P1",
    text: {
      zh: "建设人工智能风险感知与欺诈交易实时预警",
      en: "Build AI risk sensing and real-time fraud alerts",
    },
    weights: { D3: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 90,
  },
  {
    key: "R3.9",
    area: "R3",
    path: "P3",
    text: {
      zh: "跟踪数据安全法律法规与跨境数据合规要求",
      en: "Track data-protection law and cross-border data rules",
    },
    weights: { D3: 1 },
    defaultPriority: "LOW",
    durationDays: 30,
  },
  {
    key: "R4.1",
    area: "R4",
    path: "P4",
    text: {
      zh: "加大城乡接驳区及下沉市场末端节点投资",
      en: "Invest in last-mile nodes for rural and lower-tier markets",
    },
    weights: { D4: 3 },
    defaultPriority: "HIGH",
    durationDays: 180,
  },
  {
    key: "R4.2",
    area: "R4",
    path: "P4",
    text: {
      zh: "布局分布式仓储网络与智能分拣中心，缩短交付半径",
      en: "Deploy distributed warehousing and smart sorting centres",
    },
    weights: { D4: 3 },
    defaultPriority: "HIGH",
    durationDays: 180,
  },
  {
    key: "R4.3",
    area: "R4",
    path: "P4",
    text: {
      zh: "在县域及乡村构建高密度服务网点与共同配送体系",
      en: "Build dense county/village service points and shared delivery",
    },
    weights: { D4: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 120,
  },
  {
    key: "R4.4",
    area: "R4",
    path: "P2",
    text: {
      zh: "建立供应商-制造商-平台三方战略联盟，构建需求驱动的动态响应机制",
      en: "Form a supplier–manufacturer–platform alliance with demand-driven response",
    },
    weights: { D4: 3, D1: 1 },
    defaultPriority: "MEDIUM",
    durationDays: 90,
  },
  {
    key: "R4.5",
    area: "R4",
    path: "P1",
    text: {
      zh: "建设供应链全链路可视化平台，实时共享采购、生产、库存数据并协同预测",
      en: "Build end-to-end supply-chain visibility with shared data and joint forecasting",
    },
    weights: { D4: 3 },
    defaultPriority: "HIGH",
    durationDays: 120,
  },
  {
    key: "R4.6",
    area: "R4",
    path: "P1",
    text: {
      zh: "应用物联网实时感知库存并自动补货",
      en: "Use IoT for real-time stock sensing and automatic replenishment",
    },
    weights: { D4: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 90,
  },
  {
    key: "R4.7",
    area: "R4",
    path: "P3",
    text: {
      zh: "推进包裹载具规格、环保包装材料与电子数据交换的标准化",
      en: "Standardise parcel carriers, eco packaging and electronic data interchange",
    },
    weights: { D4: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 60,
  },
  {
    key: "R4.8",
    area: "R4",
    path: "P1",
    text: {
      zh: "利用大数据优化配送路径，降低运输成本",
      en: "Optimise delivery routes with big data to cut transport cost",
    },
    weights: { D4: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 60,
  },
  {
    key: "R4.9",
    area: "R4",
    path: "P1",
    text: {
      zh: "应用区块链提升供应链透明度与可追溯性",
      en: "Use blockchain for supply-chain transparency and traceability",
    },
    weights: { D4: 2, D3: 1 },
    defaultPriority: "MEDIUM",
    durationDays: 120,
  },
  {
    key: "R4.10",
    area: "R4",
    path: "P4",
    text: {
      zh: "发展温控冷链等专业物流能力",
      en: "Build specialised logistics such as temperature-controlled cold chain",
    },
    weights: { D4: 2 },
    defaultPriority: "MEDIUM",
    durationDays: 180,
  },
];

/** The 11 suggested KPIs in DOMAIN.md table order, keyed "<dilemma>.<n>"; UP means higher is better. */
export const suggestedIndicators: readonly SuggestedIndicator[] = [
  {
    key: "D1.1",
    dilemma: "D1",
    name: { zh: "差异化新业务收入占比", en: "Revenue share from differentiated or new offerings" },
    unit: "%",
    direction: "UP",
  },
  { key: "D1.2", dilemma: "D1", name: { zh: "毛利率", en: "Gross margin" }, unit: "%", direction: "UP" },
  {
    key: "D1.3",
    dilemma: "D1",
    name: { zh: "推荐转化率", en: "Recommendation conversion rate" },
    unit: "%",
    direction: "UP",
  },
  {
    key: "D2.1",
    dilemma: "D2",
    name: { zh: "完成进阶数字培训员工占比", en: "Staff completing advanced digital training" },
    unit: "%",
    direction: "UP",
  },
  {
    key: "D2.2",
    dilemma: "D2",
    name: { zh: "核心人才保留率", en: "Key-talent retention" },
    unit: "%",
    direction: "UP",
  },
  {
    key: "D3.1",
    dilemma: "D3",
    name: { zh: "每季度安全事件数", en: "Security incidents per quarter" },
    unit: "count",
    direction: "DOWN",
  },
  {
    key: "D3.2",
    dilemma: "D3",
    name: { zh: "敏感数据加密覆盖率", en: "Sensitive data encrypted" },
    unit: "%",
    direction: "UP",
  },
  {
    key: "D3.3",
    dilemma: "D3",
    name: { zh: "获明确授权的数据采集点占比", en: "Data collection points with explicit consent" },
    unit: "%",
    direction: "UP",
  },
  {
    key: "D4.1",
    dilemma: "D4",
    name: { zh: "县乡平均配送时长", en: "Average delivery time to county and rural areas" },
    unit: "days",
    direction: "DOWN",
  },
  {
    key: "D4.2",
    dilemma: "D4",
    name: { zh: "单均履约成本", en: "Fulfilment cost per order" },
    unit: "CNY",
    direction: "DOWN",
  },
  { key: "D4.3", dilemma: "D4", name: { zh: "缺货率", en: "Stock-out rate" }, unit: "%", direction: "DOWN" },
];

/** Template with exactly this key (e.g. "R3.1"), or undefined if none. */
export function getTemplate(key: string): TaskTemplate | undefined {
  return taskTemplates.find((t) => t.key === key);
}

/** Templates of one area in document order (a fresh array). */
export function templatesForArea(area: AreaCode): TaskTemplate[] {
  return taskTemplates.filter((t) => t.area === area);
}

/** Suggested indicators of one dilemma in table order (a fresh array). */
export function indicatorsForDilemma(d: DilemmaCode): SuggestedIndicator[] {
  return suggestedIndicators.filter((i) => i.dilemma === d);
}

/** Every dilemma the area's templates touch, by summed weight descending, ties by code ascending. */
export function mainDilemmasOfArea(area: AreaCode): DilemmaCode[] {
  const totals = new Map<DilemmaCode, number>();
  for (const t of templatesForArea(area)) {
    for (const [d, w] of Object.entries(t.weights) as [DilemmaCode, number][]) {
      totals.set(d, (totals.get(d) ?? 0) + w);
    }
  }
  return [...totals.entries()]
    .sort(([da, wa], [db, wb]) => wb - wa || (da < db ? -1 : da > db ? 1 : 0))
    .map(([d]) => d);
}
