-- Template tasks keep the catalog's description in both languages, like its title
-- (templateTextZh/En): while a task's title or description equals one of the
-- copies it is the template's untouched text and each reader sees their language.
ALTER TABLE "Task" ADD COLUMN "templateDescriptionZh" TEXT,
                   ADD COLUMN "templateDescriptionEn" TEXT,
                   ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '',
                   ADD COLUMN "searchBigrams" TEXT[] NOT NULL DEFAULT '{}';

ALTER TABLE "TaskTemplate" ADD COLUMN "descriptionZh" TEXT NOT NULL DEFAULT '',
                           ADD COLUMN "descriptionEn" TEXT NOT NULL DEFAULT '';

-- Existing template tasks get catalog 2025.2's descriptions (the seed writes them
-- to "TaskTemplate" too); an empty description
-- becomes the template's, in the language the title was stored in.
UPDATE "Task" t
   SET "templateDescriptionZh" = c.zh,
       "templateDescriptionEn" = c.en,
       "description" = CASE WHEN t."description" <> '' THEN t."description"
                            WHEN t."title" = t."templateTextZh" THEN c.zh
                            ELSE c.en END
  FROM (VALUES
  ('R1.1', '选定一两项能让产品或服务形成差异的前沿技术（人工智能、大数据、区块链），落实预算并完成首个应用场景。完成标准：基于该技术的差异化产品或服务已上线，并开始跟踪其收入占比。（§5.1）', 'Pick one or two frontier technologies (AI, big data, blockchain) that can set your products or services apart, budget for them and run a first use case. Done when a differentiated offer built on that technology is live and its share of revenue is tracked. (§5.1)'),
  ('R1.2', '部署基于人工智能的推荐系统，使商品与用户偏好相匹配，并与现有排序做对照测试。完成标准：系统承接线上流量，推荐转化率定期报告。（§4.1、§5.1）', 'Deploy an AI-based recommendation system that matches products to each user''s preferences, and compare it with the current ranking in an A/B test. Done when it serves live traffic and the recommendation conversion rate is reported regularly. (§4.1, §5.1)'),
  ('R1.3', '整合销售、行为和市场数据，识别需求趋势与细分人群，并据此制定精细化营销活动。完成标准：至少一项营销活动依据分析结果策划，且效果已与基线对比衡量。（§4.1、§5.1）', 'Combine sales, behaviour and market data to spot demand trends and segments, and turn them into fine-grained marketing campaigns. Done when at least one campaign is planned from the analysis and its results are measured against a baseline. (§4.1, §5.1)'),
  ('R1.4', '评估社群电商、直播电商、协同消费等新商业模式与自身优势的契合度，并试点最有潜力的一种。完成标准：试点按明确目标运行完毕，并已记录扩大或停止的决定。（§4.2、§5.1）', 'Assess which new business models (social commerce, live-stream selling, collaborative consumption) fit your strengths, and pilot the most promising one. Done when the pilot has run against clear goals and a decision to scale it up or stop is recorded. (§4.2, §5.1)'),
  ('R1.5', '为顾客提供个性化定制方式（可选配置、组合、按需生产），从需求最多样的品类做起。完成标准：定制服务可以下单，其使用率和满意度已被跟踪。（§3.1、§5.1）', 'Give customers ways to personalise products or services (options, bundles, made to order), starting with the categories where demand varies most. Done when a personalised offer can be ordered and its uptake and satisfaction are tracked. (§3.1, §5.1)'),
  ('R1.6', '构建绿色低碳的消费供给：环保标识商品、减量包装、回收或以旧换新，并让消费者看得见。完成标准：相关服务已上线，其销售额与包装节约情况定期报告。（§2、§3.1）', 'Build a green, low-carbon offer: eco-labelled products, lighter packaging, recycling or trade-in, made visible to shoppers. Done when the offer is live and its sales and packaging savings are reported. (§2, §3.1)'),
  ('R1.7', '设立创新基金和奖励计划，让员工可以提出并尝试创意，明确评选与表彰规则，营造创新文化。完成标准：首轮创意提案已获资助并兑现奖励。（§5.1）', 'Set up an innovation fund and a reward scheme so that staff can propose and try ideas, with clear rules for selection and recognition. Done when the first round of proposals has been funded and rewarded. (§5.1)'),
  ('R1.8', '定期收集用户反馈并开展市场调研，把发现纳入产品和服务改进清单。完成标准：每个周期都复盘反馈，据此作出的改进可追踪，满意度和忠诚度得到衡量。（§5.1）', 'Collect user feedback and run market research on a fixed cycle, and feed the findings into the product and service backlog. Done when feedback is reviewed every cycle, the improvements made from it are tracked, and satisfaction and loyalty are measured. (§5.1)'),
  ('R1.9', '把商城和订单系统迁移到可弹性伸缩的云计算资源上，以应对峰值流量和海量并发交易，并进行压力测试。完成标准：大促等峰值期间无宕机，资源能自动扩缩容。（§4.4）', 'Move the shop and order systems to elastic cloud capacity that scales with peak traffic and large volumes of concurrent transactions, and load-test it. Done when a peak event passes without an outage and capacity scales up and down on its own. (§4.4)'),
  ('R2.1', '明确所缺的高端技术和管理岗位，以有竞争力的薪酬福利和发展通道进行人才引进和留用。完成标准：岗位已到位或正在招聘，核心人才保留率得到跟踪。（§3.2、§5.2）', 'Name the senior technical and management roles you lack, and offer competitive pay, benefits and career paths to hire and keep the people for them. Done when the roles are filled or in active recruitment and key-talent retention is tracked. (§3.2, §5.2)'),
  ('R2.2', '为各团队规划技术应用能力进阶培训和前沿技术更新教育，并预留时间和预算。完成标准：培训按计划开展，完成进阶数字培训的员工占比定期报告。（§5.2）', 'Plan systematic training in applied technology and regular updates on frontier technology for each team, with time and budget set aside. Done when the programme runs on schedule and the share of staff who completed advanced digital training is reported. (§5.2)'),
  ('R2.3', '与高校或职业院校合作，共建实习实训基地、开展项目制教学，共建人工智能、数据处理、智慧供应链课程，培养适配产业的人才。完成标准：合作协议已签署，首批实习生或首期课程已结束。（§5.2）', 'Partner with universities or vocational schools on internship bases, project-based teaching and co-built courses in AI, data processing and smart supply chain. Done when an agreement is signed and the first interns or the first course run have finished. (§5.2)'),
  ('R2.4', '通过轮岗、导师制和跨领域培训，培养兼通数字化营销、智慧供应链和平台合规治理的复合型管理人才。完成标准：每位参与者都有发展计划，并至少完成一次跨领域轮岗或课程。（§3.2、§5.2）', 'Develop managers who combine digital marketing, smart supply chain and platform compliance through rotations, mentoring and cross-field training. Done when each participant has a development plan and has completed at least one rotation or course outside their field. (§3.2, §5.2)'),
  ('R2.5', '构建内部创新孵化体系：设立专项创新基金，组建跨职能研发团队探索突破性技术。完成标准：基金有章程和预算，首个团队已承接获批项目。（§5.2）', 'Create an internal incubation system: a dedicated innovation fund and cross-functional R&D teams that explore breakthrough technology. Done when the fund has rules and a budget and the first team works on an approved project. (§5.2)'),
  ('R2.6', '梳理可利用的政府人才政策和产学研载体（重点实验室、技术创新中心），并申请相关项目。完成标准：申请已提交或合作已落地。（§5.2）', 'Map the government talent policies and industry–university–research platforms (key laboratories, technology innovation centres) open to you, and apply to the relevant ones. Done when the applications are submitted or a cooperation is in place. (§5.2)'),
  ('R3.1', '加大网络安全投入，在存放客户和订单数据的系统上部署防火墙、入侵检测系统和加密技术，防范黑客攻击和数据泄露。完成标准：防护措施已到位并受监控，每季度统计安全事件数。（§5.3）', 'Raise the security budget and deploy firewalls, intrusion detection and encryption on the systems that hold customer and order data, against hacking and data leaks. Done when the controls are in place and monitored, and security incidents are counted every quarter. (§5.3)'),
  ('R3.2', '制定网络安全应急响应预案，明确角色、升级路径、联系人以及遏制和报告安全事件的步骤，并组织演练。完成标准：预案已批准，至少完成一次演练并复盘。（§5.3）', 'Write a security incident response plan with roles, escalation, contacts and the steps to contain and report an incident, and rehearse it. Done when the plan is approved and a drill has been held and reviewed. (§5.3)'),
  ('R3.3', '为保障数据安全，制定数据使用与管理规范，明确数据采集、存储、使用、共享各环节的流程和责任主体。完成标准：规范已批准并向员工发布，每条数据流都有明确的责任人。（§5.3）', 'Write data-security rules for collecting, storing, using and sharing data, naming the owner responsible at each step. Done when the rules are approved and published to staff, and every data flow has a named owner. (§5.3)'),
  ('R3.4', '严格的访问控制是数据安全的基础：按最小权限原则授予数据访问权限，清理多余权限并定期复核。完成标准：所有含个人数据的系统都实行基于角色的访问控制，首次权限复核已完成。（§5.3）', 'Protect data security with least-privilege access: grant only the rights each role needs, remove the rest and review access regularly. Done when every system holding personal data has role-based access and the first access review is finished. (§5.3)'),
  ('R3.5', '对数据实施分级分类管理，敏感数据加密存储和传输，防止数据被非法获取，保障数据安全。完成标准：分级分类覆盖所有系统，敏感数据加密覆盖率得到衡量。（§5.3）', 'Classify data by sensitivity and encrypt sensitive data at rest and in transit, so that it cannot be obtained illegally (data security). Done when the classification covers every system and the share of sensitive data encrypted is measured. (§5.3)'),
  ('R3.6', '梳理所有个人数据采集点，确保在获得用户明确授权后才采集和使用数据，保护用户隐私与数据安全。完成标准：每个采集点都有授权环节，获明确授权的采集点占比定期报告。（§3.3、§5.3）', 'Review every point where personal data is collected and make sure users give explicit consent before it is collected or used, protecting their privacy and data security. Done when each collection point has a consent step and the share of points with explicit consent is reported. (§3.3, §5.3)'),
  ('R3.7', '列出供应链中交换数据的合作方和系统，逐一评估各节点的安全风险，因为单一薄弱节点可能危及整条链的数据安全。完成标准：所有节点已完成评级，高风险节点的整改已排期。（§3.3）', 'List the partners and systems that exchange data across the supply chain and assess the security risk at each node, since one weak node endangers the data security of the whole chain. Done when every node is rated and fixes for the high-risk ones are scheduled. (§3.3)'),
  ('R3.8', '利用人工智能和大数据异常识别发现恶意操作和欺诈交易并实时预警，守护交易安全。完成标准：预警能在数分钟内送达负责团队，预警准确率定期复核。（§4.3）', 'Use AI and big-data anomaly detection to spot malicious activity and fraudulent transactions and alert in real time, for transaction security. Done when alerts reach the responsible team within minutes and their precision is reviewed regularly. (§4.3)'),
  ('R3.9', '建立适用于本企业的数据安全法律法规和跨境数据合规要求清单，在其变化时对照检查自身做法。完成标准：清单有专人负责，至少每季度复核一次。（§5.3）', 'Keep a register of the data-security and data-protection laws and cross-border data rules that apply to you, and check your practices against it when they change. Done when the register has an owner and is reviewed at least every quarter. (§5.3)'),
  ('R4.1', '加大城乡接驳区和下沉市场末端节点的投资，这些地区配送最慢、成本最高。完成标准：新节点已投入运营，县乡平均配送时长得到衡量。（§3.4、§5.4）', 'Invest in last-mile nodes where town meets countryside and in lower-tier markets, where delivery is slowest and costliest. Done when the new nodes operate and the average delivery time to county and rural areas is measured. (§3.4, §5.4)'),
  ('R4.2', '布局分布式仓储网络和智能分拣中心，缩短交付半径。完成标准：选址完成并投入运营，交付半径和配送时效有明显改善。（§5.4）', 'Lay out a distributed network of warehouses and smart sorting centres to shorten the distance to customers. Done when the sites are chosen and operating and delivery radius and time have clearly fallen. (§5.4)'),
  ('R4.3', '在县域和乡村建设高密度服务网点，并与其他快递企业或商家共同配送，降低末端履约成本。完成标准：服务网点覆盖目标村镇，共同配送按固定班次运行。（§5.4）', 'Build dense service points in counties and villages and share delivery with other carriers or merchants to cut last-mile cost. Done when the service points cover the target villages and shared delivery runs on a fixed schedule. (§5.4)'),
  ('R4.4', '建立供应商、制造商与平台的三方战略联盟，约定数据与计划协同机制，以需求驱动动态响应。完成标准：联盟协议已签署，订单按约定周期随需求调整。（§5.4）', 'Form a strategic alliance of suppliers, manufacturers and the platform that responds to demand, with agreed data and planning routines. Done when the alliance agreement is signed and orders follow demand on an agreed cycle. (§5.4)'),
  ('R4.5', '建设供应链全链路可视化平台，实时共享采购、生产、库存数据并协同预测，打破信息孤岛。完成标准：合作方都在使用共享数据，每个周期产出一份协同预测。（§3.4、§5.4）', 'Build a platform that shows the whole supply chain and shares purchasing, production and stock data in real time for joint forecasting, breaking information silos. Done when partners use the shared data and a joint forecast comes out every cycle. (§3.4, §5.4)'),
  ('R4.6', '应用物联网实时感知库存，在低于阈值时自动触发补货，减少库存冗余和断货。完成标准：主要仓库实现自动补货，缺货率得到跟踪。（§4.4）', 'Use IoT sensors to track stock in real time and trigger replenishment automatically below a threshold, avoiding both excess stock and stock-outs. Done when the main warehouses replenish automatically and the stock-out rate is tracked. (§4.4)'),
  ('R4.7', '与合作方共同采用或制定包裹载具规格、环保包装材料和电子数据交换（如电子面单）标准。完成标准：标准已与合作方达成一致并在日常运营中使用。（§3.4、§5.4）', 'Adopt or help set standards with your partners for parcel carriers, eco-friendly packaging materials and electronic data interchange (e.g. e-waybills). Done when the standards are agreed with partners and used in daily operation. (§3.4, §5.4)'),
  ('R4.8', '利用大数据分析优化配送路径和调度，降低运输成本、缩短配送时长。完成标准：优化后的路径在日常配送中使用，单均履约成本已与基线对比。（§5.4）', 'Analyse delivery data to optimise routes and dispatch, cutting transport cost and delivery time. Done when optimised routes are used every day and the fulfilment cost per order is compared with the baseline. (§5.4)'),
  ('R4.9', '应用区块链记录商品的来源和流转，使顾客和合作方可以追溯，增强对商品品质的信心。完成标准：至少一条产品线实现全程可追溯。（§5.4）', 'Record where goods come from and how they move on a blockchain, so that customers and partners can trace them and trust product quality. Done when at least one product line is traceable end to end. (§5.4)'),
  ('R4.10', '自建或与合作方共建温控冷链等专业物流能力，满足生鲜等对时效和环境敏感品类的履约需求。完成标准：冷链订单能在约定温度和时效内送达。（§3.4）', 'Build specialised logistics such as a temperature-controlled cold chain for fresh food and other sensitive goods, in house or with partners. Done when cold-chain orders arrive within the agreed temperature range and time. (§3.4)')
  ) AS c(key, zh, en)
 WHERE t."templateKey" = c.key;

