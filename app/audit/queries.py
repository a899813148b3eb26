"""Reading the audit trail: one object's history, and the filtered, paged search of the page."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.core.like import contains_pattern


def events_with_actors(query) -> list[AuditEvent]:
    """The events ``query`` selects, each with its actor loaded."""
    return list(db.session.scalars(query.options(joinedload(AuditEvent.actor))).unique())


def trail_for(target_type: str, target_id: int) -> list[AuditEvent]:
    """Everything recorded about one object, oldest first."""
    return events_with_actors(
        select(AuditEvent)
        .where(AuditEvent.target_type == target_type, AuditEvent.target_id == target_id)
        .order_by(AuditEvent.at, AuditEvent.id)
    )


def search_events(
    *,
    text: str | None = None,
    actor_id: int | None = None,
    actor: str | None = None,
    action: str | None = None,
    target_type: str | None = None,
    revision_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    page: int = 1,
    per_page: int = 50,
) -> tuple[list[AuditEvent], int]:
    """One page of the events that match every filter given, newest first, and how many match.

    ``text`` is looked for (case-insensitively) in the action, the target and the before and
    after values; ``actor`` in the actor's e-mail address or name. ``since`` (inclusive) and
    ``until`` (exclusive) are naive UTC.
    """
    # The account class through the relationship: accounts is a higher area than audit.
    actor_model = AuditEvent.actor.property.mapper.class_
    conditions = []
    if text and text.strip():
        pattern = contains_pattern(text.strip())
        matches = [
            AuditEvent.action.ilike(pattern, escape="\\"),
            AuditEvent.target_type.ilike(pattern, escape="\\"),
            AuditEvent.before.ilike(pattern, escape="\\"),
            AuditEvent.after.ilike(pattern, escape="\\"),
        ]
        if text.strip().isdigit():
            matches.append(AuditEvent.target_id == int(text.strip()))
        conditions.append(or_(*matches))
    if actor_id is not None:
        conditions.append(AuditEvent.actor_id == actor_id)
    if actor and actor.strip():
        pattern = contains_pattern(actor.strip())
        conditions.append(
            AuditEvent.actor.has(
                or_(
                    actor_model.email.ilike(pattern, escape="\\"),
                    actor_model.name.ilike(pattern, escape="\\"),
                )
            )
        )
    if action:
        conditions.append(AuditEvent.action == action)
    if target_type:
        conditions.append(AuditEvent.target_type == target_type)
    if revision_id is not None:
        conditions.append(AuditEvent.revision_id == revision_id)
    if since is not None:
        conditions.append(AuditEvent.at >= since)
    if until is not None:
        conditions.append(AuditEvent.at < until)
    total = db.session.scalar(select(func.count(AuditEvent.id)).where(*conditions))
    page = max(1, page)
    events = events_with_actors(
        select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return events, total
