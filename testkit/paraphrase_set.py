"""A hand-written labelled set for grouping: the same point in different words, as units write.

testkit/labelled_set.py builds its comments from slots and openers, so most of its "paraphrases"
share long runs of characters, and a copy detector scores well on it while missing what the team
meets. Here every comment of a point is written on its own: formal letters (我单位认为……),
terse one-liners, colloquial remarks, numbers as digits or words (5年 / 五年), with and without
the clause cited, some sent as general comments that name the clause in their text. Beside them:
a template campaign (one letter, lightly edited, signed by many), hard negatives (the same
clause and the opposite point; the same topic and a different ask) and unrelated comments on the
same clauses.

Shared by tests/ and bench/ (neither may import the other). Each row is (clause key or None,
text, label); a label "point…" is a paraphrase group, "campaign…" a copies group, None a comment
that stands alone."""

from __future__ import annotations

import random
from itertools import combinations

from app.triage.similarity import Item, Suggestion

# fmt: off
POINTS: tuple[tuple[str, tuple[tuple[str | None, str], ...]], ...] = (
    ("point_validity", (  # registration valid for three years: too short, make it five
        ("art15.p1", "注册证书有效期三年过短，建议延长为五年。"),
        ("art15.p1", "我单位认为，第十五条第一款规定的注册证书有效期偏短，认证人员每三年就要办理一次延续，负担较重，建议将有效期延长至5年。"),
        ("art15.p1", "三年一换证太频繁了，改成五年吧。"),
        ("art15.p1", "建议注册证书有效期由3年调整为5年，与多数职业资格证书的管理周期保持一致。"),
        ("art15.p1", "有效期建议定为五年。三年周期太短，延续手续频繁，审核员和注册机构都要投入大量精力。"),
        (None, "关于第十五条：认证人员注册证书的有效期宜延长到五年，三年太短。"),
    )),
    ("point_renewal", (  # apply for renewal three months ahead: too early
        ("art15.p2", "延续注册要提前三个月申请，太早了，建议改为届满前一个月。"),
        ("art15.p2", "我中心建议将第十五条第二款“有效期届满三个月前”修改为“有效期届满一个月前”，注册机构的评价工作用不了三个月。"),
        ("art15.p2", "提前3个月申请延续没有必要，提前1个月足够。"),
        ("art15.p2", "延续申请的提前量过长，证书还有大半个季度才到期就要准备材料，建议缩短为到期前1个月。"),
    )),
    ("point_cpd_hours", (  # 24 CPD hours every year: count them over the registration period
        ("art16.p1", "每年24学时的继续专业发展要求过于刚性，建议改为注册有效期内累计七十二学时。"),
        ("art16.p1", "我单位审核员常年在外地审核，每年集中完成二十四学时难以保证，建议按三年累计72学时考核，不逐年考核。"),
        ("art16.p1", "学时按年卡太死了，三年累计够72个学时就行。"),
        ("art16.p1", "建议将第十六条第一款“每年累计不少于二十四学时”修改为“在注册有效期内累计不少于七十二学时”，允许学时跨年度累计。"),
        ("art16.p1", "继续教育学时宜按注册周期累计计算，不宜逐年考核，三年合计七十二学时即可。"),
    )),
    ("point_cpd_online", (  # online learning should count as CPD
        ("art16.p2", "建议把网络在线学习计入继续专业发展学时。"),
        ("art16.p2", "我协会认为，第十六条第二款列举的继续专业发展形式偏窄，建议明确网络课程、在线直播培训等线上学习形式也可以计入学时。"),
        ("art16.p2", "线上培训也应该算继续专业发展，审核员没时间跑去外地参加面授。"),
        ("art16.p2", "继续专业发展活动的形式建议增加远程网络学习，降低认证人员参加学习的时间和差旅成本。"),
    )),
    ("point_audit_days", (  # person-days are the certification body's decision, not the auditor's
        ("art22.p1.i2", "审核人日数由认证机构确定，审核员只能照计划执行，人日不足不应处罚审核员个人。"),
        ("art22.p1.i2", "我公司认为第二十二条第一款第二项对审核员要求过苛。审核人日是认证机构在合同评审时确定的，审核员无权调整，该项责任应当由认证机构承担。"),
        ("art22.p1.i2", "人日数不够是机构压价造成的，罚审核员不公平。"),
        ("art22.p1.i2", "建议将“未按照规定的人日数实施审核”的责任主体明确为认证机构，审核员按照审核计划执行的，不承担这一责任。"),
        ("art22.p1.i2", "审核员对审核时间没有决定权，人日压缩的板子不该打在审核员身上，应由认证机构负责。"),
    )),
    ("point_two_bodies", (  # scarce experts should be allowed to help another body
        ("art18.p1", "汽车、医疗器械等领域的高水平审核员很少，只允许在一个认证机构执业过于绝对，建议允许以技术专家身份支持其他机构。"),
        ("art18.p1", "我单位建议在第十八条第一款增加但书：经所在认证机构书面同意，认证人员可以技术专家身份参加其他认证机构的认证活动。"),
        ("art18.p1", "稀缺专业的审核员能不能经本机构同意后去别的机构当技术专家？一刀切禁止不利于行业。"),
        ("art18.p1", "一人只能在一家认证机构执业的规定太死板，专业领域紧缺的人员应当允许以技术专家名义跨机构提供支持。"),
    )),
    ("point_contract", (  # no employment contract should be required of trainee auditors
        ("art9.p1.i6", "申请实习审核员注册就要先和认证机构签劳动合同，没有资格的新人又找不到工作，形成死循环，建议实习级别不作此要求。"),
        ("art9.p1.i6", "我校认为，第九条第一款第六项对初次申请实习级别注册的人员要求签订劳动合同或者聘用协议，不利于高校毕业生进入认证行业，建议对实习审核员取消该条件。"),
        ("art9.p1.i6", "实习审核员注册时不应要求劳动合同，先取得资格再找机构才合理。"),
        ("art9.p1.i6", "建议实习级别注册免于提交劳动合同，待转正为审核员时再提交。"),
    )),
    ("point_filing", (  # filing within 30 days after training starts: file before training
        ("art26.p2", "开展培训后三十日内备案，等于先办班后备案，建议改为开展培训前备案。"),
        ("art26.p2", "我局认为第二十六条第二款允许认证培训机构在开展培训之日起30日内备案，监管部门无法在开班前掌握情况，建议修改为培训开始前完成备案。"),
        ("art26.p2", "备案应当事前进行，不能开班以后再补备案。"),
        ("art26.p2", "培训机构在开班之前就应当通过信息平台备案，事后备案会让备案前的培训处于监管空白。"),
    )),
    ("point_serious", (  # "serious circumstances" needs criteria
        ("art44.p2", "“情节严重”没有认定标准，执法尺度难以统一，建议列举情节严重的具体情形。"),
        ("art44.p2", "我会建议对第四十四条第二款中的“情节严重”予以细化，明确违法次数、后果等认定标准，防止自由裁量过大。"),
        ("art44.p2", "什么算情节严重？请说清楚。"),
        ("art44.p2", "罚款五千元到三万元的适用条件是情节严重，但何为情节严重办法里没有界定，建议明确列出。"),
    )),
    ("point_remote", (  # remote-audit recordings may leak trade secrets: consent and secrecy
        ("art20.p1.i2.s3", "远程审核全程录音录像可能泄露企业的工艺和客户信息，建议经受审核方同意后再录制，并明确认证机构的保密义务。"),
        ("art20.p1.i2.s3", "我公司作为获证企业，对远程审核保存音视频记录有顾虑，涉及商业秘密的画面应当征得企业同意，认证机构要承担保密责任。"),
        ("art20.p1.i2.s3", "远程审核录像涉及商业秘密，要先经企业同意。"),
        ("art20.p1.i2.s3", "建议第二十条第一款第二项第3目增加：保存音视频记录应当事先告知并取得受审核方同意，认证机构对记录中的商业秘密负有保密义务。"),
    )),
    ("point_subcontract", (  # the ban on subcontracting training is too strict for joint courses
        ("art27.p2", "禁止委托过于严格，培训机构与高校联合办班是常见的合作方式，建议只禁止整体转包。"),
        ("art27.p2", "我院长期与大学合作举办审核员培训，第二十七条第二款不得委托的规定将使合作无法继续，建议允许合作办班，由本机构对培训质量负责。"),
        ("art27.p2", "和高校合办培训班也算委托吗？建议放开联合办班，只禁止把整个项目转包出去。"),
        ("art27.p2", "建议区分转包与合作：整体转包应当禁止，但与院校联合举办培训、由本机构承担质量责任的，应当允许。"),
    )),
    ("point_cooling", (  # two years after leaving the client is too short: make it three
        ("art21.p1.i1", "离职未满二年就要回避，时间偏短，建议延长到三年。"),
        ("art21.p1.i1", "我单位认为第二十一条第一款第一项规定的回避期限为2年，不足以消除原任职单位的影响，建议改为离职未满3年的应当回避。"),
        ("art21.p1.i1", "回避期二年太短了，三年比较稳妥。"),
        ("art21.p1.i1", "审核员从受审核方离职后，人情关系往往还在，两年的回避期限建议延长为三年。"),
    )),
)

