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
        "延续注册宽限期", Disposition.NOTED,
        "注册证书有效期届满前，注册机构将通过信息平台提前提醒；逾期的可以重新申请注册，审核经历连续计算。",
        "",
        ResponseState.DRAFT,
    ),
}
# fmt: on
