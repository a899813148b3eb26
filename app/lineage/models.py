"""ClauseLink: one edge of the alignment between a revision and the one before it."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User, enum_column
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.measures.models import Revision


class LinkKind(enum.StrEnum):
    """How a clause of the previous revision relates to one of the new revision."""

    SAME = "same"  # text unchanged after normalisation (the number may differ: renumbered)
    MODIFIED = "modified"
    SPLIT = "split"  # one old clause -> several new ones (one link per new clause)
    MERGED = "merged"  # several old clauses -> one new one (one link per old clause)
    NEW = "new"  # from_key is None
    DELETED = "deleted"  # to_key is None


LINK_KIND_LABELS = {
    LinkKind.SAME: _l("Unchanged"),
    LinkKind.MODIFIED: _l("Modified"),
    LinkKind.SPLIT: _l("Split"),
    LinkKind.MERGED: _l("Merged"),
    LinkKind.NEW: _l("New"),
    LinkKind.DELETED: _l("Deleted"),
}

#: Kinds that mean the text changed: the consistency check wants an answer for each.
CHANGED_KINDS = frozenset(
    {LinkKind.MODIFIED, LinkKind.SPLIT, LinkKind.MERGED, LinkKind.NEW, LinkKind.DELETED}
)


class ClauseLink(db.Model):
    """A link from a clause of ``previous_revision`` (``from_key``) to one of ``revision``
    (``to_key``). ``by_hand`` links were set by the team and are kept when the revision is
    replaced and aligned again (as long as both keys still exist)."""

    __tablename__ = "clause_links"
    __table_args__ = (
        Index("ix_clause_links_revision", "revision_id"),
        Index("ix_clause_links_previous_from", "previous_revision_id", "from_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    previous_revision_id: Mapped[int] = mapped_column(
        ForeignKey("revisions.id", ondelete="CASCADE")
    )
    from_key: Mapped[str | None] = mapped_column(String(120))
    to_key: Mapped[str | None] = mapped_column(String(120))
    kind: Mapped[LinkKind] = mapped_column(enum_column(LinkKind))
    score: Mapped[float] = mapped_column(default=0.0)
    by_hand: Mapped[bool] = mapped_column(default=False)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    revision: Mapped[Revision] = relationship(foreign_keys=[revision_id])
    previous_revision: Mapped[Revision] = relationship(foreign_keys=[previous_revision_id])
    set_by: Mapped[User | None] = relationship(foreign_keys=[set_by_id])
