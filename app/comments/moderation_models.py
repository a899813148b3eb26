"""Moderation of published comments: readers' reports (举报) and the team's hiding (隐藏).

Both only concern what the public sees. A hidden comment stays a submitted comment: in the
team's queue, its counts, its answer and every export (marked there); its hiding, with the
team's reason, is kept when it is unhidden (the row is closed, never deleted).
"""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User, enum_column
from app.comments.models import Comment
from app.core.extensions import db
from app.core.timeutil import utcnow


class ReportReason(enum.StrEnum):
    """Why a reader reports a published comment."""

    SPAM = "spam"  # 广告/无关
    ABUSE = "abuse"  # 人身攻击
    PRIVACY = "privacy"  # 泄露个人信息
    OTHER = "other"  # 其他 (the reader says what)


REPORT_REASON_LABELS = {
    ReportReason.SPAM: _l("Advertising or off-topic"),
    ReportReason.ABUSE: _l("Personal attack"),
    ReportReason.PRIVACY: _l("Discloses personal information"),
    ReportReason.OTHER: _l("Other"),
}


class ReportState(enum.StrEnum):
    """Open until the team decides: it hid the comment, or kept it public (dismissed)."""

    OPEN = "open"
    HIDDEN = "hidden"
    DISMISSED = "dismissed"


REPORT_STATE_LABELS = {
    ReportState.OPEN: _l("Open"),
    ReportState.HIDDEN: _l("Closed: comment hidden"),
    ReportState.DISMISSED: _l("Closed: comment kept public"),
}


class CommentReport(db.Model):
    """A reader's report of a published comment; one per reader and comment."""

    __tablename__ = "comment_reports"
    __table_args__ = (
        UniqueConstraint("comment_id", "reporter_id"),
        Index("ix_comment_reports_state_comment", "state", "comment_id"),  # the queue's filter
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[ReportReason] = mapped_column(enum_column(ReportReason, 10))
    details: Mapped[str] = mapped_column(String(1000), default="")
    state: Mapped[ReportState] = mapped_column(
        enum_column(ReportState, 10), default=ReportState.OPEN
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    comment: Mapped[Comment] = relationship()
    reporter: Mapped[User] = relationship(foreign_keys=[reporter_id])
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])


class CommentHiding(db.Model):
    """The team hid a comment from the public, with its reason for the team and the author.
    Current while ``unhidden_at`` is empty; unhiding closes the row, which stays."""

    __tablename__ = "comment_hidings"
    __table_args__ = (Index("ix_comment_hidings_comment", "comment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    hidden_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    hidden_at: Mapped[datetime] = mapped_column(default=utcnow)
    unhidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    unhidden_at: Mapped[datetime | None]

    comment: Mapped[Comment] = relationship()
    hidden_by: Mapped[User] = relationship(foreign_keys=[hidden_by_id])
    unhidden_by: Mapped[User | None] = relationship(foreign_keys=[unhidden_by_id])


# The comments hidden now, and those with an open report: non-correlated INs, as the queue's
# other sets (both engines build each set once per statement).
HIDDEN_NOW = Comment.id.in_(
    select(CommentHiding.comment_id).where(CommentHiding.unhidden_at.is_(None))
)
REPORTED_NOW = Comment.id.in_(
    select(CommentReport.comment_id).where(CommentReport.state == ReportState.OPEN)
)
