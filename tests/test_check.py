"""eval.check, table-driven: each row is notes, a draft, and the error findings a careful reader would raise."""
import pytest

from eval.check import check_draft
from eval.facts import parse_facts

N_CARE = """# 关爱服务
- 送温暖慰问困难教职工12人次，发放慰问金1.2万元
- 看望生病住院教职工6人次
- 中秋为全体会员发放慰问品，支出约2.1万元
- 团体心理辅导2次，参加40余人次"""
D_CARE = ("工会坚持把关爱送到教职工心坎上。送温暖慰问困难教职工12人次，发放慰问金1.2万元；看望生病住院教职工6人次；"
          "中秋为全体会员发放慰问品，支出约2.1万元；开展团体心理辅导2次，参加40余人次。")

N_DEMO = """# 民主管理
- 3月召开五届二次教代会，征集提案9件，立案6件
- 校务公开栏更新12期
- 教代会代表巡视食堂2次，提出建议7条"""
D_DEMO = ("一、民主管理\n3月召开五届二次教代会，征集提案9件，立案6件；校务公开栏更新12期；"
          "教代会代表巡视食堂2次，提出建议7条。")

N_TEAM = """# 教师队伍建设
- 8人参评中高级职称，7人通过
- 评选优秀教师7名、优秀班主任6名
- 区级优质课评比获奖5人次，其中一等奖2人"""
D_TEAM = ("（二）教师队伍建设\n8人参评中高级职称，7人通过；评选优秀教师7名、优秀班主任6名；"
          "区级优质课评比获奖5人次，其中一等奖2人。")

N_PLAN = """# 工作目标
- 文体活动教职工参与率不低于85%
- 会员满意率90%以上
- 集中学习不少于6次
# 月度安排
- 9-12月开展教职工读书月活动
- 10月举办第十三届教职工运动会
- 12月26日召开工会委员会"""
D_PLAN = ("二、工作目标\n文体活动教职工参与率不低于85%，会员满意率90%以上，集中学习不少于6次。\n"
          "五、月度安排\n9-12月开展教职工读书月活动；10月举办第十三届教职工运动会；12月26日召开工会委员会。")

N_FIXED = """- 组织学习党的二十届三中全会精神4次
- “三八”妇女节组织女教职工健康讲座1场
- 编制“十五五”工会工作规划"""

