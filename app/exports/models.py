"""What left the system: every download of a revision's outputs (what came in, the returned
feedback forms, is app.feedback.models.FormImport)."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
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
