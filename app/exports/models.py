"""What left the system and what came in: every download of a revision's outputs, and every
returned feedback form imported (so the same file is never imported twice)."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import Unit, User
from app.audit.models import keep_unchanged
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.measures.models import Revision


class Download(db.Model):
    """One file handed to someone: who, when, which revision, what and how, its SHA-256.

    Rows are only ever added: a download is a fact, like an audit event."""

    __tablename__ = "downloads"
    __table_args__ = (Index("ix_downloads_revision_at", "revision_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))  # summary.xlsx, iso.xlsx, form.docx …
    options: Mapped[dict] = mapped_column(JSON, default=dict)
    filename: Mapped[str] = mapped_column(String(200))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))

    user: Mapped[User] = relationship()
    revision: Mapped[Revision] = relationship()


keep_unchanged(Download)


class FormImport(db.Model):
    """A returned feedback form: kept from its upload (previewed) to its import (committed).

    The file itself is kept, as evidence of what the unit sent and so that the preview and
    the commit read the same bytes whichever process serves them. Its SHA-256 is unique per
    revision: the same file cannot be imported twice."""

    __tablename__ = "form_imports"
    __table_args__ = (UniqueConstraint("revision_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(200))
    size: Mapped[int]
    # Up to 10 MB: read only by the preview and the commit, never with the list of forms.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    state: Mapped[str] = mapped_column(String(10), default="preview")  # preview | committed
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    committed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    committed_at: Mapped[datetime | None]
    created: Mapped[int] = mapped_column(default=0)  # comments created
    skipped: Mapped[int] = mapped_column(default=0)

    revision: Mapped[Revision] = relationship()
    unit: Mapped[Unit | None] = relationship()
    uploaded_by: Mapped[User] = relationship(foreign_keys=[uploaded_by_id])
    committed_by: Mapped[User | None] = relationship(foreign_keys=[committed_by_id])