-- Search: "searchText" holds what readers of either language can see of a task
-- (untouched template text in both languages, edited or custom text as written,
-- and the bodies of its comments), NFKC-normalized and lower-cased, so that
-- lib/tasks/find-tasks.ts matches substrings in Chinese and English with one
-- trigram index. Triggers keep it current on every write path.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION "pathwise_task_search_text"(task_id TEXT, title TEXT, description TEXT, title_zh TEXT, title_en TEXT, description_zh TEXT, description_en TEXT)
RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT lower(CASE WHEN current_setting('server_encoding') = 'UTF8' THEN normalize(txt, NFKC) ELSE txt END)
    FROM (SELECT concat_ws(E'\n',
                   CASE WHEN title IN (title_zh, title_en) THEN concat_ws(E'\n', title_zh, title_en) ELSE title END,
                   CASE WHEN description IN (description_zh, description_en) THEN concat_ws(E'\n', description_zh, description_en) ELSE description END,
                   (SELECT string_agg(c."body", E'\n' ORDER BY c."createdAt")
                      FROM "Comment" c WHERE c."taskId" = task_id AND c."deletedAt" IS NULL)) AS txt) s
$$;

-- Every pair of adjacent non-ASCII characters (Chinese words are mostly two
-- characters, too short for a trigram index): a two-character word is found
-- through a GIN index on these instead of reading the plan's every task.
CREATE FUNCTION "pathwise_search_bigrams"(txt TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT pair), '{}')
    FROM (SELECT c || lead(c) OVER (ORDER BY n) AS pair, ascii(c) AS a, ascii(lead(c) OVER (ORDER BY n)) AS b
            FROM string_to_table(txt, NULL) WITH ORDINALITY AS t(c, n)) s
   WHERE a > 127 AND b > 127
