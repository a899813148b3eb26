"""Example data for `flask demo`: units of every category, participants, the staff accounts of
the demo, and a few hundred comments on the 认证人员管理办法 draft — all marked as example data.

Everything is built from the templates below and the clause texts with ``random.Random(2021)``,
so the demo is the same on every machine. It is added in one flush and committed by the caller,
so that ``make run`` starts in seconds; a second load finds the example units and adds nothing.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from app.accounts.models import Role, Unit, UnitCategory, User
from app.comments.models import (
    Channel,
    Comment,
    CommentStatus,
    CommentType,
    Consent,
    RevisionUnit,
    Stance,
)
from app.comments.quotes import quote_context
from app.comments.receipts import content_sha256, receipt_for
from app.extensions import db
from app.measures.models import Clause, CommentVisibility, Measure, Revision
from app.timeutil import utcnow

DEMO_PASSWORD = "demo-password-2021"
MAIN_SLUG = "certified-personnel"
STANDARD_SLUG = "gbt-personnel-competence"
SHANGHAI = ZoneInfo("Asia/Shanghai")

# (e-mail, role, name): printed at the end of `flask demo` and listed in the README.
STAFF_ACCOUNTS = (
    ("participant@example.org", Role.PARTICIPANT, "周明"),
    ("team@example.org", Role.TEAM, "王立新"),
    ("reviewer@example.org", Role.REVIEWER, "李晓梅"),
    ("official@example.org", Role.OFFICIAL, "赵国强"),
    ("admin@example.org", Role.ADMIN, "陈志远"),
)
PARTICIPANT_UNIT = "cb1"  # the demo participant speaks for a certification body

# key, name, category, region
UNITS = (
    ("cb1", "北京某某质量认证中心有限公司（示例）", "CB", "北京市"),
    ("cb2", "上海某某管理体系认证有限公司（示例）", "CB", "上海市"),
    ("cb3", "江苏某某检验认证有限公司（示例）", "CB", "江苏省南京市"),
    ("cb4", "广东某某认证服务有限公司（示例）", "CB", "广东省广州市"),
    ("cb5", "浙江某某产品认证有限公司（示例）", "CB", "浙江省杭州市"),
    ("tb1", "北京某某认证培训学院（示例）", "TB", "北京市"),
    ("tb2", "上海某某质量管理培训中心（示例）", "TB", "上海市"),
    ("tb3", "南京某某质量培训学校（示例）", "TB", "江苏省南京市"),
    ("cc1", "广州某某企业管理咨询有限公司（示例）", "CC", "广东省广州市"),
    ("cc2", "苏州某某管理咨询有限公司（示例）", "CC", "江苏省苏州市"),
    ("cc3", "深圳某某标准化咨询服务有限公司（示例）", "CC", "广东省深圳市"),
    ("cc4", "杭州某某质量技术咨询有限公司（示例）", "CC", "浙江省杭州市"),
    ("rg1", "某某市市场监督管理局认证监管处（示例）", "RG", "江苏省南京市"),
    ("rg2", "某某省市场监督管理局认证认可处（示例）", "RG", "广东省广州市"),
    ("rg3", "某某区市场监督管理局（示例）", "RG", "上海市"),
    ("as1", "中国认证认可协会（示例）", "AS", "北京市"),
    ("as2", "某某省认证认可协会（示例）", "AS", "江苏省南京市"),
    ("as3", "某某市质量协会（示例）", "AS", "广东省广州市"),
    ("ab1", "某某合格评定认可中心（示例）", "AB", "北京市"),
    ("ab2", "某某实验室认可评审中心（示例）", "AB", "北京市"),
    ("lb1", "某某检验检测研究院（示例）", "LB", "山东省济南市"),
    ("lb2", "某某产品质量监督检验所（示例）", "LB", "湖北省武汉市"),
    ("co1", "某某电子科技股份有限公司（示例）", "CO", "广东省深圳市"),
    ("co2", "某某食品有限公司（示例）", "CO", "四川省成都市"),
    ("co3", "某某建设工程集团有限公司（示例）", "CO", "江苏省苏州市"),
    ("ac1", "某某大学质量管理研究所（示例）", "AC", "北京市"),
    ("ac2", "某某标准化研究院认证研究室（示例）", "AC", "上海市"),
    ("ot1", "某某律师事务所（示例）", "OT", "北京市"),
    ("ot2", "某某消费者权益保护委员会（示例）", "OT", "天津市"),
)
# Formally consulted (征求意见单位), invited by letter on the first day of the period.
CONSULTED = (
    *("cb1", "cb2", "cb3", "cb4", "cb5", "tb1", "tb2", "tb3", "cc1", "cc2"),
    *("rg1", "rg2", "rg3", "as1", "as2", "as3", "ab1", "ab2", "lb1", "lb2"),
)
NO_COMMENTS_UNIT = "ab2"  # replies 无意见, so none of its people comment on the measures draft

# name, e-mail local part, unit key (None: an individual auditor, category IP)
PARTICIPANTS = (
    ("王建国", "wang.jianguo", "cb1"),
    ("李晓华", "li.xiaohua", "cb1"),
    ("张伟", "zhang.wei", "cb2"),
    ("刘洋", "liu.yang", "cb2"),
    ("陈静", "chen.jing", "cb3"),
    ("杨帆", "yang.fan", "cb3"),
    ("赵磊", "zhao.lei", "cb4"),
    ("黄丽", "huang.li", "cb4"),
    ("周婷", "zhou.ting", "cb5"),
    ("吴军", "wu.jun", "cb5"),
    ("徐敏", "xu.min", "tb1"),
    ("孙浩", "sun.hao", "tb1"),
    ("马骏", "ma.jun", "tb2"),
    ("朱琳", "zhu.lin", "tb3"),
    ("胡斌", "hu.bin", "cc1"),
    ("郭晓燕", "guo.xiaoyan", "cc1"),
    ("何涛", "he.tao", "cc2"),
    ("高峰", "gao.feng", "cc3"),
    ("林芳", "lin.fang", "cc4"),
    ("罗成", "luo.cheng", None),
    ("郑宇", "zheng.yu", None),
    ("梁雪", "liang.xue", None),
    ("谢宏", "xie.hong", None),
    ("宋佳", "song.jia", None),
    ("唐亮", "tang.liang", None),
    ("韩梅", "han.mei", None),
    ("冯志强", "feng.zhiqiang", None),
    ("许文静", "xu.wenjing", "rg1"),
    ("沈立", "shen.li", "rg2"),
    ("曾庆华", "zeng.qinghua", "rg3"),
    ("吕娜", "lv.na", "as1"),
    ("蒋鹏", "jiang.peng", "as2"),
    ("贾玉兰", "jia.yulan", "as3"),
    ("魏红", "wei.hong", "ab1"),
    ("薛刚", "xue.gang", "ab2"),
    ("叶青", "ye.qing", "lb1"),
    ("余婷", "yu.ting", "lb2"),
    ("潘越", "pan.yue", "co1"),
    ("杜明", "du.ming", "co2"),
    ("戴军", "dai.jun", "co3"),
    ("钟华", "zhong.hua", "ac1"),
    ("田甜", "tian.tian", "ac2"),
    ("姜楠", "jiang.nan", "ot1"),
    ("方圆", "fang.yuan", "ot2"),
)

# fmt: off
OPENERS = {
    "CB": ("我单位认为，", "结合我公司认证业务实际，提出如下意见：", "", "作为认证机构，我们认为，", "我中心经内部讨论，认为"),
    "TB": ("从认证培训工作实际出发，提出如下意见：", "我院认为，", "", "结合近年培训组织情况，我们认为，"),
    "CC": ("从咨询行业的实际情况看，", "我公司认为，", "", "作为认证咨询机构，我们认为，"),
    "IP": ("作为一名一线审核员，我认为，", "本人从事管理体系审核工作十余年，提出如下意见：", "", "作为注册审核员，", "本人是产品认证检查员，认为"),
    "RG": ("结合基层监管实践，提出如下意见：", "结合我局认证监管工作，", "", "我处认为，"),
    "AS": ("经征求会员单位意见，", "我会认为，", ""),
    "AB": ("从认可工作的角度，", ""),
    "LB": ("从检验检测机构的角度，", ""),
    "CO": ("作为获证企业，我们认为，", "我公司作为多体系获证组织，提出如下意见：", ""),
    "AC": ("从研究的角度看，", "", "经比较研究，我们认为，"),
    "OT": ("", "作为社会公众，我认为，", "从法律适用的角度，"),
}
CLOSERS = ("", "", "", "请起草组研究。", "以上意见供参考。", "建议予以采纳。")
# fmt: on


@dataclass(frozen=True)
class Topic:
    """What a kind of stakeholder says about some clauses; ``n`` comments are made from it."""

    keys: tuple[str | None, ...]  # None: on the draft as a whole
    who: str  # unit categories of the people who write it, e.g. "CB IP"
    kind: str  # "te:amend": comment type and stance ("ge:" for no stance)
    n: int
    body: str
    proposed: str = ""
    reason: str = ""
    quote: str = ""  # exact text of the clause, quoted when the chosen clause contains it
    since: date | None = None  # not written before this day (it cites a later event)


def T(keys, who, kind, n, body, proposed="", reason="", quote="", since=None) -> Topic:
    keys = (keys,) if keys is None or isinstance(keys, str) else tuple(keys)
    return Topic(keys, who, kind, n, body, proposed, reason, quote, since)


ADMIN_LAW = date(2021, 1, 23)  # the revised 行政处罚法 was adopted on 2021-01-22

# fmt: off

# Where real debate concentrates: registration (art8–17), CPD (art16), the ban on consulting
# and certifying (art18, art22, art35–36) and penalties (art43–47) get the most comments.
TOPICS = (
    # The draft as a whole
    T(None, "CB AS", "ge:support", 6, "总体赞成本次修订。2004年的《认证及认证培训、咨询人员管理办法》已施行十多年，认证人员队伍规模和认证领域都发生了很大变化，本次修订将能力评价、注册、执业、培训和咨询统一规定，结构清晰，方向正确。"),
    T(None, "CB CC IP TB", "ge:amend", 7, "建议设置过渡期，并明确已注册人员、已开展业务的培训机构和咨询机构如何衔接新要求。", "在附则中增加一条：“本办法施行前已取得注册资格的认证人员，其注册证书在有效期内继续有效；认证培训机构、认证咨询机构应当自本办法施行之日起六个月内按照本办法规定完成备案。”", "新旧制度衔接不明，施行之日大量人员和机构将同时面临合规问题。"),
    T(None, "RG", "ge:amend", 2, "建议明确国家、省、市、县各级市场监督管理部门在认证人员监督检查中的事权划分，避免多头检查或者监管空白。", "", "第四条第二款、第三十七条、第三十八条均使用“县级以上地方市场监督管理部门”，基层执法中难以确定管辖。"),
    T(None, "IP", "ge:oppose", 5, "草案对认证人员的义务和罚则规定较多，对认证人员权益的保障规定不足。审核人日被压缩、审核结论被要求修改时，审核员缺少拒绝和反映的渠道。", "增加一条：“认证人员有权拒绝认证机构违反认证规则压缩审核人日、变更审核或者检查结论的要求，并可以向认证人员注册机构或者市场监督管理部门反映。认证机构不得因此解除劳动合同或者降低其报酬。”", "权责对等，才能真正保证认证人员独立、公正执业。"),
    T(None, "AC OT AS", "ed:amend", 3, "全文“国务院认证认可监督管理部门”“市场监督管理部门”“信息平台”等用语交替使用，建议统一表述，并在第三条中对“信息平台”作出定义。"),
    T(None, "CO", "ge:support", 3, "审核员专业能力参差不齐、现场审核走过场的问题，企业反映较多。赞成加强对认证人员执业的管理，希望办法施行后审核质量真正提高，而不是增加企业负担。"),
    # Chapter 1
    T("art1.p1", "AC OT", "te:amend", 1, "第七章设定了罚款等行政处罚，立法依据中应当列明行政处罚的法律依据。", "……根据《中华人民共和国认证认可条例》《中华人民共和国行政处罚法》等法律、行政法规，制定本办法。", "", "等法律、行政法规"),
    T("art2.p1", "AB LB", "te:amend", 2, "请明确“认证活动”是否包括认可评审活动、检验检测机构为产品认证实施的型式试验。从事型式试验的检测人员不宜纳入认证人员管理。", "", "与第四十九条的关系需要协调。"),
    T("art3.p1.i1", "CB", "te:amend", 3, "认证人员的定义包括“评价、认证决定”人员，但第八条只要求审核员、检查员注册。建议明确认证决定人员由认证机构评价能力，不纳入注册。", "", "避免理解为认证决定人员也须注册。", "评价、认证决定等认证活动的人员"),
    T("art3.p1.i4", "CB IP", "te:amend", 4, "技术专家实践中多由行业退休工程师担任，不需注册，但应当明确其不承担审核员职责，其工作时间不计入审核人日。", "（四）技术专家，是指在认证活动中向审核组或者检查组提供特定专业知识或者技术支持，不单独实施审核或者检查，且其工作时间不计入审核或者检查人日数的人员；", "防止以技术专家充抵审核人日。", "但不单独实施审核或者检查的人员"),
    T("art3.p1.i6", "CC", "te:amend", 4, "认证咨询机构的定义过宽。企业内训、标准宣贯、精益管理等管理提升服务，也可能被认定为“认证咨询”，从而适用第五章的全部要求。", "（六）认证咨询机构，是指依法设立，以帮助组织获得认证为目的，为其建立、实施、保持管理体系或者满足产品、服务认证要求提供咨询服务的机构；", "以“获得认证”为目的界定咨询，范围清楚，便于监管。", "或者为组织获得产品、服务认证提供咨询服务的机构"),
    T("art3.p2", "AS AC", "te:amend", 1, "认证人员注册机构由国务院认证认可监督管理部门“确定”，建议明确确定的条件、程序和期限，并向社会公开。"),
    T("art4.p2", "RG", "te:amend", 2, "建议区分省级和市县级市场监督管理部门的职责：省级部门组织本行政区域的监督检查，市县级部门具体实施。", "县级以上地方市场监督管理部门依照本办法，负责本行政区域内认证人员执业活动以及认证培训、认证咨询活动的监督检查工作；省级市场监督管理部门负责组织、协调和指导。", "", "负责本行政区域内认证人员执业活动"),
    T("art5.p1", "IP CO", "te:support", 2, "赞成将独立、公正、客观、诚信作为认证人员执业的基本原则，并明确认证人员对其结论和记录的真实性负责。"),
    T("art6.p2", "CB IP", "te:amend", 3, "注册收费标准应当公开，并说明收费依据。近年注册、延续注册费用较高，一线审核员负担重。", "认证人员注册机构应当建立健全注册管理制度，公开注册条件、程序、期限和收费标准及其依据，接受国务院认证认可监督管理部门和社会的监督。", "", "收费标准"),
    T("art7.p1", "AS", "te:support", 3, "赞成鼓励行业协会加强行业自律。建议进一步明确协会可以开展认证人员执业行为评价、通报和行业惩戒，与行政监管相衔接。", "鼓励认证认可行业协会加强行业自律，制定认证人员职业道德规范，开展执业行为评价和诚信建设，对违反自律规范的会员实施行业惩戒。", "行业协会的自律手段需要规章给予依据。"),
    T("art7.p2", "AB AC", "te:amend", 1, "建议写明支持认证人员注册机构参加国际人员认证协会等国际组织的多边互认，为认证人员“走出去”创造条件。"),
    # Chapter 2: competence and registration
    T("art8.p1", "CB TB", "te:amend", 4, "新入职人员需要在认证机构以实习审核员身份参加审核，才能积累注册所需的审核经历。请明确实习审核员注册后即可在认证机构执业。", "", "避免“未注册不能执业、不执业无法取得经历”的循环。", "并经认证人员注册机构注册后，方可在认证机构执业"),
    T("art8.p2", "CB", "ed:amend", 2, "请明确技术专家能力评价记录的保存期限，建议与第二十四条第二款认证档案的保存期限一致。", "", "", "并保存评价记录"),
    T("art9.p1.i3.s1", "IP TB", "te:amend", 6, "学历和工作经历要求未区分硕士、博士学历人员。高学历人员进入认证行业时年龄偏大，四年全职工作经历的要求影响人才引进。", "1.申请审核员注册的，具有大学本科以上学历并具有四年以上全职工作经历，其中具有硕士研究生以上学历的，具有二年以上全职工作经历；或者具有大学专科学历并具有五年以上全职工作经历；", "与国际通行做法一致，也有利于吸引年轻专业人才。", "具有大学本科以上学历并具有四年以上全职工作经历"),
    T("art9.p1.i3.s2", "CB LB", "te:amend", 3, "“与申请注册专业领域相关的全职工作经历”如何认定不明确，检验检测机构的工作经历是否认可？建议由注册机构公布认定指南。"),
    T("art9.p1.i5", "TB", "ed:amend", 2, "“规定次数”由谁规定不明确。", "（五）具有认证人员注册机构规定次数的审核或者检查实践经历；", "与第九条第二款的表述保持一致。"),
    T("art9.p1.i6", "IP TB", "te:oppose", 6, "要求申请注册时已与认证机构签订劳动合同，拟入行人员无法先取得实习审核员资格再求职，实际上由认证机构决定谁能入行。建议实习级别不作此要求。", "（六）申请审核员、检查员注册的，与认证机构签订劳动合同或者聘用协议。", "实习级别是入行的门槛，不应以劳动关系为前提。", "与认证机构签订劳动合同或者聘用协议"),
    T("art9.p1.i6", "CB AS", "te:support", 4, "赞成。专职执业是保证认证质量的前提，兼职审核员“挂靠”多家机构的问题突出，注册时核查劳动关系有利于从源头治理。"),
    T("art10.p2", "CB", "te:amend", 3, "“持续监视”的方式和频次不明确。对每名认证人员每年实施现场见证，中小认证机构难以承受，建议允许以记录审查、客户反馈等方式进行。", "", "", "并对其能力保持情况进行持续监视"),
    T("art11.p2", "CB IP", "te:amend", 3, "检查员只设实习检查员和检查员两个级别，与审核员的三个级别不对称。产品认证领域同样需要资深检查员带教和担任组长，建议增设高级检查员。", "审核员注册分为实习审核员、审核员和高级审核员三个级别，检查员注册分为实习检查员、检查员和高级检查员三个级别。", ""),
    T("art11.p3", "IP CB", "te:amend", 3, "赞成实习审核员不得担任组长、不得单独审核。但草案未规定实习期限，有的人员长期停留在实习级别并被作为正式审核员使用，建议规定实习期限上限。", "", "", "不得担任审核组组长或者检查组组长"),
    T("art12.p1", "IP", "ed:amend", 2, "建议注册信息系统支持电子证照、电子签名和在线核验学历、社保信息，不再要求申请人提交纸质复印件。", "", "减轻申请人负担，也便于核查材料真伪。"),
    T("art13.p1", "CB IP", "te:support", 3, "受理五个工作日、评价二十个工作日的时限明确，赞成。现行注册周期较长，影响新人员上岗。"),
    T("art13.p3", "AS IP", "te:amend", 3, "面试或者实地核查的时间不计入期限，但没有上限，实际可能无限延长。", "需要对申请人进行面试或者实地核查的，所需时间不计算在前款规定的期限内，但最长不得超过三十个工作日，认证人员注册机构应当将所需时间书面告知申请人。", "", "所需时间不计算在前款规定的期限内"),
    T("art14.p1.i3", "AC OT", "te:amend", 3, "第十四条第三项“被撤销注册未满三年”与第四十二条、第四十五条不协调：因第四十二条第一款第二项（注册机构工作人员违反程序准予注册）被撤销注册的，申请人并无过错，也要三年内不予注册，有失公平；第四十五条第一款又规定一年内不得再次申请。", "（三）申请人因本办法第四十二条第一款第一项规定情形被撤销注册未满三年的；", "过错与后果相当；同一事项的期限前后一致。", "申请人被撤销注册未满三年的"),
    T("art14.p1.i4", "IP", "te:support", 1, "草案将不予注册的刑事处罚限定为“违反认证认可法律、行政法规”的情形，范围适当，赞成。"),
    T("art15.p2", "CB IP", "te:amend", 6, "“有效期届满三个月前”申请延续的要求过早，注册机构的评价周期也用不了三个月。建议改为届满三十日前申请。", "认证人员需要在注册证书有效期届满后继续执业的，应当在有效期届满三十日前向认证人员注册机构申请延续注册。", "", "应当在有效期届满三个月前"),
    T("art15.p2", "IP", "te:amend", 3, "延续注册评价中的“执业情况”应当有明确、可量化的指标，例如注册有效期内的审核人日数，否则评价尺度因人而异。"),
    T("art15.p3", "IP", "te:oppose", 4, "未按期申请延续即告失效过于严厉。审核员长期出差，可能错过申请期限，建议设置六个月的宽限期，在宽限期内补办延续的，注册连续计算。", "未按期申请延续注册的，可以在有效期届满之日起六个月内补办；经评价不符合延续注册要求或者逾期未补办的，其注册证书自有效期届满之日起失效。", "", "其注册证书自有效期届满之日起失效"),
    T("art16.p1", "IP", "te:oppose", 10, "每年累计不少于二十四学时的要求偏高，并且按年度考核不灵活。一线审核员全年大部分时间在外审核，集中学习时间难以保证。建议改为注册有效期内累计不少于七十二学时。", "认证人员在注册有效期内应当持续参加继续专业发展活动，注册有效期内累计不少于七十二学时，更新和补充认证认可法律法规、标准和专业知识。", "三年累计既能保证总量，又便于安排。", "每年累计不少于二十四学时"),
    T("art16.p1", "CB", "te:amend", 6, "建议明确认证机构内部组织的技术研讨、专业能力培训、审核案例分析可以计入继续专业发展学时，并由认证机构保存记录备查。", "", "内部培训针对性强，也是认证机构持续监视能力的手段。"),
    T("art16.p1", "TB", "te:support", 4, "赞成规定继续专业发展的最低学时。建议明确经注册机构认可的培训机构提供的继续专业发展课程，其学时直接计入，避免重复核验。"),
    T("art16.p2", "AC IP", "te:amend", 4, "参与标准制定、课题研究、发表论著等形式如何折算学时未作规定，建议由认证人员注册机构公布折算办法。", "", "", "参与标准制定和课题研究，发表专业论著等形式"),
    T("art16.p2", "IP", "te:amend", 4, "建议将网络在线学习，以及见证审核、带教实习审核员等审核实践活动纳入继续专业发展活动。", "继续专业发展活动包括参加培训和研讨，参加网络在线学习，带教实习审核员或者实习检查员，参与标准制定和课题研究，发表专业论著等形式。", "这些活动同样能够保持和提高能力，且成本较低。"),
    T("art16.p2", "CB", "te:oppose", 4, "“提供必要条件”含义不明，是否包括承担培训费用、给予带薪学习时间？建议删除或者明确。", "认证机构应当支持本机构认证人员参加继续专业发展活动，并保存相关记录。", "", "提供必要条件"),
    T("art16.p2", "RG", "te:amend", 1, "建议继续专业发展记录通过信息平台报送，便于监督检查时核查，防止“代学”“补记录”。"),
    T("art17.p1", "IP", "te:amend", 3, "三十日的时限偏短。解除劳动合同、转移社会保险等手续往往需要一个月以上，建议延长为六十日。", "", "", "应当自情形发生之日起三十日内"),
    T("art17.p1.i3", "CB", "te:amend", 4, "认证人员离职后不申请变更或者注销，认证机构无能为力，其注册信息仍显示在原机构。建议允许认证机构报告解除劳动合同的情况，由注册机构据此更新注册信息。", "", "保证信息公示系统中执业机构信息准确。"),
    # Chapter 3: practice
    T("art18.p1", "IP", "te:oppose", 5, "“在一个认证机构执业”过于绝对。医疗器械、汽车、信息安全等领域高水平审核员稀缺，建议允许经所在机构同意，以技术专家身份参加其他认证机构的认证活动。", "认证人员应当在一个认证机构执业，不得同时在两个以上认证机构执业；经所在认证机构书面同意，可以技术专家身份参加其他认证机构的认证活动。", "", "不得同时在两个以上认证机构执业"),
    T("art18.p1", "CB AS RG", "te:support", 6, "赞成。一人多点执业是“挂证”和审核质量失控的根源，必须禁止。建议与第四十四条第一款的处罚相衔接，并要求注册信息系统能够自动发现重复执业。"),
    T("art18.p2", "CC IP", "te:amend", 4, "禁止认证人员兼职从事认证咨询是必要的，但应当允许其从事与认证无关的企业管理培训、技术服务和教学科研。", "认证人员不得以个人名义从事认证活动，不得从事认证咨询活动；从事与认证无关的培训、教学、科研活动的，应当经所在认证机构同意。", "", "不得在认证咨询机构兼职从事认证咨询活动"),
    T("art19.p1.i1", "IP CB", "te:amend", 4, "禁止“增加”程序不合理。审核员根据风险增加抽样、延伸追踪，是保证审核有效性的正当做法。建议只禁止减少、遗漏规定的程序。", "（一）按照认证基本规范、认证规则和认证机构的程序实施审核或者检查，不得减少、遗漏规定的程序；", "", "不得增加、减少、遗漏程序"),
    T("art19.p1.i5", "IP", "te:amend", 4, "“服从认证机构的管理”与第三项“保持独立性”之间存在张力：认证机构出于商业考虑要求审核员修改结论时，审核员应当如何处理？建议增加但书。", "（五）服从认证机构的管理，接受认证机构的能力评价和执业监督，但有权拒绝违反认证规则的要求；", "", "服从认证机构的管理"),
    T("art20.p1.i2.s3", "CB", "te:amend", 4, "赞成对远程审核作出规定。请明确音视频记录的保存期限，以及受审核方不同意录音录像时的处理方式。", "3.通过远程方式实施审核或者检查的，应当保存相应的音视频或者其他电子记录，保存期限与认证档案相同；受审核方不同意录音录像的，应当改为现场实施。", "疫情期间远程审核大量使用，需要统一规则。", "应当保存相应的音视频或者其他电子记录"),
    T("art20.p1.i2.s3", "CO", "te:oppose", 3, "远程审核的音视频可能涉及企业生产工艺、客户信息等商业秘密，全程录像企业难以接受。建议限于经受审核方同意的范围，并明确认证机构的保密责任。"),
    T("art20.p1.i2.s2", "CB IP", "ed:amend", 3, "建议明确电子签名与本人签字具有同等效力，以适应审核记录电子化。", "2.记录应当由实施审核或者检查的认证人员本人签字或者使用可靠的电子签名确认，不得由他人代签；", "", "不得由他人代签"),
    T("art20.p2", "IP", "te:oppose", 4, "组长对结论的“准确性”承担主要责任过重。多专业审核中，组员在各自专业范围内的审核发现，组长无法逐一核实。", "审核组组长、检查组组长对审核或者检查结论承担主要责任，审核组、检查组成员对其实施部分的记录和审核、检查发现负责。", "责任应当与实际的控制能力相适应。", "对审核或者检查过程的完整性和结论的准确性承担主要责任"),
    T("art21.p1.i2", "CC IP", "ed:amend", 2, "第二十一条第一款第二项与第三十六条第三款都规定了二年的回避期，但表述不同，建议合并或者互相援引。"),
    T("art21.p1.i4", "AS CB", "te:amend", 3, "“其他可能影响公正性的利益关系”过于原则，建议列举，例如持有受审核方股份、近亲属在受审核方任职、与受审核方存在债权债务关系等。", "", "便于认证机构和认证人员判断，也便于监管部门认定。", "存在其他可能影响公正性的利益关系"),
    T("art22.p1.i2", "IP", "te:oppose", 8, "审核人日数是认证机构在合同评审中确定的，审核员只能按审核计划执行。人日不足的责任主要在认证机构，不应由审核员个人承担并受第四十四条第三款的处罚。", "（二）未实施现场审核或者检查，或者未按照审核、检查计划确定的人日数实施审核或者检查，而出具审核或者检查报告；", "区分审核员与认证机构的责任：审核计划本身人日不足的，由认证机构负责。", "未按照规定的人日数实施审核或者检查"),
    T("art22.p1.i2", "RG CO", "te:support", 3, "压缩审核人日、“一日游”审核是当前认证市场最突出的问题，赞成将其列为禁止行为。"),
    T("art22.p1.i4", "IP CO", "te:amend", 4, "请明确“与审核或者检查无关的活动”的范围。例如在受审核方用工作餐、乘坐受审核方安排的车辆往返是否属于？", "", "避免一线执法尺度不一。", "接受受审核方或者受检查方安排的与审核或者检查无关的活动"),
    T("art22.p1.i5", "CC", "te:amend", 4, "赞成禁止认证人员提供咨询。但审核中对不符合项说明要求、解释标准条款是否属于“咨询”？建议参照GB/T 27021.1关于咨询的定义划清界限。", "", "否则审核员在现场不敢解释标准，审核的增值作用下降。", "为受审核方或者受检查方提供认证咨询服务"),
    T("art22.p1.i5", "CB AS", "te:support", 3, "赞成禁止认证人员向受审核方推荐咨询机构。“咨询—认证一条龙”严重损害认证公信力。"),
    T("art22.p1.i7", "LB OT AC", "te:amend", 2, "个人信息保护的表述建议与正在制定的《个人信息保护法》衔接，明确认证人员处理受审核方员工个人信息的范围。"),
    T("art24.p2", "CB", "te:amend", 2, "认证档案保存期限已由认证机构管理的规定作出要求，本办法再作规定，二者不一致时无所适从。建议援引而不重复规定。", "", "", "认证档案的保存期限不得少于认证证书有效期届满后二年"),
    T("art25.p1", "IP RG", "te:amend", 4, "认证人员发现严重违法行为只能向所在认证机构报告。认证机构不报告、不处理时，认证人员是否可以直接向市场监督管理部门报告？建议增加规定，并保护报告人。", "认证人员在执业活动中发现……的，应当及时向所在认证机构报告；认证机构未依照本条第二款处理的，认证人员可以直接向所在地市场监督管理部门报告。认证机构不得因此对其作出不利处理。", ""),
    # Chapter 4: training
    T("art26.p2", "TB RG", "te:amend", 4, "“自开展培训之日起三十日内”备案，意味着可以先培训后备案，备案前的培训质量无法监管。建议改为开展培训前备案。", "认证培训机构开展认证人员注册所需培训的，应当在开展培训前，通过国务院认证认可监督管理部门确定的信息平台进行备案。", "", "应当自开展培训之日起三十日内"),
    T("art26.p1.i2", "TB", "te:oppose", 4, "要求“专职”培训教师不符合行业实际。优秀的培训教师多为一线高级审核员兼职授课，专职教师反而脱离审核实践。", "（二）具有与其开展的培训项目相适应的专职管理人员和专职或者兼职培训教师；", "实务课程需要有审核经验的教师。", "专职管理人员和培训教师"),
    T("art27.p1.i1.s1", "TB AC", "te:support", 2, "管理体系审核员基础培训不少于四十学时，与国际通行的审核员课程一致，赞成。"),
    T("art27.p1.i1.s3", "TB", "te:support", 4, "疫情期间网络远程培训已成常态，赞成明确其合法地位。建议由认证人员注册机构发布远程培训身份核验和过程记录的技术要求，统一标准。", "", "", "采用网络远程方式培训的"),
    T("art27.p1.i1.s3", "RG", "te:amend", 2, "网络培训“代学代考”问题突出，建议明确采用人脸识别、随机抽查等技术手段核验学员身份和学习过程。"),
    T("art27.p2", "TB", "te:oppose", 4, "禁止委托过于严格。与高校、行业组织联合办班是常见的合作方式，建议改为不得将培训项目整体转包。", "认证培训机构不得将其培训项目整体转包给其他机构实施；与其他机构合作开展培训的，应当对培训质量负责。", "", "不得将其培训项目委托或者转包给其他机构实施"),
    T("art28.p2", "TB", "ed:amend", 2, "第一季度报送年度报告，与年度财务审计、企业年报的时间冲突，建议改为每年四月三十日前。", "", "", "于每年第一季度"),
    T("art29.p1.i3", "TB", "te:amend", 2, "讲授实务课程的教师具有注册资格，赞成。但已退休、注册已失效的资深审核员授课经验丰富，建议认可其曾经的注册资格。"),
    T("art30.p1.i1", "CO OT", "te:support", 3, "“包过班”“保证拿证”的虚假宣传现象严重，赞成明确禁止。"),
    T("art31.p1", "TB", "te:amend", 3, "认证人员注册机构既核查培训证明、评价培训质量，自身或者关联单位又可能开展培训，存在利益冲突。建议规定注册机构不得从事与注册相关的营利性培训。"),
    # Chapter 5: consulting
    T("art32.p1.i2", "CC", "te:oppose", 7, "五名以上专职认证咨询人员的门槛对中小咨询机构过高。全国大量咨询机构是三人以下的小微企业，长期服务本地中小企业，一刀切将使其退出市场。", "（二）具有三名以上与其咨询业务相适应的专职认证咨询人员；", "降低门槛不影响通过备案、信用监管规范市场。", "具有五名以上与其咨询业务相适应的专职认证咨询人员"),
    T("art32.p1.i2", "RG CB", "te:support", 3, "建议保留五名的门槛。大量“皮包公司”式咨询机构是虚假咨询、代写体系文件的主要来源，提高门槛有利于规范市场。"),
    T("art32.p2", "CC CO", "te:amend", 3, "备案信息应当向社会公开，便于企业查询咨询机构的真实情况，也有利于守法经营的咨询机构。"),
    T("art33.p1", "CC AS", "te:amend", 4, "建议建立认证咨询人员能力评价制度，可以由行业协会组织实施，自愿参加，以提升咨询行业的专业水平。"),
    T("art33.p2", "CC", "te:oppose", 2, "咨询人员多为灵活就业，同时为两家机构提供服务很常见。禁止同时在两个以上咨询机构从业，缺乏必要性。", "", "", "不得同时在两个以上认证咨询机构从业"),
    T("art34.p1", "CO", "te:amend", 2, "赞成订立书面合同，建议由市场监督管理部门发布认证咨询服务合同示范文本。"),
    T("art35.p1.i1", "CO RG", "te:support", 4, "“包过”“保证拿证”“快速拿证”等承诺严重扰乱市场，赞成明确禁止。", "", "", "以保证获得认证、缩短认证周期等承诺招揽业务"),
    T("art35.p1.i2", "CB", "te:support", 3, "代替企业编造管理体系运行记录的问题普遍，审核员在现场难以识别，赞成明确禁止并设定罚则。"),
    T("art35.p1.i3", "RG", "te:amend", 2, "建议明确“串通”的认定标准，例如认证机构与咨询机构之间存在返点、介绍费等利益往来的，视为串通。"),
    T("art36.p1", "CB", "te:amend", 6, "“不得与认证咨询机构存在资产、管理方面的利益关系”，请明确“利益关系”的范围。集团化认证机构的兄弟公司从事与认证无关的管理咨询、技术服务的，是否受限？建议以持股比例、同一实际控制人等标准界定。", "", "便于认证机构自查整改，也便于监管认定。", "不得与认证咨询机构存在资产、管理方面的利益关系"),
    T("art36.p1", "CC AC AS", "te:support", 4, "赞成认证与咨询分离。这是GB/T 27021.1关于公正性的基本要求，也是恢复认证公信力的关键。"),
    T("art36.p3", "IP CC", "te:amend", 3, "二年的限制合理，但“最后一次为委托人提供认证咨询服务之日”难以核查。建议由认证咨询人员在转入认证机构时申报其咨询过的组织名单。", "", "", "自其最后一次为委托人提供认证咨询服务之日起二年内"),
    # Chapter 6: supervision
    T("art37.p1.i4", "CO", "te:amend", 3, "回访核查应当合理确定频次，并与认证机构的监督审核相协调，避免重复检查增加企业负担。", "", "", "对获证组织进行回访核查"),
    T("art37.p1.i4", "RG", "te:support", 2, "赞成将现场见证和回访核查列为监督措施。建议明确见证中发现问题的处理程序和证据要求。"),
    T("art37.p2", "RG", "te:support", 2, "赞成采用“双随机、一公开”方式。建议随机抽查比例由省级部门根据本地认证机构数量确定。"),
    T("art38.p1", "RG", "te:amend", 1, "请明确移送的时限和接收部门的反馈要求，避免案件移送后无下文。"),
    T("art39.p1", "AS AB", "ed:amend", 1, "注册机构年度报告内容建议增加继续专业发展情况和能力评价情况，并向社会公开。"),
    T("art40.p1", "IP", "te:oppose", 4, "认证人员受到行政处罚的信息应当设定公示期限，建议公示满三年后不再公示，给予改正的机会。", "", "与市场主体行政处罚信息公示的期限规则一致。", "受到行政处罚和被撤销注册等信息"),
    T("art40.p1", "OT CO", "te:support", 2, "建议同时公开认证人员的执业记录和审核领域，便于企业了解审核员的专业背景。"),
    T("art40.p3", "IP CC", "te:amend", 3, "“严重违法失信行为”的认定标准和信用约束措施的种类不明确，建议列举，或者援引有关信用管理的规定。"),
    T("art41.p2", "OT", "te:amend", 2, "建议规定投诉、举报的处理时限，例如六十日内处理完毕并告知举报人处理结果。", "接到投诉、举报的部门或者机构应当自收到之日起六十日内依法处理，将处理结果告知投诉人、举报人，并为举报人保密。", "", "应当依法及时处理"),
    T("art42.p1.i2", "IP AC", "te:amend", 2, "注册机构工作人员违反程序准予注册的，申请人无过错，撤销注册后应当允许其重新申请，不受三年期限限制。"),
    # Chapter 7: penalties
    T("art43.p1", "RG", "te:amend", 3, "罚款一万元以上三万元以下偏低，难以形成威慑。冒用审核员身份的，往往是为认证机构“跑业务”获取高额回报。", "", "", "处一万元以上三万元以下罚款"),
    T("art44.p1", "IP AC OT", "te:oppose", 4, "“停止执业”“撤销其执业资格”属于限制从业的处罚。2021年1月22日修订的《中华人民共和国行政处罚法》第十三条规定，国务院部门规章只能设定警告、通报批评或者一定数额罚款。建议援引《认证认可条例》的具体条款作为依据，或者删除。", "", "处罚设定须有上位法依据。", "给予停止执业六个月以上二年以下的处罚", ADMIN_LAW),
    T("art44.p1", "IP", "te:amend", 2, "本条第一款由国务院认证认可监督管理部门处罚，第二款、第三款由县级以上地方市场监督管理部门处罚，处罚机关不统一，建议统一为地方部门，便于就近执法。"),
    T("art44.p2", "IP", "te:oppose", 6, "违反第十九条、第二十条的情形多为程序性瑕疵，例如记录不完整、报告延迟提交。“情节严重”的认定标准不明，罚款上限达三万元，建议列举情节严重的情形。", "", "", "情节严重的，处五千元以上三万元以下罚款"),
    T("art44.p3", "IP", "te:oppose", 7, "对第二十二条所列行为一律处一万元以上罚款，并可撤销注册，处罚过重。其中第二项“未按照规定的人日数”的责任多在认证机构，审核员是执行者，应当区别对待。", "认证人员有本办法第二十二条规定行为之一的，由县级以上地方市场监督管理部门责令改正，处五千元以上三万元以下罚款；……能够证明系执行认证机构安排的，从轻或者减轻处罚。", "过罚相当。"),
    T("art44.p3", "CB RG", "te:amend", 5, "赞成加大对审核员违规行为的处罚，但应当同时追究安排、纵容其违规的认证机构及其管理人员的责任。", "", "", "情节严重的，由认证人员注册机构撤销其注册"),
    T("art44.p3", "RG", "te:amend", 3, "请明确“情节严重”的情形，例如一年内两次以上、造成获证产品重大质量安全事故、拒不改正等，便于基层执法统一尺度。"),
    T("art45.p1", "AC", "te:amend", 2, "“一年内不得再次申请注册”与第十四条第三项、第四十二条第二款规定的三年期限如何衔接，请统一。", "", "", "申请人在一年内不得再次申请注册"),
    T("art46.p2", "TB", "te:oppose", 3, "备案、报告逾期即罚款过严。建议对初次逾期且及时改正的予以警告，依照行政处罚法的规定可以不予处罚。", "", "", "逾期未改正的，处五千元以上一万元以下罚款", ADMIN_LAW),
    T("art46.p1", "RG CO", "te:amend", 2, "罚款幅度与违法所得不挂钩，对大规模违规培训的机构威慑不足，建议“有违法所得的，处违法所得一倍以上三倍以下罚款”。"),
    T("art47.p1", "CC", "te:oppose", 4, "对咨询机构的处罚与培训机构完全相同，但咨询行业以小微企业为主，一万元起罚偏重。建议区分情节，初次违法且危害后果轻微并及时改正的，可以不予处罚。", "", "", "处一万元以上三万元以下罚款", ADMIN_LAW),
    T("art47.p1", "CB RG", "te:support", 3, "赞成对咨询机构的违法行为设定罚则。现行办法对咨询机构几乎没有约束，代写文件、承诺包过的现象屡禁不止。"),
    T("art48.p2", "AS OT", "te:support", 1, "赞成对注册机构及其工作人员的责任作出规定，权力与责任相统一。"),
    # Chapter 8 and the annex
    T("art49.p1", "AB LB", "te:amend", 3, "认可评审员和资质认定评审员已有专门的管理要求，且认可评审须符合国际认可规则，参照本办法执行可能产生冲突。建议删除本款，或者改为“另行规定”。", "从事认可评审活动的评审员，以及从事检验检测机构资质认定评审活动的评审员的管理，由国务院认证认可监督管理部门另行规定。", "", "参照本办法执行"),
    T("art50.p1", "CB CC", "ed:amend", 2, "施行日期留空，请在正式稿中明确，并与第二条的过渡期安排相衔接。"),
    T("annex1", "IP TB", "ed:amend", 2, "材料清单中“复印件”建议改为“复印件或者电子件”，与注册信息系统在线申请相适应。"),
)

# A few comments on the standard still open for comment, so its pages have something to show.
STANDARD_TOPICS = (
    T("3.4", "IP TB", "ed:amend", 2, "“继续专业发展”的定义建议与《认证人员管理办法》保持一致，并注明英文术语的来源。"),
    T("4.3", "CB", "te:amend", 2, "持续评价的间隔不超过3年，与注册有效期相同。建议明确持续评价可以结合延续注册一并实施，避免重复评价。", "", "", "持续评价的间隔不应超过3年"),
    T("5.1.2", "LB AC", "te:amend", 2, "专业知识要求建议增加“相关产品的检验检测方法和结果判定”，产品认证检查员尤其需要。"),
    T("6.1.p1.i1", "TB", "te:support", 1, "赞成允许机考。建议在附录中给出机考题库管理和防作弊的要求。"),
    T("6.2.2", "IP", "te:amend", 2, "评价结果为不符合的，建议规定被评价人员申请复核的程序和期限。"),
    T(None, "CB AS", "ge:support", 2, "总体赞成制定本标准。认证人员能力评价缺少统一的国家标准，各注册机构、认证机构的做法差异较大。"),
)
# fmt: on

BODY_LISTS = (  # how some people write: the same point as a numbered list
    "具体意见如下：\n\n1. {body}\n2. 建议起草组在修改稿中说明对本条意见的处理情况。",
)


def load_example_data() -> list[str]:
    """Add the example units, people, consultation records and comments, once.

    Returns lines for the command's output. The caller commits. Nothing is added when the
    database already holds example units (a second ``flask demo``), or when the demo draft
    of the 认证人员管理办法 is not stored.
    """
    if db.session.scalar(select(Unit.id).filter_by(example=True).limit(1)) is not None:
        return ["example data: already there"]
    main = _revision(MAIN_SLUG)
    if main is None:
        return [f"example data: skipped ({MAIN_SLUG} r1 is not stored)"]
    rng = random.Random(2021)
    units = {
        key: Unit(name=name, category=UnitCategory(cat), region=region, example=True)
        for key, name, cat, region in UNITS
    }
    db.session.add_all(units.values())
    password_hash = generate_password_hash(DEMO_PASSWORD)  # hashed once: scrypt is slow
    people = _participants(units, password_hash)
    staff = _staff(units, password_hash)
    authors = [p for p in [*people, *staff] if p[0].role == Role.PARTICIPANT]
    db.session.flush()  # user ids: the unit's 无意见 names who declared it

    main_comments = _comments(rng, main, TOPICS, authors, units)
    standard = _revision(STANDARD_SLUG)
    standard_comments = (
        _comments(rng, standard, STANDARD_TOPICS, authors, units) if standard else []
    )
    _consultation(main, units, people)
    main.measure.comments_public = CommentVisibility.AFTER
    main.measure.names_public = False

    comments = [*main_comments, *standard_comments]
    db.session.add_all(comments)
    db.session.flush()  # row ids, hence receipts
    for comment in comments:
        comment.receipt = receipt_for(comment)
        comment.content_sha256 = content_sha256(comment)
    db.session.flush()
    return [
        f"example data: {len(units)} units, {len(people)} participants, "
        f"{len(STAFF_ACCOUNTS)} demo accounts, {len(main_comments)} comments on {MAIN_SLUG} r1, "
        f"{len(standard_comments)} on {STANDARD_SLUG} r1"
    ]


def _revision(slug: str) -> Revision | None:
    return db.session.scalar(
        select(Revision).join(Measure).where(Measure.slug == slug, Revision.number == 1)
    )


def _participants(units: dict, password_hash: str) -> list[tuple[User, str | None]]:
    people = []
    for name, local, unit_key in PARTICIPANTS:
        user = User(
            email=f"{local}@example.org",
            name=name,
            role=Role.PARTICIPANT,
            unit=units[unit_key] if unit_key else None,
            password_hash=password_hash,
            example=True,
        )
        db.session.add(user)
        people.append((user, unit_key))
    return people


def _staff(units: dict, password_hash: str) -> list[tuple[User, str | None]]:
    """The accounts the README lists; an address already taken is left as it is."""
    taken = set(
        db.session.scalars(
            select(User.email).where(User.email.in_([email for email, _, _ in STAFF_ACCOUNTS]))
        )
    )
    staff = []
    for email, role, name in STAFF_ACCOUNTS:
        if email in taken:
            continue
        unit_key = PARTICIPANT_UNIT if role == Role.PARTICIPANT else None
        user = User(
            email=email,
            name=name,
            role=role,
            unit=units[unit_key] if unit_key else None,
            password_hash=password_hash,
            example=True,
        )
        db.session.add(user)
        staff.append((user, unit_key))
    return staff


def _comments(rng, revision, topics, authors, units) -> list[Comment]:
    clauses = {c.key: c for c in db.session.scalars(select(Clause).filter_by(revision=revision))}
    period = _days(revision)
    silent = NO_COMMENTS_UNIT if revision.measure.slug == MAIN_SLUG else ""
    comments = []
    for topic in topics:
        pool = [(u, k) for u, k in authors if _category(u) in topic.who.split() and k != silent]
        days = [d for d in period if topic.since is None or d >= topic.since]
        for _ in range(topic.n):
            author, unit_key = rng.choice(pool)
            key = rng.choice(topic.keys)
            clause = clauses[key] if key else None
            comments.append(_comment(rng, revision, clause, topic, author, units, days))
    # Receipts follow the order comments arrived in, as they would have online.
    return sorted(comments, key=lambda comment: comment.created_at)


def _comment(rng, revision, clause, topic, author, units, days) -> Comment:
    type_code, _, stance = topic.kind.partition(":")
    category = _category(author)
    official = author.unit is not None and rng.random() < 0.15
    opener = "经本单位研究，提出以下意见：" if official else rng.choice(OPENERS[category])
    body = opener + topic.body + rng.choice(CLOSERS)
    if rng.random() < 0.08:
        body = BODY_LISTS[0].format(body=body)
    created = _moment(rng, days)
    comment = Comment(
        revision=revision,
        clause=clause,
        author=author,
        unit=author.unit,
        unit_category=UnitCategory(category),
        type=CommentType(type_code),
        stance=Stance(stance) if stance else None,
        body=body,
        proposed=topic.proposed if rng.random() < 0.9 else "",
        reason=topic.reason,
        channel=Channel.ONLINE,
        consent=rng.choices(list(Consent), weights=(35, 25, 40))[0],
        official_position=official,
        status=CommentStatus.WITHDRAWN if rng.random() < 0.01 else CommentStatus.SUBMITTED,
        form_token=uuid.uuid4().hex,
        example=True,
        created_at=created,
        updated_at=created,
    )
    if official and category in ("CB", "AS", "TB") and rng.random() < 0.4:
        partners = [
            u
            for u in units.values()
            if u.category in (UnitCategory.CB, UnitCategory.AS) and u is not author.unit
        ]
        comment.cosigners = rng.sample(partners, rng.randint(1, 2))
    if clause is not None and topic.quote and topic.quote in clause.text:
        start = clause.text.index(topic.quote)
        end = start + len(topic.quote)
        comment.quote_exact, comment.quote_prefix, comment.quote_suffix = quote_context(
            clause.text, start, end
        )
        comment.quote_start, comment.quote_end = start, end
    return comment


def _category(user: User) -> str:
    return user.unit.category.value if user.unit is not None else "IP"


def _days(revision: Revision) -> list[date]:
    """The local days of the comment period; of a period still open, its first two weeks."""
    first = _local(revision.opens_at).date()
    last = (_local(revision.closes_at) - timedelta(seconds=1)).date()
    if revision.closes_at > utcnow():
        last = min(last, first + timedelta(days=13))
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _moment(rng, days: list[date]) -> datetime:
    """A working-hours moment, more of them near the deadline and fewer at weekends (UTC)."""
    weights = [
        (1 + 3 * (i / max(1, len(days) - 1)) ** 2) * (0.4 if day.weekday() >= 5 else 1)
        for i, day in enumerate(days)
    ]
    day = rng.choices(days, weights=weights)[0]
    hour = rng.choice((9, 10, 10, 11, 11, 14, 15, 15, 16, 16, 17, 20, 21, 22))
    local = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)), SHANGHAI)
    return local.astimezone(UTC).replace(tzinfo=None)


def _local(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC).astimezone(SHANGHAI)


def _consultation(revision: Revision, units: dict, people) -> None:
    """The units consulted by letter on the first day; one of them replies 无意见."""
    invited = datetime.combine(_local(revision.opens_at).date(), time(9), SHANGHAI)
    declared = datetime(2021, 1, 25, 10, 30, tzinfo=SHANGHAI)
    speaker = next(user for user, key in people if key == NO_COMMENTS_UNIT)
    for key in CONSULTED:
        row = RevisionUnit(
            revision=revision,
            unit=units[key],
            invited_at=invited.astimezone(UTC).replace(tzinfo=None),
            invite_channel="letter",
        )
        if key == NO_COMMENTS_UNIT:
            row.no_comments_at = declared.astimezone(UTC).replace(tzinfo=None)
            row.no_comments_by_id = speaker.id
        db.session.add(row)