CLEAN = [
    ("care-verbatim", N_CARE, D_CARE),
    ("demo-verbatim", N_DEMO, D_DEMO),
    ("team-verbatim", N_TEAM, D_TEAM),
    ("plan-verbatim", N_PLAN, D_PLAN),
    ("care-chinese-numerals", N_CARE, D_CARE.replace("12人次", "十二人次").replace("6人次", "六人次")
     .replace("2次", "两次").replace("40余人次", "四十余人次")),
    ("care-money-in-yuan", N_CARE, D_CARE.replace("1.2万元", "12000元").replace("约2.1万元", "约21000元")),
    ("care-qualifier-synonym", N_CARE, D_CARE.replace("40余人次", "40多人次")),
    ("care-approx-synonym", N_CARE, D_CARE.replace("支出约2.1万元", "支出2.1万元左右")),
    ("plan-at-least-synonym", N_PLAN, D_PLAN.replace("参与率不低于85%", "参与率达85%以上")),
    ("plan-percent-words", N_PLAN, D_PLAN.replace("参与率不低于85%", "参与率不低于百分之八十五")),
    ("care-correct-total", N_CARE, D_CARE + "全年送温暖、看望病员共计18人次。"),
    ("care-correct-money-total", N_CARE, D_CARE + "两项慰问支出合计3.3万元。"),
    ("team-correct-rate", N_TEAM, D_TEAM.replace("7人通过", "7人通过，通过率87.5%")),
    ("team-rounded-rate", N_TEAM, D_TEAM.replace("7人通过", "7人通过，通过率约88%")),
    ("team-difference", N_TEAM, D_TEAM.replace("其中一等奖2人", "其中一等奖2人，其余3人获其他奖项")),
    ("team-reordered", N_TEAM, "评选优秀班主任6名、优秀教师7名；区级优质课评比获奖5人次，其中一等奖2人；参评中高级职称8人，通过7人。"),
    ("team-rephrased-swap-safe", N_TEAM, "评出优秀教师7名，优秀班主任6名。职称评审中8人参评、7人通过。优质课评比获奖5人次，其中一等奖2人。"),
    ("demo-chinese-session", N_DEMO, D_DEMO.replace("3月", "三月")),
    ("demo-heading-numbers", N_DEMO, "（一）开好教代会\n1.3月召开五届二次教代会，征集提案9件，立案6件。\n2.校务公开栏更新12期；"
     "教代会代表巡视食堂2次，提出建议7条。"),
    ("plan-date-range-words", N_PLAN, D_PLAN.replace("9-12月", "9月至12月")),
    ("plan-month-words", N_PLAN, D_PLAN.replace("10月举办", "十月举办")),
    ("fixed-names-dense", N_FIXED, "一、思想引领\n一是组织学习党的二十届三中全会精神4次，增强“四个意识”、坚定“四个自信”、做到“两个维护”；"
     "二是落实一岗双责，践行“三个代表”重要思想，深刻领悟“两个确立”；三是“三八”妇女节组织女教职工健康讲座1场，"
     "五一、五四、六一期间开展主题活动；四是编制“十五五”工会工作规划，与“十四五”规划一致衔接，加强“三字一话”基本功。"),
    ("fixed-names-unquoted", N_FIXED, "学习党的二十大和二十届三中全会精神4次。三八妇女节组织女教职工健康讲座一场。编制十五五工会工作规划，统一思想。"),
    ("one-as-a-word", N_FIXED, "一直以来，工会进一步凝聚共识，组织学习党的二十届三中全会精神4次，开展一系列活动；“三八”妇女节组织女教职工健康讲座1场；"
     "编制“十五五”工会工作规划，形成一盘棋。"),
    ("period-in-known", N_CARE, "2025-2026学年第一学期，" + D_CARE),
    ("full-width-digits", N_CARE, D_CARE.replace("12人次", "１２人次").replace("1.2万元", "１．２万元")),
    ("ordinal-words", N_PLAN, D_PLAN.replace("第十三届", "第13届")),
    ("total-announced-by-qizhong", "- 文体活动支出6.2万元\n- 帮扶慰问支出4.1万元\n- 工会经费收入13.5万元",
     "全年工会经费收入13.5万元，支出10.3万元，其中文体活动6.2万元、帮扶慰问4.1万元，年末结余3.2万元。"),
    ("product-each", "- 资助教职工子女2名，每名2000元", "资助教职工子女2名，每名2000元，共计4000元。"),
    ("all-is-100", "- 全校教职工80人，全部参加工会", "全校教职工80人，全部参加工会，入会率100%。"),
    ("rate-named-part", "- 师德考核参评142人\n- 考核优秀28人，合格114人", "参评142人，考核优秀28人、合格114人，优秀率19.7%。"),
    ("person-times-total", "- 篮球赛参赛36人\n- 乒乓球赛参赛28人", "篮球赛参赛三十六人，乒乓球赛参赛二十八人，累计参赛六十四人次。"),
    ("remainder-words", "- 征集提案9件，立案6件", "征集提案9件，立案6件，未立案的3件转为意见建议。"),
    ("remainder-right", "- 征集提案26件\n- 立案14件，其余转为意见建议", "征集提案26件，立案14件，其余12件转为意见建议。"),
    ("product-per-person-paragraph", "- 退休教职工104人\n- 重阳节慰问，每人慰问品价值300元",
     "学校退休教职工104人。重阳节期间，工会为每位退休教职工送上慰问品，每人价值300元，共计31200元。"),
    ("product-each-named", "- 为患重病的2名教职工各送去慰问金3000元", "为患重病的2名教职工分别送去慰问金3000元，共计6000元。"),
    ("rate-of-whole-after-zhan", "- 全校在职教职工150人，工会会员148人", "工会现有会员148人，占在职教职工150人的98.7%。"),
    ("rate-synonym", "- 应到代表52名，实到49名", "应到代表52名，实到49名，到会率94.2%。"),
    ("average-right", "- 慰问患病及困难教职工11人，发放慰问金6600元", "全年慰问患病及困难教职工11人，发放慰问金6600元，平均每人600元。"),
    ("headings-are-typed-by-the-chair", "# 2025-2026学年第一学期\n- 分工会会员204人\n- 开展活动11场",
     "2025-2026学年第一学期，分工会现有会员204人，开展活动11场。"),
    ("complement-after-qizhong", "- 教职工会员78人，其中女会员53人", "学校工会现有会员78人，其中女会员53人，男会员25人。"),
    ("count-from-rate", "- 参加师德考核120人，考核优秀率20%", "全校120人参与师德考核，优秀率20%，优秀等次共24人。"),
    ("complement-without-a-word", "- 教职工152人，女教职工97人", "全校教职工152人，女教职工97人、男教职工55人。"),
    ("average-of-counts", "- 暑期组织教职工疗休养2批，共64人", "暑期分2批组织64人疗休养，平均每批32人。"),
    ("rate-of-a-whole-said-earlier", "- 应到代表58人，实到54人\n- 表决赞成50票",
     "应到代表58人，实到54人。\n会议进行了表决，赞成50票，赞成率92.6%。"),
    ("share-of-income", "- 全年工会经费收入24万元\n- 支出21.6万元", "全年经费收入二十四万元，支出21.6万元，结余2.4万元，支出占收入的90%。"),
    ("remainder-of-a-total", "- 全区参加评选学校26所\n- 评出示范校8所，达标校15所",
     "全区26所学校参加评选，评出示范校8所、达标校15所，其余3所学校将继续开展创建。"),
    ("rate-of-a-sum-of-parts", "- 青年教师技能竞赛，参赛教师32人\n- 获一等奖3人、二等奖6人、三等奖9人",
     "共有32名教师参赛。经评审，3人获一等奖、6人获二等奖、9人获三等奖，获奖面达到56.25%。"),
    ("average-over-parts", "- 慰问生病教职工11人次\n- 慰问生育教职工5人次\n- 以上慰问支出慰问金8000元",
     "本年度慰问生病教职工11人次、生育教职工5人次，支出慰问金8000元，平均每人次500元。"),
    ("abbreviation-written-out", "- 选举产生工会委员会委员7名、经审委员3名\n- 女职工委员会委员5名",
     "大会选举产生工会委员会委员7名、经费审查委员会委员3名、女职工委员会委员5名。"),
    ("document-title-year", "- 修订《2025年工会经费使用办法》1份", "修订《2025年工会经费使用办法》1份，经教代会审议通过。"),
    # added in session 3: derived figures a careful drafter writes
    ("product-of-teams", "- 教职工排球赛 参赛8支队伍 每队10人", "教职工排球赛共有8支队伍、每队10人，共80名教职工参赛。"),
    ("sum-of-products", "- 慰问新婚教职工4人，每人800元\n- 慰问生育教职工6人，每人600元",
     "全年慰问新婚教职工4人、生育教职工6人，每人分别800元、600元，两项合计6800元。"),
    ("percentage-points", "- 参保率由91.5%提高到96.2%", "教职工互助保障参保率由91.5%提高到96.2%，提高4.7个百分点。"),
    ("base-of-a-share", "- 女教职工45人，占教职工总数的60%", "全校75名教职工中有女教职工45人，占教职工总数的60%。"),
    # added in session 4
    ("product-of-a-sum", "# 文体活动\n- 教职工篮球赛 8支队伍参赛\n- 气排球赛 12支队伍参赛\n- 每队10人",
     "举办篮球赛和气排球赛，共20支队伍、200名教职工参赛。"),
    ("total-of-per-head-part", "- 疗休养教职工共40人\n- 人均费用3200元，其中工会经费补助2500元，个人承担700元",
     "40名教职工参加疗休养，人均费用3200元，其中工会经费补助2500元、个人承担700元，工会经费共补助10万元。"),
    ("two-per-head-amounts", "- 为2名患重大疾病教职工申请大病救助，每人1万元\n- 校工会另行补助每人3000元",
     "为2名患重大疾病的教职工申请大病救助，每人1万元，校工会另行补助每人3000元，两人共获得救助补助2.6万元。"),
    ("sum-of-cross-fact-products", "- 体检分两档：45岁以下每人550元，45岁及以上每人850元\n- 45岁以下教职工70人，45岁及以上62人",
     "45岁以下教职工70人，每人550元；45岁及以上教职工62人，每人850元，体检经费合计91,200元。"),
    ("day-span-count", "- 寒假疗休养1月25日至30日", "寒假疗休养于1月25日至30日举行，为期6天。"),
    ("count-of-listed-routes", "- 线路一：山东威海，42人\n- 线路二：江西婺源，34人",
     "今年疗休养设置两条线路：山东威海四十二人、江西婺源三十四人。"),
    ("complement-rate", "- 审查票据1260张\n- 发现不规范票据18张", "全年审核票据1260张，发现不规范票据18张，票据规范率达到98.6%。"),
    ("within-years-qualifier", "- 新结对师徒14对，徒弟均为入职3年内青年教师", "新结成师徒十四对，徒弟均为入职三年以内的青年教师。"),
    ("previous-value", "- 本年度获荣誉共计26人次\n- 较上年增加5人次", "本年度获荣誉26人次，比上年的21人次增加5人次。"),
    ("rate-of-part-sums", "- 期末考核优秀11人，良好22人，合格6人", "期末考核优秀11人、良好22人、合格6人，优良率84.6%。"),
    ("total-minus-next-part", "- 审查活动经费申请34项\n- 驳回申请2项", "经审会共审查活动经费申请34项，批准32项，驳回2项。"),
    ("share-of-a-sum", "- 按2%拨缴工会经费28.4万元\n- 其中60%留成学校工会", "按2%拨缴工会经费28.4万元，其中60%即17.04万元留成学校工会使用。"),
    ("execution-rate-above-100", "- 收入预算44万元\n- 实际收入45.4万元", "收入预算44万元，实际收入45.4万元，收入预算执行率103.2%。"),
    ("parts-for-several-items", "- 东校区读书分享会3场，西校区2场，南校区2场",
     "共举办读书分享会七场，其中东校区三场，西校区、南校区各两场。"),
    ("rank-total-with-breakdown", "- 东校区获一等奖3人，西校区获一等奖2人\n- 评出二等奖12人",
     "共评出一等奖5人，其中东校区3人、西校区2人；二等奖12人。"),
    ("person-named-for-one", "- 2025年获评全国三八红旗手1人（周敏）", "周敏老师于2025年获评全国“三八”红旗手。"),
    ("net-remainder-in-next-sentence", "- 全系统教职工9850人\n- 会员9672人", "全系统教职工9850人，其中会员9672人。未入会的178人主要为新聘人员。"),
    ("earlier-place-from-move", "- 考核第二名\n- 较上年提升3个名次", "考核位列第二名，较上年提升3个名次，由第五名升至第二名。"),
    ("counted-noun-tells-nothing", "- 女教职工68人\n- 三八节活动参加63人",
     "学校现有女教职工68人。“三八”妇女节期间，工会组织主题活动，63名女教职工参加。"),
    ("year-from-heading", "# 老年大学2026年计划\n- 3月开学，7月结业", "老年大学2026年3月开学、7月结业。"),
    ("votes-as-persons", "- 审议通过《评优办法》，赞成票63票", "会议审议通过《评优办法》，63名代表投了赞成票。"),
    ("one-each-of-two-places", "- 新建母婴室2间，分别在本部和高新校区", "在本部和高新校区各建成母婴室1间。"),
    ("per-unit-standard-beside-total", "- 新建教职工小家9个\n- 每个小家补助经费1.5万元\n- 县级补助资金13.5万元",
     "新建教职工小家9个，按每个1.5万元的标准下拨补助资金，共计13.5万元。"),
    ("vote-shares", "- 实到代表80人\n- 张敏得76票，李强得74票", "实到代表80人。张敏同志得76票，得票率95.0%；李强同志得74票，得票率92.5%。"),
    ("respective-rates", "- 两次会议应到代表均为58人\n- 第一次实到56人，第二次实到57人",
     "两次会议应到代表均为58人，实到分别为56人、57人，出席率分别为96.6%和98.3%。"),
    ("per-head-total-of-standards", "- 端午节每人200元标准\n- 中秋节每人300元标准\n- 会员198人",
     "端午节、中秋节分别按每人200元、300元标准为198名会员发放慰问品，合计每人500元，共计9.9万元。"),
    ("household-visits", "- 走访留守儿童家庭近500户次", "全年走访留守儿童家庭近500户次。"),
    ("same-count-other-classifier", "- 三年来累计表彰优秀教师45人次\n- 2023年12人，2024年15人，2025年18人",
     "三年来累计表彰优秀教师45人次，其中2023年12人次、2024年15人次、2025年18人次。"),
    ("whole-before-among", "- 参加考核120人\n- 确定优秀36人", "120名参评教职工中确定优秀等次36人。"),
    ("from-last-year-to-now", "- 去年工会会员132人\n- 本学期会员141人", "本学期会员人数由去年的132人增至141人，增长6.8%。"),
    ("change-from-last-year", "- 教职工心理辅导讲座计划3次\n- 去年2次", "本学期计划开展教职工心理辅导讲座3次，较去年增加1次。"),
    ("balance-with-opening-last", "- 去年底工会会员127人\n- 本学期新增会员5人，调出2人",
     "本学期新增会员五人、调出两人，会员总数将由去年底的127人增至一百三十人。"),
    ("span-of-given-years", "- 2023年参保4615人\n- 2024年参保4738人\n- 2025年参保4862人",
     "2023年至2025年参保人数分别为4615人、4738人、4862人。"),
    ("qualifier-before-the-verb-in-notes", "- 优秀比例不超过教职工总数的15%\n- 考核优秀18人，教职工总数124人",
     "考核优秀18人，占全校124名教职工的14.5%，未超过15%的比例上限。"),
    ("over-budget-difference", "- 维权支出预算3万元，实际执行3.3万元", "维权支出实际执行3.3万元，超出预算0.3万元。"),
    ("whole-before-colon", "- 收入合计40万元\n- 拨缴经费26万元\n- 行政补助14万元",
     "全年经费收入40万元：拨缴经费26万元，占65%；行政补助14万元，占35%。"),
    ("per-head-about-twenty", "- 工会委员7人分片包干，联系教职工142人\n- 每名委员联系约20人",
     "工会七名委员实行分片包干，每人联系约二十名教职工，覆盖142人。"),
    ("change-rate-of-previous", "- 学校行政补助工会经费6万元\n- 较上年增加1万元", "行政全年补助工会经费6万元，比上年增加1万元，增幅20%。"),
    ("total-with-items-each", "- 羽毛球协会经费8000元\n- 乒乓球协会经费6000元\n- 书画、摄影协会各4000元",
     "本年度共安排各协会经费2.2万元：羽毛球协会8000元、乒乓球协会6000元，书画协会和摄影协会各4000元。"),
    ("per-head-standard-before-breakdown", "- 走访困难教职工9户、退休老教师15人\n- 困难户每户2000元，退休教师每人500元",
     "慰问困难教职工9户、退休老教师15人，分别按每户2000元、每人500元标准发放慰问金，其中困难教职工1.8万元、退休老教师7500元，共计2.55万元。"),
    ("count-from-rounded-share", "- 参加评议代表80人\n- 评价“好”的比例为93.8%", "80名代表参加民主评议，评价“好”的比例为93.8%，即75名代表评价为“好”。"),
    ("months-each-once", "- 9月、12月各召开1次青年教师座谈会，共52人次参加", "9月和12月分别召开一次青年教师座谈会，两次共有52人次参加。"),
    ("audit-committee-spelled-out", "- 工会委员9人，经审委员3人", "选举产生工会委员会委员9人、经费审查委员会委员3人。"),
    ("numbered-batches", "- 第一批疗休养40人\n- 第二批疗休养35人", "暑期疗休养分两批进行，分别有40人、35人参加。"),
    ("session-written-out", "- 召开六届二次教代会", "学校召开第六届教职工代表大会第二次会议，审议学校工作报告。"),
    ("chinese-decimal-percent", "- 满意率百分之九十六点五", "教职工对工会工作的满意率为96.5%。"),
    ("two-dates-of-a-span", "- 疗休养时间7月10日至7月15日", "疗休养安排在7月10日至7月15日，分组出行。"),
    ("respective-in-order", "- 羽毛球赛参赛队伍6支\n- 乒乓球赛参赛队伍9支", "工会举办羽毛球赛和乒乓球赛，分别有6支和9支队伍参赛。"),
    ("all-answered-rate", "- 收到建议20条，已全部答复", "收到教职工建议20条，逐条答复，答复率100%。"),
    ("days-of-a-span", "- 5月9日至10日举办教职工运动会", "5月9日至10日，学校举办教职工运动会，经过两天的比赛圆满落幕。"),
    ("each-of-a-list", "- 小学部、初中部各推荐5名代表", "小学部、初中部各推荐5名代表，共10名代表参加区教代会。"),
    ("share-of-a-named-whole", "# 经费预算\n- 预算总额20万元\n- 文体活动5万元", "全年预算总额20万元，其中文体活动5万元，占比25%。"),
    ("change-rate", "# 经费\n- 2026年预算24万元\n- 2025年决算20万元", "2026年预算24万元，比2025年决算的20万元增长20%。"),
    ("festival-for-its-date", "- 3月8日前后开展女教职工插花活动", "“三八”妇女节前后，工会组织女教职工开展插花活动。"),
    ("whole-school-sum", "- 小学部教师48人\n- 初中部教师36人", "小学部教师48人、初中部教师36人，全校84名教师全部参加培训。"),
    ("tenths", "- 青年教师占比约四成", "青年教师占比约四成，工会为他们搭建成长平台。"),
    ("vote-rate-named-after", "- 到会代表50人\n- 赞成46票，反对3票，弃权1票",
     "50名代表参加表决，46票赞成、3票反对、1票弃权，以92%的赞成率通过。"),
]


