"""The project team's objects: groups (归并), responses (处理意见), seminars and notes.

A comment belongs to at most one group; a response answers either a group (and so every
member) or one comment. Only published responses reach participants.
"""

import enum
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User, enum_column
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.measures.models import Clause, Revision


class Disposition(enum.StrEnum):
    """处理意见: what the drafting team did with a comment."""

    ADOPTED = "adopted"  # 采纳
    PARTLY = "partly"  # 部分采纳
    NOT_ADOPTED = "not_adopted"  # 未采纳
    NOTED = "noted"  # 说明
    OUT_OF_SCOPE = "out_of_scope"  # 不属于本文件调整范围


DISPOSITION_LABELS = {
    Disposition.ADOPTED: _l("Adopted"),
    Disposition.PARTLY: _l("Partially adopted"),
    Disposition.NOT_ADOPTED: _l("Not adopted"),
    Disposition.NOTED: _l("Noted (explained)"),
    Disposition.OUT_OF_SCOPE: _l("Out of scope"),
}

# Partially adopted and not adopted must say why (DESIGN.md).
REASON_REQUIRED = frozenset({Disposition.PARTLY, Disposition.NOT_ADOPTED})


class ResponseState(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"


RESPONSE_STATE_LABELS = {
    ResponseState.DRAFT: _l("In draft"),
    ResponseState.APPROVED: _l("Approved"),
    ResponseState.PUBLISHED: _l("Published"),
}


class Event(db.Model):
    """A seminar (座谈会) or meeting of a revision's consultation, where comments were made."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(50), default="")
    held_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    revision: Mapped[Revision] = relationship()


class CommentGroup(db.Model):
    """归并: comments that say the same thing, answered together."""

    __tablename__ = "comment_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    clause_id: Mapped[int | None] = mapped_column(ForeignKey("clauses.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200), default="")
    similarity: Mapped[float | None]  # when accepted from a suggestion: its similarity
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    revision: Mapped[Revision] = relationship()
    clause: Mapped[Clause | None] = relationship()
    created_by: Mapped[User | None] = relationship()


class Response(db.Model):
    """处理意见: the team's answer to a group or to one comment, in Chinese and optionally
    English. Draft → approved (by a reviewer who did not write it) → published."""

    __tablename__ = "responses"
    __table_args__ = (
        CheckConstraint("(group_id IS NULL) <> (comment_id IS NULL)", name="group_or_comment"),
        Index("ix_responses_revision", "revision_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("comment_groups.id", ondelete="CASCADE"), unique=True
    )
    comment_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), unique=True
    )
    disposition: Mapped[Disposition] = mapped_column(enum_column(Disposition))
    reason: Mapped[str] = mapped_column(Text, default="")
    reason_en: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[ResponseState] = mapped_column(
        enum_column(ResponseState), default=ResponseState.DRAFT
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]
    published_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A reviewer's return to draft with remarks; set until the author saves the response again
    # (the audit trail keeps every return).
    return_remarks: Mapped[str] = mapped_column(Text, default="", server_default="")
    returned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    returned_at: Mapped[datetime | None]

    revision: Mapped[Revision] = relationship()
    group: Mapped[CommentGroup | None] = relationship()
    comment: Mapped["Comment | None"] = relationship(foreign_keys=[comment_id])  # noqa: F821
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    approver: Mapped[User | None] = relationship(foreign_keys=[approver_id])
    returned_by: Mapped[User | None] = relationship(foreign_keys=[returned_by_id])
    landings: Mapped[list["ResponseLanding"]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="ResponseLanding.id"
    )


class ResponseLanding(db.Model):
    """Where an adopted (采纳 / 部分采纳) answer's change landed: a clause of a later revision,
    named by key so that it survives the replacement of an unpublished revision."""

    __tablename__ = "response_landings"
    __table_args__ = (UniqueConstraint("response_id", "revision_id", "clause_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    clause_key: Mapped[str] = mapped_column(String(120))

    response: Mapped[Response] = relationship(back_populates="landings")
    revision: Mapped[Revision] = relationship()


class CommentNote(db.Model):
    """An internal note of the team on a comment; never shown to participants."""

    __tablename__ = "comment_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User] = relationship()
