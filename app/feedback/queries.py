"""What the feedback pages show, read from the database."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.accounts.models import Unit
from app.core.extensions import db
from app.feedback.models import FormImport


def imports_of(revision) -> list[FormImport]:
    """The forms uploaded for ``revision``, newest first, with who uploaded and the unit."""
    return db.session.scalars(
        select(FormImport)
        .where(FormImport.revision_id == revision.id)
        .options(joinedload(FormImport.uploaded_by), joinedload(FormImport.unit))
        .order_by(FormImport.uploaded_at.desc(), FormImport.id.desc())
    ).all()


def unit_named(name: str) -> Unit | None:
    """The unit of this name exactly (after trimming), if there is one."""
    return db.session.scalar(select(Unit).filter_by(name=name.strip()))


def units_by_name() -> list[Unit]:
    return db.session.scalars(select(Unit).order_by(Unit.name)).all()
