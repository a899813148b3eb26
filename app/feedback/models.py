"""What came in: every returned feedback form uploaded, kept until it is imported (so the same
file is never imported twice)."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import Unit, User, enum_column
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.measures.models import Revision


class FormImportState(enum.StrEnum):
    """Where a returned form is: uploaded and shown for review, or its rows stored."""

    PREVIEW = "preview"
    COMMITTED = "committed"


class FormImport(db.Model):
    """A returned feedback form (意见反馈表): kept from its upload (previewed) to its import
    (committed).

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
    # A string column of the values, as before the enum (no migration).
    state: Mapped[FormImportState] = mapped_column(
        enum_column(FormImportState, 10), default=FormImportState.PREVIEW
    )
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

    @property
    def committed(self) -> bool:
        return self.state == FormImportState.COMMITTED
