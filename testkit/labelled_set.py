"""A labelled set of comments on the certified-personnel draft, for grouping's precision/recall.

Built from the demo's topics (app/demo/content.py) and a few hand-written letters, as a team
would meet them: the same point written with different openings and closings, true paraphrases
(the same point in other words), copies of a letter with the unit's name changed, template
campaigns (one letter sent by many bodies, lightly edited), and unrelated comments on the same
clauses, which must stay apart. Label: the true group, None for a comment that stands alone."""

from __future__ import annotations

import random
from itertools import combinations

from app.demo.content import CLOSERS, OPENERS, STANDARD_TOPICS, TOPICS, UNITS
from app.triage.similarity import Item, Suggestion

UNIT_NAMES = [name for _key, name, _category, _region in UNITS]
ALL_OPENERS = [opener for openers in OPENERS.values() for opener in openers]

# Paraphrases: each point is a sequence of slots, each slot a few ways of saying it.
# fmt: off
PARAPHRASES = (
    ("art16.p1", (
        ("每年不少于二十四学时的继续教育要求太高了，", "一年二十四个学时的继续专业发展要求偏高，", "每年至少二十四学时的要求对审核员来说偏重，"),
        ("我们一年到头都在外地审核，", "审核员常年在外出差审核，", "一线审核员大部分时间在现场，"),
        ("很难抽出时间集中学习。", "集中学习的时间难以保证。", "没有时间参加集中培训。"),
        ("建议按三年注册期累计七十二学时考核。", "建议改为注册有效期内累计七十二学时。", "希望改成三年累计不少于七十二学时。"),
    )),
    ("art9.p1.i6", (
        ("申请实习审核员注册就要先和认证机构签劳动合同，", "实习级别注册要求已与认证机构签订劳动合同，", "要求拟注册的实习审核员提供劳动合同，"),
        ("想入行的人没有资格就找不到工作，", "没有注册资格的新人很难被认证机构录用，", "刚毕业的人还没有资格，机构不愿招，"),
        ("形成了死循环。", "这是一个先有鸡还是先有蛋的问题。", "两头卡住，无法入行。"),
        ("建议实习级别不要求劳动合同。", "建议取消实习审核员注册的劳动合同要求。", "请对实习级别放开这一条件。"),
    )),
    ("art32.p1.i2", (
        ("五名专职咨询人员的门槛太高，", "要求五名以上专职认证咨询人员过严，", "咨询机构必须有五名专职人员的规定门槛偏高，"),
        ("小微咨询公司大多只有两三个人，", "很多地方咨询机构只有三人左右，", "我们这样的小公司只有三名专职人员，"),
        ("一刀切会让它们退出市场。", "执行后大批小机构将被迫关门。", "这样规定等于把小机构赶出市场。"),
        ("建议降为三名。", "建议改为三名以上。", "希望门槛调整为三人。"),
    )),
    ("art15.p2", (
        ("有效期届满前三个月就要申请延续，时间太早，", "提前三个月申请延续注册没有必要，", "要求届满三个月前申请延续过早，"),
        ("注册机构评价也用不了三个月，", "评价工作并不需要那么长时间，", "注册机构的审查周期远短于三个月，"),
        ("建议改为届满前三十日申请。", "建议提前三十天申请即可。", "改成有效期届满三十日前为宜。"),
    )),
    ("art20.p1.i2.s3", (
        ("远程审核全程录音录像会泄露企业的工艺和客户信息，", "远程审核的音视频记录可能涉及商业秘密，", "企业担心远程审核录像会泄露技术秘密，"),
        ("企业很难接受。", "很多获证企业不愿意配合。", "受审核方普遍有顾虑。"),
        ("建议经受审核方同意后再录，并规定认证机构的保密义务。", "应当征得企业同意，认证机构要承担保密责任。", "建议以企业同意为前提，并明确保密责任。"),
    )),
    ("art26.p2", (
        ("开展培训后三十日内备案，等于先培训后备案，", "允许开班后再备案，", "培训开始三十日内备案的规定让机构可以先办班，"),
        ("备案前的培训质量没人管。", "这段时间的培训处于监管真空。", "监管部门无法及时掌握培训情况。"),
        ("建议改为开展培训前备案。", "应当要求培训开始前完成备案。", "建议事前备案。"),
    )),
    ("art44.p2", (
        ("记录不完整、报告晚交这类程序性问题，", "审核记录缺漏、报告延迟提交等程序瑕疵，", "对于程序上的小问题，比如记录不全，"),
        ("最高罚三万元太重了，", "罚款上限三万元明显过重，", "动辄罚款三万元不合适，"),
        ("“情节严重”也没有标准。", "而且什么算情节严重没有说清楚。", "情节严重的认定标准不明确。"),
        ("建议列举情节严重的情形。", "请明确列出情节严重的具体情形。", "建议细化情节严重的认定。"),
    )),
    ("art18.p1", (
        ("医疗器械、汽车等领域的高水平审核员很少，", "有些专业领域资深审核员稀缺，", "汽车、信息安全领域审核员紧缺，"),
        ("只允许在一个认证机构执业过于绝对。", "一律禁止在两个机构执业太死板。", "“只能在一个机构执业”的规定太绝对。"),
        ("建议经本机构同意后可以技术专家身份参加其他机构的审核。", "建议允许以技术专家身份为其他认证机构提供支持。", "可否允许经所在机构书面同意后，以技术专家身份参与其他机构的认证活动。"),
    )),
)