ERRORS = [
    # altered counts, money, dates and years
    ("alt-count", N_CARE, D_CARE.replace("6人次", "8人次"), [("mismatch", "8人次")]),
    ("alt-count-chinese", N_CARE, D_CARE.replace("12人次", "十三人次"), [("mismatch", "十三人次")]),
    ("alt-money", N_CARE, D_CARE.replace("1.2万元", "1.5万元"), [("mismatch", "1.5万元")]),
    ("alt-money-unit", N_CARE, D_CARE.replace("1.2万元", "1.2千元"), [("mismatch", "1.2千元")]),
    ("alt-money-yuan", N_CARE, D_CARE.replace("1.2万元", "12500元"), [("mismatch", "12500元")]),
    ("alt-date-month", N_PLAN, D_PLAN.replace("10月举办", "11月举办"), [("mismatch", "11月")]),
    ("alt-date-day", N_PLAN, D_PLAN.replace("12月26日", "12月28日"), [("mismatch", "12月28日")]),
    ("alt-range", N_PLAN, D_PLAN.replace("9-12月", "9-11月"), [("mismatch", "9-11月")]),
    ("alt-demo-count", N_DEMO, D_DEMO.replace("立案6件", "立案7件"), [("mismatch", "7件")]),
    ("alt-demo-issues", N_DEMO, D_DEMO.replace("更新12期", "更新10期"), [("mismatch", "10期")]),
    ("alt-percent", N_PLAN, D_PLAN.replace("满意率90%以上", "满意率95%以上"), [("mismatch", "95%以上")]),
    ("alt-year", "- 2025年10月举办第十三届教职工运动会", "2024年10月举办第十三届教职工运动会。", [("mismatch", "2024年10月")]),
    # ordinals and sessions
    ("alt-session", N_DEMO, D_DEMO.replace("五届二次", "五届三次"), [("mismatch", "五届三次")]),
    ("alt-ordinal", N_PLAN, D_PLAN.replace("第十三届", "第十二届"), [("mismatch", "第十二届")]),
    ("alt-rank", N_TEAM, D_TEAM.replace("一等奖", "二等奖"), [("mismatch", "二等奖")]),
    # invented figures
    ("invented-count", N_CARE, D_CARE + "全年累计走访教职工家庭35户。", [("unsupported", "35户")]),
    ("invented-percent", N_DEMO, D_DEMO + "教职工对校务公开的满意率达98%。", [("unsupported", "98%")]),
    ("invented-money", N_DEMO, D_DEMO + "食堂整改投入资金3万元。", [("unsupported", "3万元")]),
    ("invented-date", N_DEMO, D_DEMO + "5月20日召开提案落实情况通报会。", [("unsupported", "5月20日")]),
    ("invented-chinese", N_CARE, D_CARE + "另为退休教职工送去慰问品三十份。", [("unsupported", "三十份")]),
    ("invented-ordinal", N_CARE, D_CARE + "举办第二届教职工厨艺大赛。", [("unsupported", "第二届")]),
    ("invented-rank", N_DEMO, D_DEMO + "学校工会获评区模范职工之家一等奖。", [("unsupported", "一等奖")]),
    # qualifiers dropped, added or changed
    ("qual-drop-yu", N_CARE, D_CARE.replace("40余人次", "40人次"), [("qualifier", "40人次")]),
    ("qual-drop-yue", N_CARE, D_CARE.replace("约2.1万元", "2.1万元"), [("qualifier", "2.1万元")]),
    ("qual-drop-yishang", N_PLAN, D_PLAN.replace("90%以上", "90%"), [("qualifier", "90%")]),
    ("qual-drop-budiyu", N_PLAN, D_PLAN.replace("不低于85%", "85%"), [("qualifier", "85%")]),
    ("qual-drop-bushaoyu", N_PLAN, D_PLAN.replace("不少于6次", "6次"), [("qualifier", "6次")]),
    ("qual-change", N_PLAN, D_PLAN.replace("90%以上", "90%左右"), [("qualifier", "90%左右")]),
    ("qual-added", N_CARE, D_CARE.replace("6人次", "6人次以上"), [("qualifier", "6人次以上")]),
    ("qual-added-more", N_DEMO, D_DEMO.replace("征集提案9件", "征集提案9件余"), []),  # 件余 is not a form; no finding
    ("qual-near", "- 近十人报名参加市级比赛", "十人报名参加市级比赛。", [("qualifier", "十人")]),
    ("qual-wan-yu", "- 全年发放慰问金5万余元", "全年发放慰问金5万元。", [("qualifier", "5万元")]),
    # wrong sums and rates
    ("sum-wrong", N_CARE, D_CARE + "全年送温暖、看望病员共计20人次。", [("arithmetic", "20人次")]),
    ("sum-wrong-money", N_CARE, D_CARE + "两项慰问支出合计3.5万元。", [("arithmetic", "3.5万元")]),
    ("sum-wrong-parts-after", "- 慰问困难教职工12人次\n- 慰问退休教职工8人次",
     "共慰问教职工22人次，其中困难教职工12人次、退休教职工8人次。", [("arithmetic", "22人次")]),
    ("rate-wrong", N_TEAM, D_TEAM.replace("7人通过", "7人通过，通过率90%"), [("arithmetic", "90%")]),
    ("rate-wrong-chinese", N_TEAM, D_TEAM.replace("7人通过", "7人通过，通过率百分之九十"), [("arithmetic", "百分之九十")]),
    # swapped attributions
    ("swap-names", N_TEAM, D_TEAM.replace("优秀教师7名、优秀班主任6名", "优秀教师6名、优秀班主任7名"),
     [("mismatch", "6名"), ("mismatch", "7名")]),
    ("swap-roles", N_TEAM, D_TEAM.replace("8人参评中高级职称，7人通过", "7人参评中高级职称，8人通过"),
     [("mismatch", "7人"), ("mismatch", "8人")]),
    ("swap-demo", N_DEMO, D_DEMO.replace("征集提案9件，立案6件", "征集提案6件，立案9件"),
     [("mismatch", "6件"), ("mismatch", "9件")]),
    ("swap-contrast", "- 市级课题立项4项\n- 区级课题立项11项", "区级课题立项4项，市级课题立项11项。",
     [("mismatch", "4项"), ("mismatch", "11项")]),
    ("swap-ranks-by-name", "- 演讲比赛一等奖：王老师\n- 演讲比赛二等奖：李老师\n- 组织赛前指导3次",
     "组织赛前指导3次，在演讲比赛中李老师荣获一等奖，王老师荣获二等奖。", [("mismatch", "一等奖"), ("mismatch", "二等奖")]),
    ("swap-session-not-month", "- 3月召开四届五次教代会\n- 9月召开四届六次教代会",
     "学校于3月召开四届六次教代会，9月召开四届五次教代会。", [("mismatch", "四届六次"), ("mismatch", "四届五次")]),
    ("total-announced-wrong", "- 文体活动支出5.6万元\n- 帮扶慰问支出3.9万元\n- 其他支出1.1万元",
     "全年支出11.2万元，其中文体活动5.6万元、帮扶慰问3.9万元、其他1.1万元。", [("arithmetic", "11.2万元")]),
    ("total-stated-in-notes-altered", "- 全年支出25.3万元，其中职工活动经费16.2万元",
     "全年支出23.5万元，其中职工活动经费16.2万元。", [("mismatch", "23.5万元")]),
    ("growth-rate-invented", "- 区技能大赛获一等奖2人\n- 市优质课评比获奖1人",
     "区技能大赛获一等奖2人，市优质课评比获奖1人，获奖人数较上学年增长50%。", [("unsupported", "50%")]),
    ("rate-after-another-rate", "- 征集提案17件，立案12件\n- 提案办结率100%",
     "征集提案17件，立案12件，提案办结率100%，教职工满意率98%。", [("unsupported", "98%")]),
    ("qual-da-is-not-a-qualifier", "- 运动会参与率90%以上", "运动会参与率达90%。", [("qualifier", "90%")]),
    ("rate-wrong-named", "- 女教职工72人\n- 参加筛查的女教职工54人", "全校72名女教职工中参检54人，参检率80%。",
     [("arithmetic", "80%")]),
    ("remainder-wrong", "- 征集提案26件\n- 立案14件，其余转为意见建议", "征集提案26件，立案14件，其余13件转为意见建议。",
     [("arithmetic", "13件")]),
    ("balance-wrong", "- 全年收入18.6万元\n- 支出16.2万元", "全年收入18.6万元，支出16.2万元，结余3.4万元。",
     [("arithmetic", "3.4万元")]),
    ("product-wrong", "- 为12名大病教职工申请帮扶，每人补助500元", "为12名大病教职工申请帮扶，每人补助500元，共计7000元。",
     [("arithmetic", "7000元")]),
    ("rate-zhan-wrong", "- 全校在职教职工150人，工会会员148人", "工会现有会员148人，占在职教职工150人的96.7%。",
     [("arithmetic", "96.7%")]),
    ("rate-named-elsewhere", "- 收到意见建议27条\n- 均在7个工作日内答复", "收到意见建议27条，均在7个工作日内答复，满意率达98%。",
     [("unsupported", "98%")]),
    ("total-person-times-after-qizhong", "- 工会干部参加培训3人\n- 班主任参加培训26人",
     "本学期共组织30人次参加各类培训，其中工会干部参加培训3人，班主任参加培训26人。", [("arithmetic", "30人次")]),
    ("swap-dates-with-comma", "- 10月组织教职工秋季登山活动\n- 11月开展教职工心理健康讲座",
     "10月，邀请专家开展教职工心理健康讲座；11月，组织教职工秋季登山活动。", [("mismatch", "10月"), ("mismatch", "11月")]),
    ("swap-money-by-earlier-clause", "- 春节慰问在职困难教职工，发放慰问金6400元\n- 慰问退休教职工，发放慰问金9200元",
     "春节前夕，慰问在职困难教职工，发放慰问金9200元；慰问退休教职工，发放慰问金6400元。",
     [("mismatch", "9200元"), ("mismatch", "6400元")]),
    ("average-wrong", "- 慰问退休教职工37人，发放慰问品价值7400元", "慰问退休教职工37人，发放慰问品价值7400元，人均250元。",
     [("arithmetic", "250元")]),
    ("other-after-qizhong-wrong", "- 工会经费支出4.6万元，其中慰问支出1.8万元",
     "全年工会经费支出4.6万元，其中慰问支出1.8万元，其他活动支出3.2万元。", [("arithmetic", "3.2万元")]),
    ("year-against-the-notes-heading", "# 2024年\n- 评出师德标兵8人\n- 组织疗休养2批",
     "2023年，学校工会评出师德标兵8人，组织疗休养2批。", [("mismatch", "2023年")]),
    ("swap-in-a-ranked-list", "- 保教技能比武评出一等奖4名、二等奖7名\n- 组织师德学习6次",
     "组织师德学习6次。保教技能比武共评出获奖教师11名，其中一等奖7名、二等奖4名。",
     [("mismatch", "7名"), ("mismatch", "4名")]),
    ("absent-wrong", "- 出席代表96名，应到代表102名", "应到代表102名，出席代表96名，缺席8名。", [("arithmetic", "8名")]),
    ("swap-by-the-word-before-a-shared-noun", "- 全校女教职工94人，男教职工58人\n- 组织两癌筛查，参检87人",
     "学校现有男教职工94人、女教职工58人，组织两癌筛查，参检87人。", [("mismatch", "94人"), ("mismatch", "58人")]),
    ("rate-part-after-zhong", "- 全校女教职工72人\n- 参加女职工健康体检63人\n- 体检费用每人300元",
     "全校72名女教职工中参检63人，体检标准每人300元，参检率92%。", [("arithmetic", "92%")]),
    ("headcount-rate-wrong", "- 教职工总数80人\n- 参加健步走打卡68人", "全校80名教职工中有68人坚持打卡，参与率达到82%。",
     [("arithmetic", "82%")]),
    ("swap-with-shared-generic-words", "- 期末问卷：教职工对食堂满意度92%\n- 对工会工作满意度96%",
     "结果显示，教职工对工会工作的满意度为92%，教职工对学校食堂的满意度为96%。", [("mismatch", "92%"), ("mismatch", "96%")]),
    ("complement-after-qizhong-wrong", "- 园工会会员48人，女会员45人\n- 开展保教技能比武，评出一等奖2名",
     "我园工会现有会员48人，其中女会员45人，男会员4人。开展保教技能比武，评出一等奖2名。",
     [("arithmetic", "4人")]),
    ("remainder-wrong-matching-another-fact", "- 征集提案21件，立案14件，已办结12件\n- 审议通过制度3项",
     "大会征集提案21件，立案14件，已办结12件，其余3件正在落实；会议审议通过制度3项。", [("arithmetic", "3件")]),
    ("plan-year-altered", "- 2026年工会工作计划\n- 帮扶困难教职工不少于10户",
     "2026年工会工作计划\n2025年，学校工会将帮扶困难教职工不少于10户。", [("mismatch", "2025年")]),
    ("rate-of-a-sum-wrong", "- 青年教师技能竞赛，参赛教师32人\n- 获一等奖3人、二等奖6人、三等奖9人",
     "共有32名教师参赛。经评审，3人获一等奖、6人获二等奖、9人获三等奖，获奖面达到60%。", [("arithmetic", "60%")]),
    ("average-of-batches-wrong", "- 教职工疗休养2批，共60人", "分2批组织教职工疗休养，共计60人，平均每批32人。",
     [("arithmetic", "32人")]),
    # missing
    ("missing-one", N_CARE, D_CARE.replace("看望生病住院教职工6人次；", ""), [("missing", "6人次")]),
    ("missing-money", N_CARE, D_CARE.replace("，发放慰问金1.2万元", ""), [("missing", "1.2万元")]),
    ("missing-date", N_PLAN, D_PLAN.replace("12月26日召开", "年底召开"), [("missing", "12月26日")]),
    # leaks from reference documents
    ("leak", N_CARE, D_CARE + "为全体教职工组织健康体检126人。", [("leak", "126人")]),
    # added in session 3
    ("swap-labels-before-figures", "- 男教职工30人 女教职工50人", "全校现有女教职工30人、男教职工50人。",
     [("mismatch", "30人"), ("mismatch", "50人")]),
    ("swap-named-in-clause-before", "- 班主任技能比赛 参赛20人\n- 亲子活动 家长志愿者12人",
     "开展班主任技能比赛，12名班主任同台竞技；亲子活动中，20名家长志愿者协助组织。",
     [("mismatch", "12名"), ("mismatch", "20名")]),
    ("swap-respective-order", "- 羽毛球赛参赛队伍6支\n- 乒乓球赛参赛队伍9支", "工会举办羽毛球赛和乒乓球赛，分别有9支和6支队伍参赛。",
     [("mismatch", "9支"), ("mismatch", "6支")]),
    ("swap-dates-of-two-events", "- 4月10日举办读书分享会\n- 4月20日举办教职工心理讲座",
     "4月10日，工会邀请专家为教职工举办心理讲座；4月20日，又组织教职工开展读书分享会。",
     [("mismatch", "4月10日"), ("mismatch", "4月20日")]),
    ("wrong-product-total", "- 体检人均标准500元\n- 参检教职工80人", "每人体检标准500元，参检教职工80人，体检费用共计4.2万元。",
     [("arithmetic", "4.2万元")]),
    ("wrong-rate-after-all", "- 应参训教职工60人\n- 已全部完成培训", "应参训教职工60人已全部完成培训，完成率为95%。",
     [("arithmetic", "95%")]),
    ("wrong-range-end", "- 3月至5月开展健步走活动", "3月至6月，工会开展健步走活动。", [("mismatch", "6月")]),
    ("wrong-change-rate", "- 去年征集提案20件\n- 今年征集25件", "今年征集提案25件，比去年的20件增长20%。", [("arithmetic", "20%")]),
    ("wrong-average-per-session", "- 开展讲座5场，累计听讲400人次", "开展讲座5场，累计听讲400人次，场均90人次。",
     [("arithmetic", "90人次")]),
    ("strict-more-for-at-least", "- 参与率不低于90%", "教职工活动参与率超过90%。", [("qualifier", "超过90%")]),
    # added in session 4
    ("wrong-day-span-end", "- 第一批疗休养7月12日至16日，40人", "第一批40名教职工于7月12日至7月18日外出疗休养。",
     [("mismatch", "7月18日")]),
    ("lone-altered-count", "- 暑假期间慰问值班人员38人\n- 每人送去防暑慰问品，价值120元",
     "工会为坚守暑期值班岗位的三十六名同志每人送去价值120元的防暑慰问品。", [("mismatch", "三十六名")]),
    ("swap-other-half-reworded", "- 在职教职工参加重大疾病互助保障2980人\n- 退休教职工参加1120人",
     "互助保障共有4100人参保，其中在岗教职工1120人、离退休教职工2980人。", [("mismatch", "1120人"), ("mismatch", "2980人")]),
    ("wrong-balance-of-counts", "- 学年初在档困难职工44户\n- 新纳入9户\n- 脱困退档6户",
     "学年初在档困难职工44户，全年新纳入9户、脱困退档6户，学年末在档困难职工49户。", [("arithmetic", "49户")]),
    ("wrong-change-amount", "- 2024年获奖14人次\n- 2025年获奖23人次", "获奖人次由2024年的14人次增至2025年的23人次，增加了11人次。",
     [("arithmetic", "11人次")]),
    ("altered-remainder-figure", "- 应验收30人，一次性达标27人\n- 未达标3人12月复验通过",
     "对30名青年教师进行达标验收，一次性达标27人，未达标的2人12月复验通过。", [("mismatch", "2人")]),
    ("wrong-change-rate-after-difference", "- 2024年支出44.1万元\n- 2025年支出46.2万元",
     "2025年支出46.2万元，较2024年的44.1万元增加2.1万元，同比增长6.8%。", [("arithmetic", "6.8%")]),
    ("wrong-percentage-points", "- 2025年预算执行率96.5%\n- 2024年预算执行率93.2%",
     "2025年预算执行率为96.5%，比2024年的93.2%提高2.3个百分点。", [("arithmetic", "2.3个百分点")]),
    ("swap-other-half-by-characters", "- 运动会支出1.85万元\n- 秋游支出3.2万元\n- 读书会购书1.1万元",
     "教职工运动会共支出3.2万元。秋季集体出游活动支出1.85万元，读书会购书支出1.1万元。",
     [("mismatch", "3.2万元"), ("mismatch", "1.85万元")]),
    ("altered-top-places", "- 区教职工羽毛球赛力争进入前三名", "力争在区教职工羽毛球赛中进入前两名。", [("mismatch", "前两名")]),
    ("altered-place-before-comma", "- 年度考核在区内27所学校中位列第二", "年度考核中，学校在全区27所学校中位列第四，较好完成任务。",
     [("mismatch", "第四")]),
    ("small-chinese-count-altered", "- 表彰巾帼标兵10人、巾帼建功先进集体3个", "工会表彰巾帼标兵10名、巾帼建功先进集体五个。",
     [("mismatch", "五个")]),
    ("wrong-total-of-own-units", "- 新增乒乓球台2张\n- 跑步机3台\n- 动感单车4辆", "新增乒乓球台2张、跑步机3台、动感单车4辆，共计10件。",
     [("arithmetic", "10件")]),
    ("wrong-net-gain", "- 接收转入会籍52人\n- 转出会籍37人", "全年接收转入会籍52人，转出37人，转入转出相抵净增25人。",
     [("arithmetic", "25人")]),
    ("swap-of-per-head-amounts-by-rank", "- 一等奖每人奖励1000元，二等奖每人600元\n- 一等奖6人，二等奖12人",
     "对获一等奖的6名教职工每人奖励600元，对获二等奖的12名教职工每人奖励1000元。", [("mismatch", "600元"), ("mismatch", "1000元")]),
    ("invented-share-of-uncounted", "- 本届会员代表48名\n- 女代表29名", "本届会员代表48名，其中女代表29名，青年代表占30%。",
     [("unsupported", "30%")]),
    ("invented-list-item", "- 区优质课评比：一等奖2人，二等奖3人", "在区优质课评比中获一等奖2人、二等奖3人、优秀奖4人。",
     [("unsupported", "4人")]),
    ("wrong-per-head-total", "- 春节慰问每人500元\n- 端午慰问每人200元\n- 中秋慰问每人300元",
     "春节、端午、中秋三节慰问标准分别为每人500元、200元、300元，全年人均节日慰问1100元。", [("arithmetic", "1100元")]),
    ("wrong-year-on-year-rate", "- 2025年文体活动支出10.5万元\n- 2024年文体活动支出8.4万元",
     "2025年文体活动支出10.5万元，2024年为8.4万元，同比增长20%。", [("arithmetic", "20%")]),
    ("wrong-count-from-share", "- 全院女教职工600人\n- 已婚已育女职工占75%",
     "全院600名女教职工中已婚已育的占75%，约480人。", [("arithmetic", "约480人")]),
    ("missing-next-item-after-and", "- 配置专职管理员1名、兼职管理员3名", "职工之家配备专职管理员1名及兼职管理员，按时开放。",
     [("missing", "3名")]),
    ("altered-place", "- 经审工作考核区内排名第二", "经审工作考核综合成绩位列全区第三名。", [("mismatch", "第三名")]),
    ("tenths-qualifier-dropped", "- 青年教师占比不到四成", "青年教师占四成。", [("qualifier", "四成")]),
]
LEAK_REFERENCE = "去年工会为全体教职工组织健康体检126人，参检率98%。"


