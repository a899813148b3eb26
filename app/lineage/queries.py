"""Following a clause across revisions through the stored links."""

from __future__ import annotations

from sqlalchemy import select

from app.core.extensions import db
from app.lineage.models import ClauseLink
from app.measures.models import Clause


def successor_links(clause: Clause) -> list[ClauseLink]:
    """The links from ``clause`` into the next revision (several when it was split; one with
    ``to_key`` None when it was deleted; none when the next revision is not aligned)."""
    return list(
        db.session.scalars(
            select(ClauseLink)
            .where(
                ClauseLink.previous_revision_id == clause.revision_id,
                ClauseLink.from_key == clause.key,
            )
            .order_by(ClauseLink.id)
        )
    )


def predecessor_links(clause: Clause) -> list[ClauseLink]:
    """The links into ``clause`` from the previous revision (several when merged; one with
    ``from_key`` None when it is new)."""
    return list(
        db.session.scalars(
            select(ClauseLink)
            .where(ClauseLink.revision_id == clause.revision_id, ClauseLink.to_key == clause.key)
            .order_by(ClauseLink.id)
        )
    )
