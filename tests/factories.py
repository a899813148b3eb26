"""Small builders for tests: draft files and stored revisions."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path

from app.core.extensions import db
from app.core.timeutil import zone
from app.legaltext import parse
from app.measures.services import import_revision, sha256_hex

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"
DEMO_ZH = DRAFTS / "certified-personnel-r1.zh.md"
DEMO_EN = DRAFTS / "certified-personnel-r1.en.md"
DEMO_STD = DRAFTS / "gbt-certification-personnel-competence.zh.md"

SHORT_BODY = """第一章　总则

第一条　为了规范认证活动，制定本办法。

第二条　本办法适用于认证人员。

认证机构应当遵守本办法。

第二章　附则

第三条　本办法下列用语的含义：

（一）认证，是指合格评定活动；

（二）审核员，是指经注册的人员。

第四条　本办法自发布之日起施行。
"""

# Three articles in two chapters, in both languages (the English is misaligned with
# SHORT_BODY's four articles, and aligned with THREE_ARTICLES_ZH).
THREE_ARTICLES_ZH = """第一章　总则

第一条　为了规范认证活动，制定本办法。

第二条　本办法适用于认证人员。

第二章　附则

第三条　本办法自发布之日起施行。
"""

THREE_ARTICLES_EN = """Chapter 1 General Provisions

Article 1

These Measures are formulated to regulate certification.

Article 2

These Measures apply to certified personnel.

Chapter 2 Supplementary Provisions

Article 3

These Measures shall take effect on the date of promulgation.
"""


def draft_text(body: str = SHORT_BODY, **meta: str) -> str:
    fields = {
        "measure": "sample-measure",
        "title": "样例管理办法（征求意见稿）",
        "revision": "1",
        "label": "征求意见稿",
        "opens": "2021-01-08",
        "closes": "2021-02-08",
        "language": "zh",
    }
    fields.update(meta)
    head = "\n".join(f"{key}: {value}" for key, value in fields.items() if value is not None)
    return f"---\n{head}\n---\n\n{body}"


def write_draft(folder: Path, name: str = "draft.md", body: str = SHORT_BODY, **meta) -> Path:
    path = folder / name
    path.write_text(draft_text(body, **meta), encoding="utf-8")
    return path


def make_revision(body: str = SHORT_BODY, **meta):
    """Parse and store a draft; returns the committed Revision."""
    text = draft_text(body, **meta)
    outcome = import_revision(
        document=parse(text), source_sha256=sha256_hex(text.encode()), tz=zone()
    )
    db.session.commit()
    return outcome.revision


def make_open_revision(**meta):
    """A revision whose comment period runs from five days ago to thirty days ahead."""
    from datetime import date, timedelta

    today = date.today()
    meta.setdefault("opens", (today - timedelta(days=5)).isoformat())
    meta.setdefault("closes", (today + timedelta(days=30)).isoformat())
    return make_revision(**meta)


def make_closed_revision(**meta):
    meta.setdefault("opens", "2021-01-08")
    meta.setdefault("closes", "2021-02-08")
    return make_revision(**meta)


_counter = {"unit": 0, "user": 0}


def make_unit(name: str | None = None, category: str = "CB", region: str = "北京市"):
    from app.accounts.models import Unit, UnitCategory

    _counter["unit"] += 1
    unit = Unit(
        name=name or f"测试认证有限公司{_counter['unit']}",
        category=UnitCategory(category),
        region=region,
    )
    db.session.add(unit)
    db.session.commit()
    return unit


PASSWORD = "correct horse battery staple"


def make_user(
    role: str = "participant",
    unit=None,
    email: str | None = None,
    name: str = "张三",
    *,
    verified: bool = False,
    representative: bool = False,
):
    """A user; ``representative`` makes a verified, confirmed representative of ``unit``."""
    from app.accounts.models import RepresentativeStatus, Role, User

    _counter["user"] += 1
    user = User(
        email=email or f"user{_counter['user']}@example.org",
        name=name,
        role=Role(role),
        unit=unit,
    )
    if verified or representative:
        user.email_verified_at = datetime(2021, 1, 4)
    if representative:
        user.representative = RepresentativeStatus.CONFIRMED
    user.password_hash = password_hash()  # session_version keeps its default, as set_password
    db.session.add(user)
    db.session.commit()
    return user


@cache
def password_hash() -> str:
    """PASSWORD hashed once for the session: scrypt is slow on purpose (0.1 s a user)."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash(PASSWORD)


def make_comment(
    revision, author, clause_key: str | None = None, body: str = "建议删除本条。", **fields
):
    """A stored comment with its receipt and checksum, written directly (any period)."""
    import secrets

    from app.accounts.models import UnitCategory
    from app.comments.models import Comment, CommentType, Consent
    from app.comments.receipts import content_sha256, receipt_for
    from app.measures.models import Clause

    clause = None
    if clause_key:
        clause = db.session.query(Clause).filter_by(revision_id=revision.id, key=clause_key).one()
    fields.setdefault("type", CommentType.GENERAL)
    fields.setdefault("consent", Consent.PRIVATE)
    comment = Comment(
        revision=revision,
        clause=clause,
        author=author,
        unit=author.unit,
        unit_category=author.unit.category if author.unit else UnitCategory.IP,
        body=body,
        form_token=secrets.token_urlsafe(24),
        **fields,
    )
    db.session.add(comment)
    db.session.flush()
    comment.receipt = receipt_for(comment)
    comment.content_sha256 = content_sha256(comment)
    db.session.commit()
    return comment


def make_group(revision, comments, title: str = "归并意见", by=None):
    """A group (归并) of stored comments of ``revision``."""
    from app.triage.models import CommentGroup

    group = CommentGroup(revision=revision, title=title, created_by=by)
    db.session.add(group)
    db.session.flush()
    for comment in comments:
        comment.group_id = group.id
    db.session.commit()
    return group


def make_response(target, author, disposition: str = "noted", reason: str = "已作说明。", **fields):
    """A response (处理意见) on a group or on one comment, in draft unless ``state`` says."""
    from app.triage.models import CommentGroup, Disposition, Response

    on_group = isinstance(target, CommentGroup)
    response = Response(
        revision_id=target.revision_id,
        group_id=target.id if on_group else None,
        comment_id=None if on_group else target.id,
        disposition=Disposition(disposition),
        reason=reason,
        author_id=author.id,
        **fields,
    )
    db.session.add(response)
    db.session.commit()
    return response


def make_event(revision, title: str = "南京座谈会", city: str = "南京", held_on=None):
    from datetime import date

    from app.triage.models import Event

    event = Event(
        revision_id=revision.id, title=title, city=city, held_on=held_on or date(2021, 1, 15)
    )
    db.session.add(event)
    db.session.commit()
    return event