# Letters copied by several bodies with only the unit's name changed.
UNIT_COPIES = (
    ("art7.p1", "{unit}经研究，对第七条提出如下意见：建议明确认证认可行业协会可以开展认证人员执业行为评价、通报和行业惩戒，并与行政监管相衔接，为协会自律提供规章依据。"),
    ("art36.p1", "{unit}作为集团下属认证机构，请明确“利益关系”是否包括同一集团内从事与认证无关业务的兄弟公司，建议以持股比例和同一实际控制人作为判断标准。"),
    ("art27.p2", "{unit}长期与高校联合举办审核员培训班，草案禁止委托将使这种合作无法继续。建议仅禁止整体转包，合作办班的由本机构对培训质量负责。"),
    ("art13.p3", "{unit}认为，面试和实地核查所需时间虽不计入期限，但应当设定上限，建议不超过三十个工作日，并书面告知申请人。"),
    ("art40.p1", "{unit}建议对认证人员行政处罚信息设定公示期限，公示满三年后不再公示，与市场主体行政处罚信息公示规则保持一致，给予当事人改正的机会。"),
    ("art37.p1.i4", "{unit}是多体系获证企业，每年接受多次监督审核。回访核查应当与认证机构的监督审核统筹安排，合理确定频次，避免重复检查增加企业负担。"),
    ("art41.p2", "{unit}建议规定投诉举报的处理时限，自收到之日起六十日内处理完毕并将结果告知举报人，同时为举报人保密。"),
    ("art10.p2", "{unit}规模较小，对每名认证人员每年实施现场见证难以承受。建议明确持续监视可以采用记录审查、客户反馈、内部评审等多种方式。"),
)

# Template campaigns: (clause, slots) where one slot holds the signing unit.
CAMPAIGNS = (
    ("art22.p1.i2", 35, (
        ("尊敬的起草组：", "起草组：", ""),
        ("我们是长期在一线执业的审核员。", "我们是一线执业的注册审核员。", "我们是从事管理体系审核的一线人员。"),
        ("审核人日数是认证机构在合同评审中确定的，审核员只能按审核计划执行，无权增加人日。",),
        ("人日不足的责任主要在认证机构，", "人日不足的责任首先在认证机构，"),
        ("不应由审核员个人承担并受第四十四条第三款的处罚。",),
        ("恳请将第二十二条第一款第二项修改为“未按照审核、检查计划确定的人日数实施审核或者检查”，", "请将第二项改为“未按照审核计划确定的人日数实施审核或者检查”，"),
        ("区分审核员与认证机构的责任。", "以区分审核员与认证机构的责任，做到过罚相当。"),
        ("联名单位：{unit}", "——{unit}", "{unit}（盖章）"),
    )),
    ("art32.p1.i2", 30, (
        ("我们是一家服务本地中小企业的认证咨询机构，", "我公司是扎根本地、服务中小企业的认证咨询机构，"),
        ("现有专职咨询人员三名，", "现有专职咨询人员四名，", "现有专职咨询人员二名，"),
        ("多年来帮助数百家企业建立管理体系。草案第三十二条第一款第二项要求具有五名以上专职认证咨询人员，",),
        ("这将使全国大量小微咨询机构失去备案资格。", "这会使大批小微咨询机构无法备案。"),
        ("建议降低为三名以上，通过备案和信用监管规范市场。",),
        ("{unit}", "此致 {unit}", "{unit} 敬上"),
    )),
    ("art16.p2", 25, (
        ("关于继续专业发展活动的形式，", "对第十六条第二款，"),
        ("我们建议将网络在线学习、带教实习审核员、见证审核纳入继续专业发展活动，",),
        ("这些活动同样能够保持和提高认证人员的能力，而且成本低、不影响正常审核工作。", "这些活动同样能保持能力，成本较低。"),
        ("请起草组予以采纳。", "", "以上意见供参考。"),
        ("{unit}", "（{unit}）"),
    )),
)

