"""A comment's history for the team's comment page: the audit rows about the comment, its
group and the responses that answer it."""

from __future__ import annotations

from sqlalchemy import and_, or_, select

from app.audit.models import AuditEvent
from app.audit.queries import events_with_actors
from app.triage.models import Response


def _mentions(event: AuditEvent, comment_id: int) -> bool:
    return any(
        comment_id in (data.get("comment_ids") or [])
        for data in (event.before_data, event.after_data)
    )


def trail_for_comment(comment) -> list[AuditEvent]:
    """A comment's history, oldest first: events about the comment, about its current group,
    about the responses that answer it (its own or its group's), and group events that name it
    in their ``comment_ids`` (a group it has since left)."""
    answering = [Response.comment_id == comment.id]
    if comment.group_id is not None:
        answering.append(Response.group_id == comment.group_id)
    response_ids = select(Response.id).where(or_(*answering)).scalar_subquery()
    about = [
        and_(AuditEvent.target_type == "comment", AuditEvent.target_id == comment.id),
        and_(AuditEvent.target_type == "response", AuditEvent.target_id.in_(response_ids)),
    ]
    if comment.group_id is not None:
        about.append(
            and_(AuditEvent.target_type == "group", AuditEvent.target_id == comment.group_id)
        )
    events = events_with_actors(select(AuditEvent).where(or_(*about)))
    # Former groups: the id is in the JSON text; the exact list is checked once parsed.
    needle = f"%{comment.id}%"
    former = [
        AuditEvent.target_type == "group",
        or_(AuditEvent.revision_id == comment.revision_id, AuditEvent.revision_id.is_(None)),
        or_(AuditEvent.after.like(needle), AuditEvent.before.like(needle)),
    ]
    if comment.group_id is not None:
        former.append(or_(AuditEvent.target_id.is_(None), AuditEvent.target_id != comment.group_id))
    former_events = events_with_actors(select(AuditEvent).where(*former))
    events += [event for event in former_events if _mentions(event, comment.id)]
    return sorted(events, key=lambda event: (event.at, event.id))
