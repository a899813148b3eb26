"""What the exports pages show, read from the database."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.core.extensions import db
from app.exports.models import Download

HISTORY = 50


def recent_downloads(revision, limit: int = HISTORY) -> list[Download]:
    """The last downloads of ``revision``'s outputs, newest first, with who downloaded."""
    return db.session.scalars(
        select(Download)
        .where(Download.revision_id == revision.id)
        .options(joinedload(Download.user))
        .order_by(Download.at.desc(), Download.id.desc())
        .limit(limit)
    ).all()