# Unrelated comments on the clauses above: they share the clause's words, not its point.
HARD_NEGATIVES = (
    ("art16.p1", "继续专业发展学时如何计算，一天培训按几个学时计？建议注册机构统一学时折算标准。"),
    ("art16.p1", "建议明确继续专业发展记录由谁保存、保存多久，监督检查时如何核查。"),
    ("art16.p2", "参与标准制定和课题研究如何证明？建议由注册机构公布证明材料清单。"),
    ("art22.p1.i2", "建议在信息平台公开认证机构每个项目的审核人日数，接受社会监督。"),
    ("art22.p1.i2", "“一日游”审核屡禁不止，应当对认证机构和审核员同时处罚，不能只罚个人。"),
    ("art32.p1.i2", "建议明确专职咨询人员的认定方式，是否要求缴纳社会保险满一年。"),
    ("art32.p1.i2", "咨询机构的备案应当定期复核，对不再符合条件的及时注销备案。"),
    ("art18.p1", "建议注册信息系统与社会保险数据对接，自动发现一人在两个机构执业的情况。"),
    ("art9.p1.i6", "劳动合同与聘用协议的区别是什么？退休返聘人员签订的劳务协议是否认可？"),
    ("art15.p2", "延续注册应当可以在线办理，不再要求提交纸质材料。"),
    ("art16.p1", "赞成每年累计不少于二十四学时的要求，学时要求不能降低，否则继续专业发展流于形式。"),
    ("art32.p1.i2", "五名以上专职认证咨询人员的要求合理，建议保留，并要求专职人员在本机构缴纳社会保险。"),
    ("art22.p1.i2", "审核人日数由认证机构确定，建议在审核计划中写明人日数的计算依据，并告知受审核方。"),
    ("art9.p1.i6", "赞成申请注册时须与认证机构签订劳动合同，这样可以杜绝挂靠。"),
    ("art26.p2", "备案信息建议向社会公开，学员可以查询培训机构是否已经备案。"),
    ("art44.p2", "建议对首次违反且及时改正的程序性问题只予警告，不予罚款。"),
)
# The demo topics whose point the letters above already make: left out, or they would be
# unlabelled twins of a labelled group.
SAME_POINT = (
    "赞成鼓励行业协会加强", "要求申请注册时已与认证", "“持续监视”的方式", "面试或者实地核查的时间",
    "“有效期届满三个月前”", "每年累计不少于二十四学时", "建议将网络在线学习", "“在一个认证机构执业”",
    "远程审核的音视频可能", "审核人日数是认证机构", "“自开展培训之日起", "禁止委托过于严格",
    "五名以上专职认证咨询", "“不得与认证咨询机构", "回访核查应当合理", "认证人员受到行政处罚的信息",
    "建议规定投诉、举报", "违反第十九条、第二十条",
)
# fmt: on


def _compose(rng: random.Random, slots: tuple, unit: str = "") -> str:
    return "".join(rng.choice(slot) for slot in slots).replace("{unit}", unit)


def build_labelled_set(seed: int = 2021) -> list[tuple[Item, str | None]]:
    """About 400 comments with their true group labels (None: belongs to no group)."""
    rng = random.Random(seed)
    rows: list[tuple[str | None, str, str | None]] = []  # clause, text, label
    # The demo's topics: those written by five or more people come with openings and closings,
    # each other topic once, as a comment with no twin.
    for number, topic in enumerate((*TOPICS, *STANDARD_TOPICS)):
        clause = topic.keys[0]
        if topic.body.startswith(SAME_POINT):
            continue
        if topic.n >= 5:
            for _ in range(topic.n):
                text = rng.choice(ALL_OPENERS) + topic.body + rng.choice(CLOSERS)
                rows.append((clause, text, f"topic{number}"))
        else:
            rows.append((clause, topic.body, None))
    for number, (clause, slots) in enumerate(PARAPHRASES):
        for _ in range(rng.randint(4, 6)):
            rows.append((clause, _compose(rng, slots), f"paraphrase{number}"))
    for number, (clause, letter) in enumerate(UNIT_COPIES):
        for unit in rng.sample(UNIT_NAMES, rng.randint(2, 4)):
            rows.append((clause, letter.format(unit=unit), f"copy{number}"))
    for number, (clause, count, slots) in enumerate(CAMPAIGNS):
        for _ in range(count):
            rows.append((clause, _compose(rng, slots, rng.choice(UNIT_NAMES)), f"campaign{number}"))
    rows.extend((clause, text, None) for clause, text in HARD_NEGATIVES)
    rng.shuffle(rows)
    return [
        (Item(id=index + 1, clause=clause, text=text), label)
        for index, (clause, text, label) in enumerate(rows)
    ]


def _pairs(groups: list[list]) -> set[tuple]:
    return {tuple(sorted(pair, key=str)) for ids in groups for pair in combinations(ids, 2)}


def precision_recall(
    suggestions: list[Suggestion], labelled: list[tuple[Item, str | None]]
) -> tuple[float, float]:
    """Pairwise precision and recall of the suggested groups against the labels."""
    by_label: dict[str, list] = {}
    for item, label in labelled:
        if label is not None:
            by_label.setdefault(label, []).append(item.id)
    truth = _pairs(list(by_label.values()))
    found = _pairs([suggestion.ids for suggestion in suggestions])
    right = len(truth & found)
    precision = right / len(found) if found else 1.0
    recall = right / len(truth) if truth else 1.0
    return precision, recall
