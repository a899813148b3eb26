"""Example content of the team's work on the 认证人员管理办法 draft: what was said at the two
seminars, what came by letter and e-mail, and the answers the drafting team gave to the points
raised most often. Example data only; the units are the demo's example units.
"""

from datetime import date

from app.triage.models import Disposition, ResponseState

CB3 = "江苏某某检验认证有限公司（示例）"
TB3 = "南京某某质量培训学校（示例）"
CC2 = "苏州某某管理咨询有限公司（示例）"
RG1 = "某某市市场监督管理局认证监管处（示例）"
AS2 = "某某省认证认可协会（示例）"
CB4 = "广东某某认证服务有限公司（示例）"
CC1 = "广州某某企业管理咨询有限公司（示例）"
CC3 = "深圳某某标准化咨询服务有限公司（示例）"
RG2 = "某某省市场监督管理局认证认可处（示例）"
AS3 = "某某市质量协会（示例）"
CO1 = "某某电子科技股份有限公司（示例）"

# fmt: off
# (title, city, day, remarks); a remark: (person, unit, category, clause key, "type:stance",
# what was said, proposed wording)
SEMINARS = (
    ("《认证人员管理办法（征求意见稿）》南京座谈会", "南京", date(2021, 1, 15), (
        ("孙建华", CB3, "CB", "art16.p1", "te:amend", "与会审核员普遍反映，每年二十四学时的继续教育要求按年度考核不灵活，建议改为注册有效期内累计计算。", "注册有效期内累计不少于七十二学时。"),
        ("吴海燕", TB3, "TB", "art26.p1.i2", "te:oppose", "培训机构的骨干教师多为一线高级审核员，要求专职教师会使授课脱离审核实践，建议允许兼职教师授课。", ""),
        ("钱卫东", CB3, "CB", "art10.p2", "te:amend", "持续监视的方式建议由认证机构根据风险确定，可以采用记录审查、客户反馈等方式，不必每年现场见证。", ""),
        ("周红梅", CC2, "CC", "art32.p1.i2", "te:oppose", "五名专职咨询人员的备案门槛过高，苏南地区大量小微咨询机构将被迫退出，建议降为三名。", "（二）有三名以上专职认证咨询人员；"),
        ("陈志刚", RG1, "RG", "art4.p2", "te:amend", "基层市场监管部门缺少认证专业人员，建议省级部门统一组织认证人员执业检查，市县级部门配合。", ""),
        ("郑晓明", AS2, "AS", "art7.p1", "te:support", "赞成鼓励行业协会加强自律，建议明确协会可以开展执业行为评价和行业惩戒。", ""),
        ("孙建华", CB3, "CB", "art22.p1.i2", "te:amend", "审核人日由认证机构在合同评审中确定，审核员按计划执行，人日不足的责任应由认证机构承担。", ""),
        ("王丽娟", TB3, "TB", "art28.p2", "ed:amend", "年度报告于每年第一季度报送与财务审计时间冲突，建议改为四月三十日前。", "于每年四月三十日前"),
    )),
    ("《认证人员管理办法（征求意见稿）》广州座谈会", "广州", date(2021, 1, 20), (
        ("黄志强", CB4, "CB", "art15.p2", "te:amend", "延续注册要求在有效期届满三个月前申请过早，建议改为届满三十日前。", "应当在有效期届满三十日前申请延续注册。"),
        ("林小燕", CC1, "CC", "art3.p1.i6", "te:amend", "认证咨询机构的定义过宽，企业管理培训等服务也可能被认定为认证咨询，建议以帮助组织获得认证为目的界定。", ""),
        ("刘伟", CC3, "CC", "art33.p2", "te:oppose", "咨询人员同时为两家机构提供服务在珠三角很普遍，禁止规定缺乏必要性。", ""),
        ("梁家辉", RG2, "RG", "art37.p2", "te:support", "赞成双随机、一公开的监督检查方式，建议抽查比例由省级部门确定。", ""),
        ("何美玲", AS3, "AS", "art40.p1", "te:support", "建议信息平台同时公开认证人员的执业记录和专业领域，便于企业选择。", ""),
        ("张国庆", CO1, "CO", "art20.p1.i2.s3", "te:oppose", "远程审核全程录像可能泄露企业商业秘密，建议经受审核方同意后方可录像，并明确保存和使用限制。", ""),
        ("黄志强", CB4, "CB", "art18.p1", "te:oppose", "医疗器械、汽车等领域高水平审核员稀缺，只能在一个认证机构执业的规定过于绝对。", ""),
    )),
)

