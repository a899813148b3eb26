"""Comment (意见), its versions, attachments, co-signing units, and units' replies."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, and_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import Unit, UnitCategory, User, enum_column
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.measures.models import Clause, Revision


class CommentType(enum.StrEnum):
    """ISO's vocabulary: general, technical, editorial (总体/技术/编辑)."""

    GENERAL = "ge"
    TECHNICAL = "te"
    EDITORIAL = "ed"


class Stance(enum.StrEnum):
    """The commenter's position on the clause (赞成/反对/修改)."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    AMEND = "amend"


class Channel(enum.StrEnum):
    ONLINE = "online"
    SEMINAR = "seminar"
    LETTER = "letter"
    EMAIL = "email"
    FORM = "form"


class Consent(enum.StrEnum):
    """Publication consent: with the name, anonymously, or not at all."""

    NAMED = "named"
    ANONYMOUS = "anonymous"
    PRIVATE = "private"


class CommentStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"


TYPE_LABELS = {
    CommentType.GENERAL: _l("General"),
    CommentType.TECHNICAL: _l("Technical"),
    CommentType.EDITORIAL: _l("Editorial"),
}
STANCE_LABELS = {
    Stance.SUPPORT: _l("Support"),
    Stance.OPPOSE: _l("Oppose"),
    Stance.AMEND: _l("Amend"),
}
CHANNEL_LABELS = {
    Channel.ONLINE: _l("Online"),
    Channel.SEMINAR: _l("Seminar"),
    Channel.LETTER: _l("Letter"),
    Channel.EMAIL: _l("E-mail"),
    Channel.FORM: _l("Form import"),
}
CONSENT_LABELS = {
    Consent.NAMED: _l("Publish with my name and unit"),
    Consent.ANONYMOUS: _l("Publish anonymously"),
    Consent.PRIVATE: _l("Do not publish"),
}
STATUS_LABELS = {
    CommentStatus.SUBMITTED: _l("Submitted"),
    CommentStatus.WITHDRAWN: _l("Withdrawn"),
}


class CosignatureState(enum.StrEnum):
    """A co-signing unit's answer (联名确认): its name appears only once it confirmed."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    DECLINED = "declined"


class Cosignature(db.Model):
    """A unit named as co-signer (联名单位) of a comment. The author names it; the unit's
    confirmed representative (or the team, for a unit without one, e.g. on its signed letter)
    confirms or declines. Until confirmed the unit is not shown as a co-signer anywhere."""

    __tablename__ = "comment_cosigners"
    __table_args__ = (Index("ix_comment_cosigners_unit_state", "unit_id", "state"),)

    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[CosignatureState] = mapped_column(
        enum_column(CosignatureState, 10), default=CosignatureState.PENDING
    )
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None]
    reason: Mapped[str] = mapped_column(String(500), default="")  # why the team decided

    comment: Mapped["Comment"] = relationship(back_populates="cosignatures")
    unit: Mapped[Unit] = relationship()
    decided_by: Mapped[User | None] = relationship()


comment_cosigners = Cosignature.__table__


