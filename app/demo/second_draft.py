"""What the demo's team did with the 第二稿 once it was imported: the alignment with the
征求意见稿 reviewed by hand and confirmed, and the round-one answers that adopted a comment
tied to the clauses of the 第二稿 where the change landed.

Data first (what a reviewer of the demo can check against drafts/certified-personnel-r2.*),
then one small function per step. Each step runs once: loading the demo again changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.accounts.models import Role, User
from app.core.extensions import db
from app.lineage.corrections import confirm_alignment, set_link
from app.lineage.models import LinkKind
from app.lineage.services import (
    align_revision,
    links_of,
    previous_revision,
)
from app.measures.models import Revision
from app.triage.landings import set_landings
from app.triage.models import CommentGroup, Response, ResponseLanding

# The structure of the 第二稿 against the 征求意见稿, r1 key -> r2 key:
#   inserted  -> art15-1 (之一: renewal reminder), art20 (the auditor's right to refuse),
#                art34 (consultant evaluation), art51 (transition); the articles after an
#                insertion renumber (art20 -> art21, art21 -> art22; art34 -> art35 ...
#                art43 -> art44; art45 -> art47 ... art48 -> art50; art50 -> art52)
#   split     art44 -> art45 (two bodies at once; procedural breaches) + art46 (the acts of
#                art23(1), with the serious circumstances and a mitigation)
#   merged    art22 + art23 -> art23 (the prohibited acts and the confidentiality that
#                outlives the job; art23(1) repeated item (七) and is gone)
#   deleted   art49 (assessors of accreditation "by reference to these Measures")
#
# The links the team set by hand where the automatic alignment cannot see the structure
# (a split, a merge, a paragraph that moved into another article): (from, to, kind).
HAND_LINKS = (
    ("art44", "art45", LinkKind.SPLIT),
    ("art44", "art46", LinkKind.SPLIT),
    ("art44.p3", "art46.p1", LinkKind.MODIFIED),  # the reference renumbered to 第二十三条第一款
    (None, "art46.p2", LinkKind.NEW),
    (None, "art46.p3", LinkKind.NEW),
    ("art22", "art23", LinkKind.MERGED),
    ("art23", "art23", LinkKind.MERGED),
    ("art23.p1", None, LinkKind.DELETED),  # said again what item (七) of art23(1) says
    ("art23.p2", "art23.p3", LinkKind.MODIFIED),
)
ALIGNMENT_CONFIRMED_BEFORE_OPENING = timedelta(days=3)

# Where each round-one answer that adopted a comment (采纳 / 部分采纳) landed in the 第二稿,
# by the answer's group title (app/demo/seminars.py ANSWERS) -> keys of revision 2.
# - 培训机构的备案时点 is DELIBERATELY adopted but unchanged: the answer says training bodies
#   now file before they start, but art26.p2 of the 第二稿 still says within thirty days —
#   the slip the consistency check exists to catch.
# - 评审员参照本办法管理 adopted a deletion: nothing of it is left in the 第二稿 to name.
# Changes no answer explains, as in a real second draft: the references renumbered in
# art45.p2 and art49.p1 (and art46.p1), and old art23.p2 merged into art23.p3, the
# drafters' own tidying that no comment asked for.
LANDINGS = {
    "继续专业发展学时按年度考核": ("art16.p1",),
    "延续注册申请时限": ("art15.p2",),
    "审核人日不足的责任划分": ("art23.p1.i2", "art23.p2"),
    "咨询机构备案人员门槛": ("art32.p1.i2",),
    "认证咨询机构的定义": ("art3.p1.i6",),
    "延续注册宽限期": ("art15-1", "art15.p3"),
    "新旧制度衔接和过渡期": ("art51",),
    "认证人员违反禁止性规定的罚则": ("art46.p2", "art46.p3"),
    "继续专业发展的活动形式": ("art16.p2",),
    "继续专业发展学时折算": ("art16.p2",),
    "认证人员的权益保障": ("art20",),
    "服从管理与独立执业": ("art20.p1",),
    "技术专家的定义": ("art3.p1.i4",),
    "停止执业处罚的设定依据": ("art45.p1",),
    "培训机构的备案时点": ("art26.p2",),  # adopted, text unchanged (see above)
    "网络远程培训的核验要求": ("art27.p1.i1.s3",),
    "认证咨询人员能力评价": ("art34",),
    "高学历人员的工作经历要求": ("art9.p1.i3.s1",),
    "评审员参照本办法管理": (),  # the article is deleted
}


def align_new_revisions(revisions: list[Revision]) -> list[str]:
    """Align each revision that has a previous one and no links yet (as importing a revision
    N+1 does); returns lines for the command's output."""
    lines = []
    for revision in revisions:
        if previous_revision(revision) is None or links_of(revision):
            continue
        links = align_revision(revision=revision)
        lines.append(f"lineage: r{revision.number} aligned ({len(links)} links)")
    return lines


def review_second_draft(revision: Revision) -> list[str]:
    """The team's review of the alignment (hand links, confirmation) and the landings of the
    round-one answers, once."""
    team = db.session.scalar(
        select(User).where(User.role == Role.TEAM, User.example.is_(True)).order_by(User.id)
    )
    if team is None:
        return ["lineage review: skipped (no example team account)"]
    lines = []
    if revision.lineage_confirmed_at is None:
        reviewed_at = revision.opens_at - ALIGNMENT_CONFIRMED_BEFORE_OPENING
        _hand_links(revision, team, reviewed_at)
        confirm_alignment(revision=revision, actor=team, now=reviewed_at)
        lines.append(f"lineage: r{revision.number} reviewed by hand and confirmed")
    landed = db.session.scalar(
        select(ResponseLanding.id).where(ResponseLanding.revision_id == revision.id).limit(1)
    )
    if landed is None:
        count = _landings(revision, team, revision.opens_at - ALIGNMENT_CONFIRMED_BEFORE_OPENING)
        lines.append(f"lineage: {count} answers tied to the clauses of r{revision.number}")
    db.session.flush()
    return lines


def _hand_links(revision: Revision, team: User, now) -> None:
    """The links of HAND_LINKS set as the team sets them on the review page (each audited,
    the automatic alignment redone around it)."""
    for from_key, to_key, kind in HAND_LINKS:
        set_link(
            revision=revision, from_key=from_key, to_key=to_key, kind=kind, actor=team, now=now
        )


def _landings(revision: Revision, team: User, now) -> int:
    """The keys of LANDINGS set as the team sets them on an answer's page (checked against
    the 第二稿, audited)."""
    previous = previous_revision(revision)
    responses = db.session.execute(
        select(CommentGroup.title, Response)
        .join(Response, Response.group_id == CommentGroup.id)
        .where(CommentGroup.revision_id == previous.id, CommentGroup.title.in_(LANDINGS))
    ).all()
    for title, response in responses:
        if LANDINGS[title]:
            set_landings(
                response=response, revision=revision, keys=LANDINGS[title], actor=team, now=now
            )
    return sum(1 for title, _ in responses if LANDINGS[title])
