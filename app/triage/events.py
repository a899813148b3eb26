"""Seminars (座谈会) and other meetings of a revision's consultation: create and edit."""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.audit.writer import changes, record
from app.core.extensions import db
from app.core.refusal import Refused
from app.measures.models import Revision
from app.triage.models import Event

EVENT_FIELDS = ["title", "city", "held_on"]


def revision_events(revision: Revision) -> list[Event]:
    """The revision's events, latest first (the one being entered is usually the newest)."""
    return list(
        db.session.scalars(
            select(Event)
            .where(Event.revision_id == revision.id)
            .order_by(Event.held_on.desc(), Event.id.desc())
        )
    )


def _clean(title: str, city: str) -> tuple[str, str]:
    title, city = (title or "").strip(), (city or "").strip()
    if not title:
        raise Refused(_l("Please give the event a title."))
    if len(title) > 200 or len(city) > 50:
        raise Refused(_l("The title or the city is too long."))
    return title, city


def create_event(
    *, revision: Revision, actor, title: str, city: str, held_on: date, now: datetime
) -> Event:
    """Add an event to the revision (audited ``event.create``)."""
    title, city = _clean(title, city)
    event = Event(
        revision_id=revision.id,
        title=title,
        city=city,
        held_on=held_on,
        created_by_id=actor.id,
        created_at=now,
    )
    db.session.add(event)
    db.session.flush()
    record(
        actor=actor,
        action="event.create",
        target_type="event",
        target_id=event.id,
        after={"title": title, "city": city, "held_on": held_on},
        revision_id=revision.id,
        at=now,
    )
    return event


def edit_event(*, event: Event, actor, title: str, city: str, held_on: date, now: datetime) -> bool:
    """Change an event's title, city or date (audited ``event.edit``); False if unchanged."""
    event.title, event.city = _clean(title, city)
    event.held_on = held_on
    before, after = changes(event, EVENT_FIELDS)
    if not after:
        return False
    db.session.flush()
    record(
        actor=actor,
        action="event.edit",
        target_type="event",
        target_id=event.id,
        before=before,
        after=after,
        revision_id=event.revision_id,
        at=now,
    )
    return True
