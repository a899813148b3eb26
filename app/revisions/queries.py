"""What the staff page of a revision shows: its clauses, its alignment, its trail."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from app.audit.models import AuditEvent
from app.audit.queries import events_with_actors
from app.core.extensions import db
from app.lineage.models import ClauseLink
from app.lineage.services import previous_revision
from app.measures.models import Clause, Revision


@dataclass(frozen=True)
class RevisionState:
    revision: Revision
    previous: Revision | None
    articles: int
    clauses: int
    link_counts: dict[str, int]  # LinkKind value -> links of this revision


def revision_state(revision: Revision) -> RevisionState:
    articles, clauses = db.session.execute(
        select(
            func.count().filter(Clause.kind == "article"),
            func.count(),
        ).where(Clause.revision_id == revision.id, Clause.deleted.is_(False))
    ).one()
    counts = dict(
        db.session.execute(
            select(ClauseLink.kind, func.count())
            .where(ClauseLink.revision_id == revision.id)
            .group_by(ClauseLink.kind)
        ).all()
    )
    return RevisionState(
        revision=revision,
        previous=previous_revision(revision),
        articles=articles,
        clauses=clauses,
        link_counts={getattr(kind, "value", kind): count for kind, count in counts.items()},
    )


def revision_trail(revision: Revision) -> list[AuditEvent]:
    """The revision's upload, replacements, publication, period changes and the alignment's
    corrections, oldest first."""
    return events_with_actors(
        select(AuditEvent)
        .where(
            or_(
                (AuditEvent.target_type == "revision") & (AuditEvent.target_id == revision.id),
                AuditEvent.revision_id == revision.id,
            ),
            or_(AuditEvent.action.like("revision.%"), AuditEvent.action.like("lineage.%")),
        )
        .order_by(AuditEvent.at, AuditEvent.id)
    )
