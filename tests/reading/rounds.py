"""Two revisions of one small measure, aligned, for the reading tests of issue 13.

Revision 2 inserts an article (so the rest renumber), rewrites one, splits one in two.
"""

from __future__ import annotations

from app.core.extensions import db
from app.lineage.models import ClauseLink, LinkKind
from app.lineage.services import align_revision
from tests.factories import make_revision

FIRST = """第一条　为了规范认证人员的管理，制定本办法。

第二条　认证人员应当具备相应的专业能力。

第三条　认证机构应当对认证人员进行培训和考核，考核不合格的，不得从事认证活动。

第四条　本办法自发布之日起施行。
"""

SECOND = """第一条　为了规范认证人员的管理，制定本办法。

第二条　国家认证认可监督管理部门负责认证人员的统一管理工作。

第三条　认证人员应当具备相应的专业能力和良好的职业道德。

第四条　认证机构应当对认证人员进行培训和考核。

第五条　考核不合格的认证人员，不得从事认证活动。

第六条　本办法自发布之日起施行。
"""


def aligned_by_hand(revision, previous, pairs, kind: LinkKind) -> None:
    """Links (from, to) set by the team on the lineage page, then the automatic alignment of
    the rest, as ``align_revision`` keeps hand links."""
    for from_key, to_key in pairs:
        db.session.add(
            ClauseLink(
                revision_id=revision.id,
                previous_revision_id=previous.id,
                from_key=from_key,
                to_key=to_key,
                kind=kind,
                score=0.8,
                by_hand=True,
            )
        )
    db.session.flush()
    align_revision(revision=revision)
    db.session.commit()


def two_revisions(*, second_opens="2021-03-01", second_closes="2021-04-01"):
    """Revision 1 (征求意见稿, closed) and revision 2 (第二稿), aligned; revision 1's 第三条
    split into revision 2's 第四条 and 第五条, as the team would set it by hand."""
    first = make_revision(FIRST)
    second = make_revision(
        SECOND, revision="2", label="第二稿", opens=second_opens, closes=second_closes
    )
    aligned_by_hand(second, first, [("art3", "art4"), ("art3", "art5")], LinkKind.SPLIT)
    return first, second


THIRD = """第一条　为了规范认证人员的管理，制定本办法。

第二条　认证人员应当具备相应的专业能力和良好的职业道德。

第三条　认证机构应当对认证人员进行培训和考核，考核不合格的认证人员，不得从事认证活动。

第四条　本办法自发布之日起施行。
"""


def third_revision(second):
    """Revision 3 (送审稿, no period): revision 2's 第二条 deleted, its 第四条 and 第五条 merged
    again into 第三条 (set by hand), the rest renumbered."""
    third = make_revision(THIRD, revision="3", label="送审稿", opens=None, closes=None)
    aligned_by_hand(third, second, [("art4", "art3"), ("art5", "art3")], LinkKind.MERGED)
    return third