@pytest.mark.parametrize("name,notes,draft", CLEAN, ids=[r[0] for r in CLEAN])
def test_clean_drafts_have_no_error(name, notes, draft):
    result = check_draft(draft, parse_facts(notes), known=["2025-2026学年第一学期"])
    assert [(f.kind, f.text, f.message) for f in result.errors] == []


@pytest.mark.parametrize("name,notes,draft,expected", ERRORS, ids=[r[0] for r in ERRORS])
def test_planted_errors_are_found(name, notes, draft, expected):
    references = [LEAK_REFERENCE] if name.startswith("leak") else []
    result = check_draft(draft, parse_facts(notes), references=references)
    assert sorted((f.kind, f.text) for f in result.errors) == sorted(expected)
    for f in result.errors:
        if f.start is None:
            assert f.kind == "missing" and f.fact_ids
        else:
            assert draft[f.start:f.end] == f.text
        assert f.message and any("\u4e00" <= c <= "\u9fff" for c in f.message)


def test_findings_name_the_facts_involved():
    facts = parse_facts(N_TEAM)
    draft = D_TEAM.replace("优秀教师7名、优秀班主任6名", "优秀教师6名、优秀班主任7名")
    ids = {fid for f in check_draft(draft, facts).errors for fid in f.fact_ids}
    assert ids == {"F2"}