# One letter sent by many units with small edits: the copies tier must find it whole.
CAMPAIGN_CLAUSE = "art32.p1.i2"
CAMPAIGN_SLOTS = (
    ("我们是一家服务本地中小企业的认证咨询机构，", "我公司是扎根本地、服务中小企业的认证咨询机构，", "我们是服务本地中小企业的认证咨询机构，"),
    ("现有专职咨询人员三名，", "现有专职咨询人员四名，", "现有专职咨询人员二名，"),
    ("多年来帮助数百家企业建立管理体系。草案第三十二条第一款第二项要求具有五名以上专职认证咨询人员，",),
    ("这将使全国大量小微咨询机构失去备案资格。", "这会使大批小微咨询机构无法备案。"),
    ("建议降低为三名以上，通过备案和信用监管规范市场。",),
    ("{unit}", "此致 {unit}", "{unit} 敬上", "（{unit}）"),
)
CAMPAIGN_SIZE = 20
CAMPAIGN_UNITS = (
    "广州某某企业管理咨询有限公司（示例）", "苏州某某管理咨询有限公司（示例）",
    "深圳某某标准化咨询服务有限公司（示例）", "杭州某某质量技术咨询有限公司（示例）",
    "成都某某管理咨询有限公司（示例）", "武汉某某认证咨询有限公司（示例）",
    "济南某某企业管理服务有限公司（示例）", "天津某某质量咨询有限公司（示例）",
)