# (person, unit, category, channel, day received, clause key, text); the last one arrived
# after the period closed on 2021-02-08 and is flagged late.
LETTERS = (
    ("赵文博", AS2, "AS", "letter", date(2021, 2, 3), "art44.p3", "经协会会员单位讨论，认为对第二十二条所列行为一律处一万元以上罚款过重，建议区分情节，对初次违法且及时改正的予以警告。"),
    ("马丽", CC2, "CC", "email", date(2021, 2, 10), "art47.p1", "因春节前单位内部审批，意见反馈延迟。建议对小微咨询机构的初次违法行为从轻处罚。"),
)

# The drafting team's answers to the points raised most often, found by a phrase every comment
# of the group contains: (group title, disposition, reason, English reason, state reached).
ANSWERS = {
    "每年累计不少于二十四学时的要求偏高": (
        "继续专业发展学时按年度考核", Disposition.PARTLY,
        "第二稿改为注册有效期内累计不少于七十二学时，其中每年不少于十六学时，兼顾学习总量和连续性。",
        "The second draft requires at least 72 hours over the registration period, with at least 16 in each year.",
        ResponseState.PUBLISHED,
    ),
    "有效期届满三个月前”申请延续的要求过早": (
        "延续注册申请时限", Disposition.ADOPTED,
        "第二稿将延续注册的申请时限改为注册证书有效期届满三十日前。",
        "The second draft sets the deadline for renewal at 30 days before the certificate expires.",
        ResponseState.PUBLISHED,
    ),
    "要求申请注册时已与认证机构签订劳动合同": (
        "实习级别注册与劳动合同", Disposition.NOT_ADOPTED,
        "注册以在认证机构执业为前提，劳动关系是落实认证机构对认证人员管理责任的基础；拟入行人员可在签订劳动合同后申请实习级别注册，注册时限已缩短。",
        "",
        ResponseState.PUBLISHED,
    ),
    "审核人日数是认证机构在合同评审中确定的": (
        "审核人日不足的责任划分", Disposition.PARTLY,
        "第二稿明确认证机构擅自减少审核人日数的，由认证机构承担法律责任；认证人员明知人日数不足仍出具审核结论的，仍须承担相应责任。",
        "",
        ResponseState.APPROVED,
    ),
    "五名以上专职认证咨询人员的门槛对中小咨询机构过高": (
        "咨询机构备案人员门槛", Disposition.PARTLY,
        "备案所需专职认证咨询人员调整为三名以上，同时加强事中事后监管。",
        "",
        ResponseState.DRAFT,
    ),
    "认证咨询机构的定义过宽": (
        "认证咨询机构的定义", Disposition.ADOPTED,
        "第二稿以“帮助组织获得认证”为目的界定认证咨询服务。",
        "The second draft defines consulting by its purpose: helping an organisation obtain certification.",
        ResponseState.PUBLISHED,
    ),
    "“在一个认证机构执业”过于绝对": (
        "认证人员只能在一个认证机构执业", Disposition.NOT_ADOPTED,
        "《中华人民共和国认证认可条例》第三十六条规定认证人员不得同时在两个以上认证机构执业，本办法不能作出不同规定。",
        "Article 36 of the Regulations on Certification and Accreditation forbids practising in two bodies at once; these measures cannot provide otherwise.",
        ResponseState.PUBLISHED,
    ),
    "未按期申请延续即告失效过于严厉": (
        "延续注册宽限期", Disposition.PARTLY,
        "未设宽限期。第二稿增加第十五条之一，注册机构在注册证书有效期届满九十日前提醒认证人员办理延续注册；注册证书失效后重新申请注册的，原有审核或者检查经历连续计算。",
        "",
        ResponseState.DRAFT,
    ),
    "建议设置过渡期，并明确已注册人员": (
        "新旧制度衔接和过渡期", Disposition.ADOPTED,
        "第二稿在附则中增加过渡条款：已注册人员的注册证书在有效期内继续有效；已开展业务的培训机构、咨询机构自施行之日起六个月内完成备案。",
        "The second draft adds a transitional article: existing registrations stay valid until they expire; training and consulting bodies already in business file within six months.",
        ResponseState.PUBLISHED,
    ),
    "对第二十二条所列行为一律处一万元以上罚款": (
        "认证人员违反禁止性规定的罚则", Disposition.PARTLY,
        "第二稿将该款单列一条，列明情节严重的情形；认证人员能够证明系执行认证机构的安排并已书面提出异议的，依法从轻或者减轻处罚。罚款幅度未作调整。",
        "The second draft makes this paragraph an article of its own, lists the serious circumstances and mitigates the penalty of auditors who followed the body's instructions under written objection; the fines are unchanged.",
        ResponseState.PUBLISHED,
    ),
    "建议将网络在线学习": (
        "继续专业发展的活动形式", Disposition.ADOPTED,
        "第二稿将网络在线学习、带教实习审核员或者实习检查员列为继续专业发展活动。",
        "The second draft counts online learning and mentoring trainee auditors or inspectors as continuing professional development.",
        ResponseState.PUBLISHED,
    ),
    "如何折算学时未作规定": (
        "继续专业发展学时折算", Disposition.ADOPTED,
        "第二稿规定各类继续专业发展活动的学时折算办法由认证人员注册机构规定并公布。",
        "",
        ResponseState.PUBLISHED,
    ),
    "对认证人员权益的保障规定不足": (
        "认证人员的权益保障", Disposition.PARTLY,
        "第二稿增加第二十条：认证人员有权拒绝违反认证规则减少人日数、变更审核或者检查结论的要求，可以向注册机构或者市场监督管理部门反映，认证机构不得因此给予不利处理。劳动报酬等其他事项由劳动合同约定，本办法不作规定。",
        "A new Article 20 gives certified personnel the right to refuse cuts in person-days or changed conclusions and to report them, without retaliation; pay and other terms are left to the employment contract.",
        ResponseState.PUBLISHED,
    ),
    "“服从认证机构的管理”与第三项“保持独立性”之间存在张力": (
        "服从管理与独立执业", Disposition.PARTLY,
        "第十九条第五项未作修改；认证人员拒绝违反认证规则要求的权利，规定在第二稿新增的第二十条中。",
        "",
        ResponseState.APPROVED,
    ),
    "技术专家实践中多由行业退休工程师担任": (
        "技术专家的定义", Disposition.ADOPTED,
        "第二稿明确技术专家不单独实施审核或者检查，其工作时间不计入审核或者检查人日数。",
        "The second draft states that technical experts do not audit alone and that their time does not count as audit person-days.",
        ResponseState.PUBLISHED,
    ),
    "属于限制从业的处罚": (
        "停止执业处罚的设定依据", Disposition.ADOPTED,
        "部门规章不能设定停止执业、撤销执业资格的处罚。第二稿改为依照《中华人民共和国认证认可条例》的有关规定处罚。",
        "A ministerial rule cannot impose suspension or revocation of practice; the second draft refers to the penalties of the Regulations on Certification and Accreditation.",
        ResponseState.PUBLISHED,
    ),
    "意味着可以先培训后备案": (
        "培训机构的备案时点", Disposition.ADOPTED,
        "第二稿改为认证培训机构在开展培训前备案。",
        "The second draft requires training bodies to file before they start training.",
        ResponseState.PUBLISHED,
    ),
    "疫情期间网络远程培训已成常态": (
        "网络远程培训的核验要求", Disposition.ADOPTED,
        "第二稿规定网络远程培训按照认证人员注册机构规定的技术要求核验学员身份和学习过程。",
        "",
        ResponseState.PUBLISHED,
    ),
    "建议建立认证咨询人员能力评价制度": (
        "认证咨询人员能力评价", Disposition.ADOPTED,
        "第二稿增加一条，鼓励行业协会组织开展认证咨询人员能力评价，自愿参加。",
        "A new article encourages industry associations to evaluate the competence of consultants, on a voluntary basis.",
        ResponseState.PUBLISHED,
    ),
    "学历和工作经历要求未区分硕士、博士学历人员": (
        "高学历人员的工作经历要求", Disposition.ADOPTED,
        "第二稿规定具有硕士研究生以上学历的，具有二年以上全职工作经历即可申请审核员注册。",
        "",
        ResponseState.PUBLISHED,
    ),
    "认可评审员和资质认定评审员已有专门的管理要求": (
        "评审员参照本办法管理", Disposition.ADOPTED,
        "第二稿删除原第四十九条。认可评审员和资质认定评审员的管理另行规定。",
        "The second draft deletes former Article 49; assessors are governed by their own rules.",
        ResponseState.PUBLISHED,
    ),
}
# fmt: on