def test_correct_derived_figures_are_info_with_their_facts():
    result = check_draft(D_CARE + "全年送温暖、看望病员共计18人次。", parse_facts(N_CARE))
    (derived,) = [f for f in result.findings if f.kind == "derived"]
    assert derived.level == "info" and derived.text == "18人次" and set(derived.fact_ids) == {"F1", "F2"}


def test_mixed_numeral_styles_are_an_info_finding():
    result = check_draft(D_CARE.replace("12人次", "十二人次"), parse_facts(N_CARE))
    assert [f.kind for f in result.findings] == ["style"] and result.errors == ()


def test_leak_needs_references():
    draft = D_CARE + "为全体教职工组织健康体检126人。"
    without = check_draft(draft, parse_facts(N_CARE))
    assert [(f.kind, f.text) for f in without.errors] == [("unsupported", "126人")]


def test_a_draft_of_only_the_facts_sentences_has_no_error_in_any_order():
    from hypothesis import given, settings, strategies as st

    notes_files = [N_CARE, N_DEMO, N_TEAM, N_PLAN, N_FIXED]

    @settings(max_examples=60, deadline=None)
    @given(st.sampled_from(notes_files), st.randoms(use_true_random=False), st.sampled_from(["。", "；", "\n"]))
    def prop(notes, rnd, sep):
        facts = parse_facts(notes)
        lines = [f.text for f in facts]
        rnd.shuffle(lines)
        assert check_draft(sep.join(lines) + "。", facts).errors == ()

    prop()