# Hard negatives: on the clause of a point, with its words, but the opposite point or a
# different ask. They belong to no group.
HARD_NEGATIVES: tuple[tuple[str | None, str], ...] = (
    ("art15.p1", "注册证书有效期三年是合适的，不宜延长到五年，周期过长难以及时发现能力下降的人员。"),
    ("art15.p1", "建议明确注册证书有效期从何时起算，是自批准注册之日还是自证书颁发之日起计算。"),
    ("art15.p2", "未按期申请延续的，建议给予三个月的宽限期，不要直接失效。"),
    ("art15.p2", "延续注册时建议不再重复提交学历证明等材料，只提交继续专业发展记录即可。"),
    ("art16.p1", "赞成每年不少于24学时的要求，学时不能降低，也不能跨年度累计，否则继续专业发展流于形式。"),
    ("art16.p1", "继续专业发展学时如何计算？一天培训算几个学时？建议注册机构统一学时折算标准。"),
    ("art16.p2", "网络在线学习不应计入继续专业发展，学习效果难以保证，容易出现挂机刷学时。"),
    ("art16.p2", "参与标准制定和课题研究如何证明？建议注册机构公布证明材料清单。"),
    ("art22.p1.i2", "审核人日数应当如何计算？现场审核半天是否算0.5个人日？建议明确人日数的计算方法。"),
    ("art22.p1.i2", "对压缩人日的“一日游”审核，应当同时处罚认证机构和审核员，审核员明知人日不足仍签字的也要担责。"),
    ("art18.p1", "赞成认证人员只能在一个认证机构执业，建议与社会保险数据比对，杜绝挂证。"),
    ("art9.p1.i6", "赞成申请注册时须与认证机构签订劳动合同，这样可以杜绝挂靠。"),
    ("art9.p1.i6", "退休返聘人员签订的劳务协议是否属于聘用协议？建议予以明确。"),
    ("art26.p2", "备案信息建议向社会公开，学员可以查询培训机构是否已经备案。"),
    ("art44.p2", "对首次违反且及时改正的程序性问题，建议只予警告，不予罚款。"),
    ("art20.p1.i2.s3", "远程审核的音视频记录应当保存多长时间？建议与认证档案的保存期限一致。"),
    ("art27.p2", "赞成禁止培训项目委托或者转包，现在挂靠办班、层层转包的现象很严重。"),
    ("art21.p1.i1", "离职未满二年即须回避的期限过长，一年足以，建议缩短为一年。"),
    (CAMPAIGN_CLAUSE, "五名以上专职认证咨询人员的要求合理，建议保留，并要求专职人员在本机构缴纳社会保险。"),
    (CAMPAIGN_CLAUSE, "建议明确专职咨询人员的认定方式，是否要求在本机构连续缴纳社会保险满一年。"),
)