class Comment(db.Model):
    """A comment (意见) on a clause, a quoted span of it, or the draft as a whole.

    The unit and its category are copied as they were when the comment was written. The
    receipt (CP-R1-000123) is issued in the transaction that stores the comment and shown only
    after it commits; ``form_token`` makes a resent form store one comment, not two.
    """

    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_revision_clause", "revision_id", "clause_id"),
        Index("ix_comments_author", "author_id"),
        Index("ix_comments_author_content", "author_id", "content_sha256"),  # resubmissions
        Index("ix_comments_revision_group", "revision_id", "group_id"),
        Index("ix_comments_revision_created", "revision_id", "created_at"),
        Index("ix_comments_assignee", "assignee_id"),
        Index("ix_comments_event", "event_id"),
        Index("ix_comments_updated", "updated_at"),  # the search index catches up from it
        Index("ix_comments_split_source", "split_source_id"),  # was this letter split?
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    clause_id: Mapped[int | None] = mapped_column(ForeignKey("clauses.id", ondelete="CASCADE"))
    # None for a comment the team entered for someone without an account (author_name).
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author_name: Mapped[str] = mapped_column(String(100), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    unit_category: Mapped[UnitCategory] = mapped_column(enum_column(UnitCategory, 2))
    type: Mapped[CommentType] = mapped_column(enum_column(CommentType, 2))
    stance: Mapped[Stance | None] = mapped_column(enum_column(Stance))
    body: Mapped[str] = mapped_column(Text)
    proposed: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    quote_exact: Mapped[str] = mapped_column(Text, default="")
    quote_prefix: Mapped[str] = mapped_column(Text, default="")
    quote_suffix: Mapped[str] = mapped_column(Text, default="")
    quote_start: Mapped[int | None]
    quote_end: Mapped[int | None]
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), default=Channel.ONLINE)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    on_behalf_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime | None]  # when a letter, e-mail or seminar remark came in
    # Cut from a unit's letter (意见函) by the team: the file; the comment that carried it is
    # the file's (split_source.comment), so it is not stored twice.
    split_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachments.id", ondelete="SET NULL", use_alter=True)
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("comment_groups.id", ondelete="SET NULL")
    )
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    consent: Mapped[Consent] = mapped_column(enum_column(Consent), default=Consent.PRIVATE)
    official_position: Mapped[bool] = mapped_column(default=False)
    receipt: Mapped[str | None] = mapped_column(String(32), unique=True)
    content_sha256: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[CommentStatus] = mapped_column(
        enum_column(CommentStatus), default=CommentStatus.SUBMITTED
    )
    late: Mapped[bool] = mapped_column(default=False)
    form_token: Mapped[str] = mapped_column(String(64), unique=True)
    example: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    revision: Mapped[Revision] = relationship()
    clause: Mapped[Clause | None] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    on_behalf_by: Mapped[User | None] = relationship(foreign_keys=[on_behalf_by_id])
    split_source: Mapped["Attachment | None"] = relationship(foreign_keys=[split_source_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    unit: Mapped[Unit | None] = relationship()
    # The team's classes, named by string: comments do not import triage (app/models.py
    # imports every area's models so that the mappers resolve them).
    event: Mapped["Event | None"] = relationship()  # noqa: F821 (app.triage.models)
    group: Mapped["CommentGroup | None"] = relationship()  # noqa: F821 (app.triage.models)
    cosignatures: Mapped[list[Cosignature]] = relationship(
        back_populates="comment", cascade="all, delete-orphan", order_by=Cosignature.unit_id
    )
    # Only the units that confirmed: what every page and export shows as co-signers.
    cosigners: Mapped[list[Unit]] = relationship(
        secondary=comment_cosigners,
        primaryjoin=lambda: Comment.id == Cosignature.comment_id,
        secondaryjoin=lambda: and_(
            Unit.id == Cosignature.unit_id, Cosignature.state == CosignatureState.CONFIRMED
        ),
        order_by=Unit.name,
        viewonly=True,
    )
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="comment",
        cascade="all, delete-orphan",
        order_by="Attachment.id",
        foreign_keys="Attachment.comment_id",
    )
    versions: Mapped[list["CommentVersion"]] = relationship(
        back_populates="comment", cascade="all, delete-orphan", order_by="CommentVersion.number"
    )

    def cosignatures_in(self, state: CosignatureState) -> list[Cosignature]:
        return [c for c in self.cosignatures if c.state == state]

    @property
    def has_quote(self) -> bool:
        return bool(self.quote_exact)

    @property
    def author_label(self) -> str:
        """The person's name: their account's, or as the team recorded it."""
        return self.author.name if self.author is not None else self.author_name


class CommentVersion(db.Model):
    """An earlier text of an edited comment: edits keep their history."""

    __tablename__ = "comment_versions"
    __table_args__ = (UniqueConstraint("comment_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    number: Mapped[int]
    type: Mapped[CommentType] = mapped_column(enum_column(CommentType, 2))
    stance: Mapped[Stance | None] = mapped_column(enum_column(Stance))
    body: Mapped[str] = mapped_column(Text)
    proposed: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    quote_exact: Mapped[str] = mapped_column(Text, default="")
    consent: Mapped[Consent] = mapped_column(enum_column(Consent))
    content_sha256: Mapped[str] = mapped_column(String(64))
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)  # when this text was replaced
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    comment: Mapped[Comment] = relationship(back_populates="versions")


class Attachment(db.Model):
    """A file sent with a comment (PDF, DOCX, XLSX), kept in the database."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_comment", "comment_id"),)  # the queue's filter

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    stamped: Mapped[bool] = mapped_column(default=False)  # the unit's stamped position (盖章)
    # Up to 10 MB: read when the file is downloaded, not whenever a comment lists its files.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    comment: Mapped[Comment] = relationship(back_populates="attachments", foreign_keys=[comment_id])


class RevisionUnit(db.Model):
    """A unit's standing in a revision's consultation: invited (征求意见单位) and/or its
    declared reply. "Replied with comments" is read from its comments, not stored."""

    __tablename__ = "revision_units"
    __table_args__ = (UniqueConstraint("revision_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    invited_at: Mapped[datetime | None]
    invite_channel: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    no_comments_at: Mapped[datetime | None]  # the unit declared 无意见
    no_comments_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    revision: Mapped[Revision] = relationship()
    unit: Mapped[Unit] = relationship()