$$;

UPDATE "Task" SET "searchText" = "pathwise_task_search_text"(id, "title", "description", "templateTextZh", "templateTextEn", "templateDescriptionZh", "templateDescriptionEn");
UPDATE "Task" SET "searchBigrams" = "pathwise_search_bigrams"("searchText");

CREATE FUNCTION "pathwise_task_search_row"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := "pathwise_task_search_text"(NEW.id, NEW."title", NEW."description", NEW."templateTextZh", NEW."templateTextEn", NEW."templateDescriptionZh", NEW."templateDescriptionEn");
  NEW."searchBigrams" := "pathwise_search_bigrams"(NEW."searchText");
  RETURN NEW;
END $$;
CREATE TRIGGER "Task_search_text" BEFORE INSERT OR UPDATE OF "title", "description", "templateTextZh", "templateTextEn", "templateDescriptionZh", "templateDescriptionEn" ON "Task"
  FOR EACH ROW EXECUTE FUNCTION "pathwise_task_search_row"();

-- Comments added, edited, deleted or soft-deleted: their tasks' text again.
CREATE FUNCTION "pathwise_comments_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Task" t
     SET "searchText" = x.txt, "searchBigrams" = "pathwise_search_bigrams"(x.txt)
    FROM (SELECT t2.id, "pathwise_task_search_text"(t2.id, t2."title", t2."description", t2."templateTextZh", t2."templateTextEn", t2."templateDescriptionZh", t2."templateDescriptionEn") AS txt
            FROM "Task" t2 WHERE t2.id IN (SELECT DISTINCT "taskId" FROM changed_comments)) x
   WHERE t.id = x.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Comment_insert_search_text" AFTER INSERT ON "Comment" REFERENCING NEW TABLE AS changed_comments FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_comments_changed"();
CREATE TRIGGER "Comment_update_search_text" AFTER UPDATE ON "Comment" REFERENCING NEW TABLE AS changed_comments FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_comments_changed"();
CREATE TRIGGER "Comment_delete_search_text" AFTER DELETE ON "Comment" REFERENCING OLD TABLE AS changed_comments FOR EACH STATEMENT EXECUTE FUNCTION "pathwise_comments_changed"();

-- Words of three or more characters use the trigram index, two non-ASCII
-- characters (e.g. 安全) the bigram index; anything shorter reads the plan's
-- tasks (every task search is within one plan of one team).
CREATE INDEX "Task_searchText_trgm_idx" ON "Task" USING GIN ("searchText" gin_trgm_ops);
CREATE INDEX "Task_searchBigrams_idx" ON "Task" USING GIN ("searchBigrams");