@pytest.mark.parametrize("draft,notes", [
    ("", N_CARE),
    (D_CARE, ""),
    ("", ""),
    (D_CARE, "- 全学期无师德违规问题\n- 提案办理进展没有按月公布"),
    ("，，。。；%％元人次——", N_CARE),
    ("送温暖慰问困难教职工１２人次，发放慰问金１．２万元，看望生病住院教职工６人次，支出约２．１万元，辅导２次，参加４０余人次。", N_CARE),
])
def test_bad_input_gives_a_result_not_a_crash(draft, notes):
    result = check_draft(draft, parse_facts(notes))
    assert isinstance(result.findings, tuple)
    if not notes.strip() and draft:
        assert {f.kind for f in result.errors} == {"unsupported"}
    if not draft and any(ch.isdigit() for ch in notes):
        assert {f.kind for f in result.errors} == {"missing"}


def test_empty_draft_reports_every_fact_figure_missing():
    result = check_draft("", parse_facts(N_CARE))
    assert sorted(f.text for f in result.errors) == sorted(["12人次", "1.2万元", "6人次", "约2.1万元", "2次", "40余人次"])


def test_a_draft_of_200k_characters():
    draft = (D_CARE + "\n") * (200_000 // len(D_CARE))
    result = check_draft(draft, parse_facts(N_CARE))
    assert result.errors == () and result.figures >= 6 * (200_000 // len(D_CARE))
