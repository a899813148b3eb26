"""A second revision of the sample measure (tests.factories.SHORT_BODY), aligned with the first.

What changed, as the team would write it down: 第一条 unchanged; 第二条 inserted; old 第二条
became 第三条 (first paragraph unchanged, second reworded); old 第三条 became 第四条 unchanged;
old 第四条 became 第五条, reworded.
"""

from __future__ import annotations

from app.core.extensions import db
from app.legaltext import parse
from app.lineage.services import align_revision
from app.measures.services import _add_clauses
from tests.factories import draft_text, make_closed_revision, make_revision

SECOND_BODY = """第一章　总则

第一条　为了规范认证活动，制定本办法。

第二条　认证人员应当诚实守信，不得出具虚假结论。

第三条　本办法适用于认证人员。

认证机构应当遵守本办法和国家有关规定。

第二章　附则

第四条　本办法下列用语的含义：

（一）认证，是指合格评定活动；

（二）审核员，是指经注册的人员。

第五条　本办法自公布之日起施行。
"""


def two_revisions(*, published: bool = False):
    """Revision 1 (closed) and revision 2 (unpublished unless ``published``), aligned."""
    first = make_closed_revision()
    second = make_revision(SECOND_BODY, revision="2", label="第二稿", opens=None, closes=None)
    if not published:
        second.published_at = None
    align_revision(revision=second)
    db.session.commit()
    return first, second


def replace_text(revision, body: str) -> None:
    """Store ``body`` as the text of ``revision`` in place of the old one, clauses afresh (as
    replacing an unpublished revision does); the caller aligns again."""
    revision.clauses.clear()
    db.session.flush()
    _add_clauses(revision, parse(draft_text(body, revision=str(revision.number))))
    db.session.flush()


def link_map(links) -> set[tuple]:
    """The links as (from, to, kind) triples, whatever their ids and scores."""
    return {(k.from_key, k.to_key, getattr(k.kind, "value", k.kind)) for k in links}
