"""Measure (办法), Revision (稿次) and Clause (条款): the tree everything else hangs on."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.extensions import db
from app.core.timeutil import utcnow
from app.legaltext.citations import standard_citation_en


class CommentVisibility(enum.StrEnum):
    """Whether the comments of a measure are published: never, after the period, at once."""

    NEVER = "never"
    AFTER = "after"
    AT_ONCE = "at_once"


VISIBILITY_LABELS = {
    CommentVisibility.NEVER: _l("Comments are not published."),
    CommentVisibility.AFTER: _l(
        "Comments are published after the comment period, as each author consents."
    ),
    CommentVisibility.AT_ONCE: _l(
        "Comments are published as they arrive, as each author consents."
    ),
}


class Measure(db.Model):
    """A draft measure under consultation (征求意见的办法或标准)."""

    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    drafting_unit: Mapped[str] = mapped_column(String(200), default="")
    drafting_unit_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    person_in_charge: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    comments_public: Mapped[CommentVisibility] = mapped_column(
        db.Enum(
            CommentVisibility,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
        ),
        default=CommentVisibility.NEVER,
    )
    names_public: Mapped[bool] = mapped_column(default=False)
    receipt_prefix: Mapped[str] = mapped_column(String(10), default="")  # CP in CP-R1-000123
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    revisions: Mapped[list["Revision"]] = relationship(
        back_populates="measure", order_by="Revision.number", cascade="all, delete-orphan"
    )

    def title_in(self, language: str) -> str:
        return self.title_en if language == "en" and self.title_en else self.title

    def drafting_unit_in(self, language: str) -> str:
        """The drafting unit's name in the reader's language; its Chinese name when it has no
        English one."""
        if language == "en" and self.drafting_unit_en:
            return self.drafting_unit_en
        return self.drafting_unit

    @property
    def publication_policy(self) -> str:
        """What a participant is told before choosing whether to consent to publication."""
        names = (
            _l("Names are shown where the author agreed.")
            if self.names_public
            else _l("Names are not shown.")
        )
        policy = str(VISIBILITY_LABELS[self.comments_public])
        if self.comments_public == CommentVisibility.NEVER:
            return policy
        # Chinese sentences follow each other without a space; English ones with one.
        return policy + ("" if policy.endswith("。") else " ") + str(names)

    @property
    def latest_revision(self) -> "Revision | None":
        """The newest revision, published or not (the team's next one may be in the works)."""
        return self.revisions[-1] if self.revisions else None

    @property
    def latest_published_revision(self) -> "Revision | None":
        """The newest revision the public may read."""
        published = [revision for revision in self.revisions if revision.is_published]
        return published[-1] if published else None


# The English names of the labels drafts of measures carry (规章制定程序 usage).
STANDARD_LABELS_EN = {
    "征求意见稿": "Draft for Comments",
    "草案征求意见稿": "Draft for Comments",
    "送审稿": "Draft for Review",
    "草案": "Draft",
    "修订稿": "Revised Draft",
    "第二稿": "Second Draft",
    "第三稿": "Third Draft",
    "第二次征求意见稿": "Second Draft for Comments",
    "报批稿": "Draft for Approval",
}


class Revision(db.Model):
    """One numbered text of a measure (征求意见稿, 第二稿 …) with its comment period."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("measure_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"))
    number: Mapped[int]
    label: Mapped[str] = mapped_column(String(100), default="")
    family: Mapped[str] = mapped_column(String(10))  # cn | en | std (legaltext families)
    opens_at: Mapped[datetime | None]  # naive UTC
    closes_at: Mapped[datetime | None]  # naive UTC, exclusive
    short_period_reason: Mapped[str] = mapped_column(Text, default="")
    extension_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    source_sha256: Mapped[str] = mapped_column(String(64))
    source_en_sha256: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[datetime | None]  # None: staff only, replaceable (see app/revisions)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The team confirmed the alignment with the previous revision (app/lineage).
    lineage_confirmed_at: Mapped[datetime | None]
    lineage_confirmed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    measure: Mapped[Measure] = relationship(back_populates="revisions")
    clauses: Mapped[list["Clause"]] = relationship(
        back_populates="revision", order_by="Clause.position", cascade="all, delete-orphan"
    )

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def has_english(self) -> bool:
        return self.source_en_sha256 is not None

    def is_open(self, now: datetime) -> bool:
        return bool(self.opens_at and self.closes_at and self.opens_at <= now < self.closes_at)

    def has_closed(self, now: datetime) -> bool:
        return bool(self.closes_at and now >= self.closes_at)

    def label_in(self, language: str) -> str:
        """The label in the reader's language: drafts give it in Chinese (征求意见稿), and the
        standard labels have a fixed English name; any other label is shown as written."""
        if language == "en":
            return STANDARD_LABELS_EN.get(self.label, self.label)
        return self.label


class Clause(db.Model):
    """A node of the draft's tree: part, chapter, section, article (条), paragraph (款),
    item (项), sub-item (目), annex or preamble. ``key`` (art12.p2.i3) is stable and readable."""

    __tablename__ = "clauses"
    __table_args__ = (
        UniqueConstraint("revision_id", "key"),
        Index("ix_clauses_revision_position", "revision_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("clauses.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[int | None]
    suffix: Mapped[int] = mapped_column(default=0)
    position: Mapped[int]
    deleted: Mapped[bool] = mapped_column(default=False)
    label: Mapped[str] = mapped_column(String(60), default="")
    caption: Mapped[str] = mapped_column(String(300), default="")
    citation: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    label_en: Mapped[str] = mapped_column(String(60), default="")
    caption_en: Mapped[str] = mapped_column(String(300), default="")
    citation_en: Mapped[str] = mapped_column(String(200), default="")
    text_en: Mapped[str] = mapped_column(Text, default="")

    revision: Mapped[Revision] = relationship(back_populates="clauses")
    parent: Mapped["Clause | None"] = relationship(remote_side=[id])

    def label_in(self, language: str) -> str:
        return self.label_en if language == "en" and self.label_en else self.label

    def caption_in(self, language: str) -> str:
        return self.caption_en if language == "en" and self.caption_en else self.caption

    def citation_in(self, language: str) -> str:
        if language != "en":
            return self.citation
        if self.citation_en:
            return self.citation_en
        if self.revision.family == "std":  # standards have no English source: "1 第2段" misread
            return standard_citation_en(self.citation)
        return self.citation

    def text_in(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text