# Comments with no twin, several on the clauses above.
UNRELATED: tuple[tuple[str | None, str], ...] = (
    (None, "总体赞成本办法的修订，对规范认证人员执业行为很有必要。"),
    (None, "建议增加过渡期条款，明确本办法施行前已注册人员、已备案机构如何衔接新要求。"),
    (None, "办法中“认证人员注册机构”的表述较长，建议在总则中使用简称。"),
    ("art15.p1", "注册证书建议采用电子证书，可在信息平台扫码查询验证。"),
    ("art16.p1", "建议明确继续专业发展记录由谁保存、保存多久，监督检查时如何核查。"),
    ("art22.p1.i2", "建议在信息平台公开每个认证项目的审核人日数，接受社会监督。"),
    ("art22.p1.i4", "受审核方安排的工作餐是否属于“与审核无关的活动”？建议明确边界。"),
    ("art9.p1.i3", "检查员注册要求大学专科以上学历，建议对具有丰富一线经验的技师放宽学历条件。"),
    ("art13.p1", "五个工作日内作出是否受理的决定，建议改为即时受理，系统自动校验材料。"),
    ("art13.p3", "面试和实地核查的时间不计入期限，但应当设定上限，否则申请人无法预期。"),
    ("art17.p1", "认证人员更换执业机构时，建议注册信息系统自动办理变更，不再单独申请。"),
    ("art24.p2", "认证档案保存期限建议与认证证书有效期届满后二年一致，并允许电子化保存。"),
    ("art28.p2", "培训工作报告建议增加学员满意度调查结果。"),
    ("art30.p1.i1", "“承诺通过注册考试”的虚假宣传很普遍，建议加大处罚力度，并向社会曝光。"),
    ("art32.p2", "认证咨询机构备案后建议每年报送业务情况，便于监管部门掌握行业动态。"),
    ("art36.p1", "请明确“利益关系”是否包括同一集团内从事与认证无关业务的兄弟公司。"),
    ("art37.p1.i4", "回访核查应当与认证机构的监督审核统筹安排，避免重复检查增加企业负担。"),
    ("art40.p1", "建议对认证人员行政处罚信息设定公示期限，公示满三年后不再公示。"),
    ("art41.p2", "建议规定投诉举报的处理时限，自收到之日起六十日内处理完毕并告知举报人。"),
    ("art43.p1", "未经注册从事认证活动的，一万元以上三万元以下罚款偏低，建议提高罚款数额。"),
    ("art49.p1", "建议明确认可评审员参照执行的具体条款，避免适用上的争议。"),
    ("art27.p1.i3", "网络远程培训的学员身份核验，建议采用人脸识别等技术手段。"),
    ("art26.p1.i2", "专职培训教师的数量建议作出最低要求，例如不少于三名。"),
    ("art44.p3", "第二十二条规定的行为性质不同，建议区分情形分别设定罚款幅度。"),
)
# fmt: on


def build_paraphrase_set(seed: int = 14) -> list[tuple[Item, str | None]]:
    """About 130 comments with their true labels, in a shuffled (seeded) order."""
    rng = random.Random(seed)
    rows: list[tuple[str | None, str, str | None]] = []
    for label, comments in POINTS:
        rows.extend((clause, text, label) for clause, text in comments)
    for unit in (CAMPAIGN_UNITS * 3)[:CAMPAIGN_SIZE]:
        text = "".join(rng.choice(slot) for slot in CAMPAIGN_SLOTS).replace("{unit}", unit)
        rows.append((CAMPAIGN_CLAUSE, text, "campaign"))
    rows.extend((clause, text, None) for clause, text in (*HARD_NEGATIVES, *UNRELATED))
    rng.shuffle(rows)
    return [
        (Item(id=index + 1, clause=clause, text=text), label)
        for index, (clause, text, label) in enumerate(rows)
    ]


def _pairs(groups: list[list]) -> set[tuple]:
    return {tuple(sorted(pair, key=str)) for ids in groups for pair in combinations(ids, 2)}


def truth_pairs(
    labelled: list[tuple[Item, str | None]], *, kind: str | None = None, scope: str = "draft"
) -> set[tuple]:
    """The pairs of comments that belong together: all of them, or those of labels starting
    with ``kind`` ("point" or "campaign"); in clause scope only pairs on the same clause, since
    that scope never groups across clauses."""
    by_label: dict[tuple, list] = {}
    for item, label in labelled:
        if label is not None and (kind is None or label.startswith(kind)):
            place = item.clause if scope == "clause" else None
            by_label.setdefault((label, place), []).append(item.id)
    return _pairs(list(by_label.values()))


def score(
    suggestions: list[Suggestion],
    labelled: list[tuple[Item, str | None]],
    *,
    tier: str | None = None,
    scope: str = "draft",
) -> tuple[float, float]:
    """Pairwise precision and recall. With ``tier``, of that tier's suggestions only, against
    the pairs that tier is meant to find ("copies": the campaign, "same_point": the points)."""
    kind = {None: None, "copies": "campaign", "same_point": "point"}[tier]
    truth = truth_pairs(labelled, kind=kind, scope=scope)
    anything = truth_pairs(labelled, scope=scope)  # a right pair found by the other tier
    found = _pairs([s.ids for s in suggestions if tier is None or s.tier == tier])
    precision = len(found & anything) / len(found) if found else 1.0
    recall = len(found & truth) / len(truth) if truth else 1.0
    return precision, recall
