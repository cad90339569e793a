import type { Area, AreaCode, Dilemma, DilemmaCode, Path, SuggestedIndicator, TaskTemplate } from "./types";

/** Version of this catalog; bump on any change so existing plans keep the version they were built from. */
export const CATALOG_VERSION = "2025.2";

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

/** All 34 task templates R1.1–R4.10 in document order, text verbatim from DOMAIN.md, each with a description (what to do, what done looks like, §); weights: 3 primary, 2 strong, 1 some. */
export const taskTemplates: readonly TaskTemplate[] = [
  {
    key: "R1.1",
    area: "R1",
    path: "P1",
    text: {
      zh: "加大新质生产力技术投入，引入人工智能、大数据、区块链等前沿技术，打造差异化产品和服务",
      en: "Invest in AI, big data and blockchain to build differentiated products and services",
    },
    description: {
      zh: "选定一两项能让产品或服务形成差异的前沿技术（人工智能、大数据、区块链），落实预算并完成首个应用场景。完成标准：基于该技术的差异化产品或服务已上线，并开始跟踪其收入占比。（§5.1）",
      en: "Pick one or two frontier technologies (AI, big data, blockchain) that can set your products or services apart, budget for them and run a first use case. Done when a differentiated offer built on that technology is live and its share of revenue is tracked. (§5.1)",
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
    description: {
      zh: "部署基于人工智能的推荐系统，使商品与用户偏好相匹配，并与现有排序做对照测试。完成标准：系统承接线上流量，推荐转化率定期报告。（§4.1、§5.1）",
      en: "Deploy an AI-based recommendation system that matches products to each user's preferences, and compare it with the current ranking in an A/B test. Done when it serves live traffic and the recommendation conversion rate is reported regularly. (§4.1, §5.1)",
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
    description: {
      zh: "整合销售、行为和市场数据，识别需求趋势与细分人群，并据此制定精细化营销活动。完成标准：至少一项营销活动依据分析结果策划，且效果已与基线对比衡量。（§4.1、§5.1）",
      en: "Combine sales, behaviour and market data to spot demand trends and segments, and turn them into fine-grained marketing campaigns. Done when at least one campaign is planned from the analysis and its results are measured against a baseline. (§4.1, §5.1)",
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
    description: {
      zh: "评估社群电商、直播电商、协同消费等新商业模式与自身优势的契合度，并试点最有潜力的一种。完成标准：试点按明确目标运行完毕，并已记录扩大或停止的决定。（§4.2、§5.1）",
      en: "Assess which new business models (social commerce, live-stream selling, collaborative consumption) fit your strengths, and pilot the most promising one. Done when the pilot has run against clear goals and a decision to scale it up or stop is recorded. (§4.2, §5.1)",
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
    description: {
      zh: "为顾客提供个性化定制方式（可选配置、组合、按需生产），从需求最多样的品类做起。完成标准：定制服务可以下单，其使用率和满意度已被跟踪。（§3.1、§5.1）",
      en: "Give customers ways to personalise products or services (options, bundles, made to order), starting with the categories where demand varies most. Done when a personalised offer can be ordered and its uptake and satisfaction are tracked. (§3.1, §5.1)",
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
    description: {
      zh: "构建绿色低碳的消费供给：环保标识商品、减量包装、回收或以旧换新，并让消费者看得见。完成标准：相关服务已上线，其销售额与包装节约情况定期报告。（§2、§3.1）",
      en: "Build a green, low-carbon offer: eco-labelled products, lighter packaging, recycling or trade-in, made visible to shoppers. Done when the offer is live and its sales and packaging savings are reported. (§2, §3.1)",
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
    description: {
      zh: "设立创新基金和奖励计划，让员工可以提出并尝试创意，明确评选与表彰规则，营造创新文化。完成标准：首轮创意提案已获资助并兑现奖励。（§5.1）",
      en: "Set up an innovation fund and a reward scheme so that staff can propose and try ideas, with clear rules for selection and recognition. Done when the first round of proposals has been funded and rewarded. (§5.1)",
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
    description: {
      zh: "定期收集用户反馈并开展市场调研，把发现纳入产品和服务改进清单。完成标准：每个周期都复盘反馈，据此作出的改进可追踪，满意度和忠诚度得到衡量。（§5.1）",
      en: "Collect user feedback and run market research on a fixed cycle, and feed the findings into the product and service backlog. Done when feedback is reviewed every cycle, the improvements made from it are tracked, and satisfaction and loyalty are measured. (§5.1)",
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
    description: {
      zh: "把商城和订单系统迁移到可弹性伸缩的云计算资源上，以应对峰值流量和海量并发交易，并进行压力测试。完成标准：大促等峰值期间无宕机，资源能自动扩缩容。（§4.4）",
      en: "Move the shop and order systems to elastic cloud capacity that scales with peak traffic and large volumes of concurrent transactions, and load-test it. Done when a peak event passes without an outage and capacity scales up and down on its own. (§4.4)",
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
    description: {
      zh: "明确所缺的高端技术和管理岗位，以有竞争力的薪酬福利和发展通道进行人才引进和留用。完成标准：岗位已到位或正在招聘，核心人才保留率得到跟踪。（§3.2、§5.2）",
      en: "Name the senior technical and management roles you lack, and offer competitive pay, benefits and career paths to hire and keep the people for them. Done when the roles are filled or in active recruitment and key-talent retention is tracked. (§3.2, §5.2)",
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
    description: {
      zh: "为各团队规划技术应用能力进阶培训和前沿技术更新教育，并预留时间和预算。完成标准：培训按计划开展，完成进阶数字培训的员工占比定期报告。（§5.2）",
      en: "Plan systematic training in applied technology and regular updates on frontier technology for each team, with time and budget set aside. Done when the programme runs on schedule and the share of staff who completed advanced digital training is reported. (§5.2)",
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
    description: {
      zh: "与高校或职业院校合作，共建实习实训基地、开展项目制教学，共建人工智能、数据处理、智慧供应链课程，培养适配产业的人才。完成标准：合作协议已签署，首批实习生或首期课程已结束。（§5.2）",
      en: "Partner with universities or vocational schools on internship bases, project-based teaching and co-built courses in AI, data processing and smart supply chain. Done when an agreement is signed and the first interns or the first course run have finished. (§5.2)",
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
    description: {
      zh: "通过轮岗、导师制和跨领域培训，培养兼通数字化营销、智慧供应链和平台合规治理的复合型管理人才。完成标准：每位参与者都有发展计划，并至少完成一次跨领域轮岗或课程。（§3.2、§5.2）",
      en: "Develop managers who combine digital marketing, smart supply chain and platform compliance through rotations, mentoring and cross-field training. Done when each participant has a development plan and has completed at least one rotation or course outside their field. (§3.2, §5.2)",
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
    description: {
      zh: "构建内部创新孵化体系：设立专项创新基金，组建跨职能研发团队探索突破性技术。完成标准：基金有章程和预算，首个团队已承接获批项目。（§5.2）",
      en: "Create an internal incubation system: a dedicated innovation fund and cross-functional R&D teams that explore breakthrough technology. Done when the fund has rules and a budget and the first team works on an approved project. (§5.2)",
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
    description: {
      zh: "梳理可利用的政府人才政策和产学研载体（重点实验室、技术创新中心），并申请相关项目。完成标准：申请已提交或合作已落地。（§5.2）",
      en: "Map the government talent policies and industry–university–research platforms (key laboratories, technology innovation centres) open to you, and apply to the relevant ones. Done when the applications are submitted or a cooperation is in place. (§5.2)",
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
    description: {
      zh: "加大网络安全投入，在存放客户和订单数据的系统上部署防火墙、入侵检测系统和加密技术，防范黑客攻击和数据泄露。完成标准：防护措施已到位并受监控，每季度统计安全事件数。（§5.3）",
      en: "Raise the security budget and deploy firewalls, intrusion detection and encryption on the systems that hold customer and order data, against hacking and data leaks. Done when the controls are in place and monitored, and security incidents are counted every quarter. (§5.3)",
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
    description: {
      zh: "制定网络安全应急响应预案，明确角色、升级路径、联系人以及遏制和报告安全事件的步骤，并组织演练。完成标准：预案已批准，至少完成一次演练并复盘。（§5.3）",
      en: "Write a security incident response plan with roles, escalation, contacts and the steps to contain and report an incident, and rehearse it. Done when the plan is approved and a drill has been held and reviewed. (§5.3)",
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
    description: {
      zh: "为保障数据安全，制定数据使用与管理规范，明确数据采集、存储、使用、共享各环节的流程和责任主体。完成标准：规范已批准并向员工发布，每条数据流都有明确的责任人。（§5.3）",
      en: "Write data-security rules for collecting, storing, using and sharing data, naming the owner responsible at each step. Done when the rules are approved and published to staff, and every data flow has a named owner. (§5.3)",
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
    description: {
      zh: "严格的访问控制是数据安全的基础：按最小权限原则授予数据访问权限，清理多余权限并定期复核。完成标准：所有含个人数据的系统都实行基于角色的访问控制，首次权限复核已完成。（§5.3）",
      en: "Protect data security with least-privilege access: grant only the rights each role needs, remove the rest and review access regularly. Done when every system holding personal data has role-based access and the first access review is finished. (§5.3)",
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
    description: {
      zh: "对数据实施分级分类管理，敏感数据加密存储和传输，防止数据被非法获取，保障数据安全。完成标准：分级分类覆盖所有系统，敏感数据加密覆盖率得到衡量。（§5.3）",
      en: "Classify data by sensitivity and encrypt sensitive data at rest and in transit, so that it cannot be obtained illegally (data security). Done when the classification covers every system and the share of sensitive data encrypted is measured. (§5.3)",
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
    description: {
      zh: "梳理所有个人数据采集点，确保在获得用户明确授权后才采集和使用数据，保护用户隐私与数据安全。完成标准：每个采集点都有授权环节，获明确授权的采集点占比定期报告。（§3.3、§5.3）",
      en: "Review every point where personal data is collected and make sure users give explicit consent before it is collected or used, protecting their privacy and data security. Done when each collection point has a consent step and the share of points with explicit consent is reported. (§3.3, §5.3)",
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
    description: {
      zh: "列出供应链中交换数据的合作方和系统，逐一评估各节点的安全风险，因为单一薄弱节点可能危及整条链的数据安全。完成标准：所有节点已完成评级，高风险节点的整改已排期。（§3.3）",
      en: "List the partners and systems that exchange data across the supply chain and assess the security risk at each node, since one weak node endangers the data security of the whole chain. Done when every node is rated and fixes for the high-risk ones are scheduled. (§3.3)",
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
    description: {
      zh: "利用人工智能和大数据异常识别发现恶意操作和欺诈交易并实时预警，守护交易安全。完成标准：预警能在数分钟内送达负责团队，预警准确率定期复核。（§4.3）",
      en: "Use AI and big-data anomaly detection to spot malicious activity and fraudulent transactions and alert in real time, for transaction security. Done when alerts reach the responsible team within minutes and their precision is reviewed regularly. (§4.3)",
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
    description: {
      zh: "建立适用于本企业的数据安全法律法规和跨境数据合规要求清单，在其变化时对照检查自身做法。完成标准：清单有专人负责，至少每季度复核一次。（§5.3）",
      en: "Keep a register of the data-security and data-protection laws and cross-border data rules that apply to you, and check your practices against it when they change. Done when the register has an owner and is reviewed at least every quarter. (§5.3)",
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
    description: {
      zh: "加大城乡接驳区和下沉市场末端节点的投资，这些地区配送最慢、成本最高。完成标准：新节点已投入运营，县乡平均配送时长得到衡量。（§3.4、§5.4）",
      en: "Invest in last-mile nodes where town meets countryside and in lower-tier markets, where delivery is slowest and costliest. Done when the new nodes operate and the average delivery time to county and rural areas is measured. (§3.4, §5.4)",
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
    description: {
      zh: "布局分布式仓储网络和智能分拣中心，缩短交付半径。完成标准：选址完成并投入运营，交付半径和配送时效有明显改善。（§5.4）",
      en: "Lay out a distributed network of warehouses and smart sorting centres to shorten the distance to customers. Done when the sites are chosen and operating and delivery radius and time have clearly fallen. (§5.4)",
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
    description: {
      zh: "在县域和乡村建设高密度服务网点，并与其他快递企业或商家共同配送，降低末端履约成本。完成标准：服务网点覆盖目标村镇，共同配送按固定班次运行。（§5.4）",
      en: "Build dense service points in counties and villages and share delivery with other carriers or merchants to cut last-mile cost. Done when the service points cover the target villages and shared delivery runs on a fixed schedule. (§5.4)",
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
    description: {
      zh: "建立供应商、制造商与平台的三方战略联盟，约定数据与计划协同机制，以需求驱动动态响应。完成标准：联盟协议已签署，订单按约定周期随需求调整。（§5.4）",
      en: "Form a strategic alliance of suppliers, manufacturers and the platform that responds to demand, with agreed data and planning routines. Done when the alliance agreement is signed and orders follow demand on an agreed cycle. (§5.4)",
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
    description: {
      zh: "建设供应链全链路可视化平台，实时共享采购、生产、库存数据并协同预测，打破信息孤岛。完成标准：合作方都在使用共享数据，每个周期产出一份协同预测。（§3.4、§5.4）",
      en: "Build a platform that shows the whole supply chain and shares purchasing, production and stock data in real time for joint forecasting, breaking information silos. Done when partners use the shared data and a joint forecast comes out every cycle. (§3.4, §5.4)",
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
    description: {
      zh: "应用物联网实时感知库存，在低于阈值时自动触发补货，减少库存冗余和断货。完成标准：主要仓库实现自动补货，缺货率得到跟踪。（§4.4）",
      en: "Use IoT sensors to track stock in real time and trigger replenishment automatically below a threshold, avoiding both excess stock and stock-outs. Done when the main warehouses replenish automatically and the stock-out rate is tracked. (§4.4)",
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
    description: {
      zh: "与合作方共同采用或制定包裹载具规格、环保包装材料和电子数据交换（如电子面单）标准。完成标准：标准已与合作方达成一致并在日常运营中使用。（§3.4、§5.4）",
      en: "Adopt or help set standards with your partners for parcel carriers, eco-friendly packaging materials and electronic data interchange (e.g. e-waybills). Done when the standards are agreed with partners and used in daily operation. (§3.4, §5.4)",
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
    description: {
      zh: "利用大数据分析优化配送路径和调度，降低运输成本、缩短配送时长。完成标准：优化后的路径在日常配送中使用，单均履约成本已与基线对比。（§5.4）",
      en: "Analyse delivery data to optimise routes and dispatch, cutting transport cost and delivery time. Done when optimised routes are used every day and the fulfilment cost per order is compared with the baseline. (§5.4)",
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
    description: {
      zh: "应用区块链记录商品的来源和流转，使顾客和合作方可以追溯，增强对商品品质的信心。完成标准：至少一条产品线实现全程可追溯。（§5.4）",
      en: "Record where goods come from and how they move on a blockchain, so that customers and partners can trace them and trust product quality. Done when at least one product line is traceable end to end. (§5.4)",
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
    description: {
      zh: "自建或与合作方共建温控冷链等专业物流能力，满足生鲜等对时效和环境敏感品类的履约需求。完成标准：冷链订单能在约定温度和时效内送达。（§3.4）",
      en: "Build specialised logistics such as a temperature-controlled cold chain for fresh food and other sensitive goods, in house or with partners. Done when cold-chain orders arrive within the agreed temperature range and time. (§3.4)",
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
