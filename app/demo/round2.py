"""The demo's second consultation round on the 认证人员管理办法: revision 2 (第二稿,
drafts/certified-personnel-r2.*.md) open for comment in the demo's present, with a few first
comments on it, so that a newcomer finds the main measure open and can comment on it.

The draft file has no dates: its period is set when the demo is loaded (opened a week before,
closing thirty days after, Beijing days), once; the comments go through the participants' own
service, as if submitted in the days since it opened. Loading again changes nothing.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from app.accounts.models import User
from app.comments.models import Comment
from app.comments.quotes import quote_context
from app.comments.services import CommentInput, submit_comment
from app.core.extensions import db
from app.core.timeutil import local_day_end, local_day_start, to_local, utcnow
from app.demo.content import MAIN_SLUG, SHANGHAI
from app.demo.second_draft import review_second_draft
from app.measures.models import Clause
from app.measures.services import revision_of

ROUND = 2
OPENED_DAYS_AGO = 7
CLOSES_IN_DAYS = 30

# (days after opening, hour, author's e-mail local part, clause key or None, type:stance,
#  body, proposed wording, quote or "", consent, official position)
# fmt: off
COMMENTS = (
    (1, 10, "wang.jianguo", "art16.p1", "te:support",
     "第二稿将继续专业发展要求改为注册有效期内累计不少于七十二学时、每年不少于十六学时，兼顾了学习总量和连续性，我单位表示赞成。建议明确网络学习可计入的学时比例。",
     "", "注册有效期内累计不少于七十二学时", "named", False),
    (1, 15, "lv.na", "art3.p1.i6", "te:support",
     "经征求会员单位意见，认证咨询机构的定义以“帮助组织获得认证”为目的，与认证咨询活动的实际相符，范围比第一稿清晰，我会赞成。",
     "", "以帮助组织获得认证为目的", "named", True),
    (2, 11, "luo.cheng", "art15-1.p1", "te:amend",
     "第十五条之一规定注册机构提前九十日提醒延续注册，很有必要。但不少审核员很少登录注册信息系统，建议同时以短信或者电子邮件提醒。",
     "认证人员注册机构应当在认证人员注册证书有效期届满九十日前，通过注册信息系统并以短信或者电子邮件等方式提醒认证人员办理延续注册，并告知延续注册所需材料。",
     "", "anonymous", False),
    (3, 9, "chen.jing", "art15.p2", "te:amend",
     "延续注册的申请时限改为有效期届满三十日前后，注册机构的评价时间较紧，可能出现有效期已届满而延续决定尚未作出的情况。建议规定评价期间注册证书继续有效。",
     "在注册机构作出延续注册决定前，原注册证书继续有效。", "有效期届满三十日前", "private", False),
    (4, 14, "zheng.yu", "art23.p2", "te:amend",
     "第二十三条第二款区分了认证机构和认证人员在人日数不足时的责任，比第一稿合理。建议明确“明知”的认定标准，例如审核计划已载明人日数、认证人员已提出书面异议的，不属于明知。",
     "", "明知人日数不足", "anonymous", False),
    (5, 10, "hu.bin", "art32.p1.i2", "te:support",
     "备案所需专职认证咨询人员调整为三名以上，有利于中小咨询机构规范发展。建议同时要求专职认证咨询人员具有相应的咨询从业经历，防止人员挂名。",
     "", "", "named", False),
    (5, 16, "zhong.hua", None, "ge:",
     "第二稿吸收了第一次征求意见中的多数意见，并增加了过渡期规定。建议正式发布时一并公布意见采纳情况说明，对未采纳的意见逐条说明理由。",
     "", "", "named", False),
    (6, 11, "jiang.nan", "art45.p2", "ed:",
     "第二稿增加第二十条、第三十四条和第五十一条，合并原第二十二条、第二十三条，删除原第四十九条，条文序号变动较大。第四十五条第二款所引条号已经调整，但请逐条核对第七章其他条款所引条号，并在起草说明中附新旧条文序号对照表。",
     "", "第十九条、第二十一条或者第二十二条第一款", "named", False),
    (3, 16, "zhang.wei", "art20.p2", "te:amend",
     "我单位赞成保护认证人员依法执业。但实践中也可能有人以此对抗正常的绩效考核，建议明确“不利处理”限于因认证人员依法拒绝或者反映有关情况而作出的处理，认证机构依照劳动合同和内部制度进行的正常考核不受影响。",
     "", "降低其报酬或者给予其他不利处理", "named", True),
    (4, 10, "gao.feng", "art51.p2", "te:amend",
     "第二稿将专职认证咨询人员调整为三名以上，部分小微咨询机构仍需招聘人员才能完成备案，六个月的过渡期偏短，建议延长为十二个月。",
     "本办法施行前已经开展业务的认证培训机构、认证咨询机构，应当自本办法施行之日起十二个月内，依照本办法规定完成备案。",
     "六个月内", "anonymous", False),
    (5, 15, "tang.liang", "art46.p3", "te:support",
     "第四十六条第三款对执行认证机构安排并已书面提出异议的审核员从轻或者减轻处罚，回应了一线审核员的意见，赞成。建议注册信息系统提供书面异议的在线提交和存证功能，便于日后举证。",
     "", "并已向认证机构书面提出异议", "named", False),
)
# fmt: on


def load_second_round() -> list[str]:
    """Open revision 2 of the main measure in the demo's present and add its first comments,
    once. The caller commits."""
    revision = revision_of(MAIN_SLUG, ROUND)
    if revision is None:
        return [f"second round: skipped ({MAIN_SLUG} r{ROUND} is not stored)"]
    now = utcnow()
    lines = []
    if revision.opens_at is None:
        today = to_local(now, SHANGHAI).date()
        revision.opens_at = local_day_start(today - timedelta(days=OPENED_DAYS_AGO), SHANGHAI)
        revision.closes_at = local_day_end(today + timedelta(days=CLOSES_IN_DAYS), SHANGHAI)
        lines.append(f"second round: {MAIN_SLUG} r{ROUND} open for comment")
    lines += review_second_draft(revision)
    has_comments = db.session.scalar(
        select(func.count()).select_from(Comment).where(Comment.revision_id == revision.id)
    )
    if has_comments:
        return lines or ["second round: already there"]
    added = _comments(revision, now)
    lines.append(f"second round: {added} comments on {MAIN_SLUG} r{ROUND}")
    return lines


def _comments(revision, now: datetime) -> int:
    opened = to_local(revision.opens_at, SHANGHAI).date()
    clauses = {c.key: c for c in db.session.scalars(select(Clause).filter_by(revision=revision))}
    people = {
        user.email.split("@")[0]: user
        for user in db.session.scalars(select(User).where(User.example.is_(True)))
    }
    added = 0
    # in the order they arrived, so that receipts follow the days
    for day, hour, author, key, kind, body, proposed, quote, consent, official in sorted(
        COMMENTS, key=lambda row: row[:2]
    ):
        at = _utc(opened + timedelta(days=day), hour)
        if author not in people or at >= now:
            continue  # no example people (examples=False), or not yet in the demo's present
        clause = clauses[key] if key else None
        type_code, _, stance = kind.partition(":")
        data = CommentInput(
            body=body, type=type_code, stance=stance, proposed=proposed, consent=consent,
            official_position=official, form_token=uuid.uuid4().hex,
            **_quote(clause, quote),
        )  # fmt: skip
        comment = submit_comment(
            revision=revision, clause=clause, author=people[author], data=data,
            attachments=[], now=at,
        )  # fmt: skip
        comment.example = True
        added += 1
    db.session.flush()
    return added


def _utc(day: date, hour: int) -> datetime:
    """``hour`` o'clock of a Beijing ``day``, as the naive UTC the database keeps."""
    return datetime.combine(day, time(hour), SHANGHAI).astimezone(UTC).replace(tzinfo=None)


def _quote(clause, quote: str) -> dict:
    if clause is None or not quote:
        return {}
    start = clause.text.index(quote)  # the quotes are written from the draft: a miss is a bug
    exact, prefix, suffix = quote_context(clause.text, start, start + len(quote))
    return {"quote_exact": exact, "quote_prefix": prefix, "quote_suffix": suffix}
