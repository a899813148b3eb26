"""The only writer of the audit trail: ``record`` adds a row to the session, committed with the
change it describes; ``record_now`` is its one-statement form for the busiest write."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import inspect

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.core.timeutil import utcnow


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def _row(*, actor, action, target_type, target_id, before, after, revision_id, at) -> dict:
    return {
        "at": at or utcnow(),
        "actor_id": getattr(actor, "id", None),
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "revision_id": revision_id,
        "before": json.dumps(_plain(before or {}), ensure_ascii=False, sort_keys=True),
        "after": json.dumps(_plain(after or {}), ensure_ascii=False, sort_keys=True),
    }


def record(
    *,
    actor,
    action: str,
    target_type: str,
    target_id: int | None,
    before: dict | None = None,
    after: dict | None = None,
    revision_id: int | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Add one audit row to the session (committed with the change it describes)."""
    entry = AuditEvent(
        **_row(
            actor=actor,
            action=action,
            target_type=target_type,
            target_id=target_id,
            before=before,
            after=after,
            revision_id=revision_id,
            at=at,
        )
    )
    db.session.add(entry)
    return entry


def record_change(
    target, *, actor, action: str, before: dict | None = None, after: dict | None = None, at=None
) -> AuditEvent:
    """``record`` for a change to one stored object, whose kind is the action's first word
    (``group.rename`` is about a group): its id, and its revision when it belongs to one."""
    return record(
        actor=actor,
        action=action,
        target_type=action.partition(".")[0],
        target_id=target.id,
        before=before,
        after=after,
        revision_id=getattr(target, "revision_id", None),
        at=at,
    )


_INSERT_EVENT = AuditEvent.__table__.insert()


def record_now(
    *,
    actor,
    action: str,
    target_type: str,
    target_id: int | None,
    before: dict | None = None,
    after: dict | None = None,
    revision_id: int | None = None,
    at: datetime | None = None,
) -> None:
    """The same row as ``record``, inserted at once by one Core statement in the session's
    transaction (so committed, or rolled back, with the change it describes).

    For the comment POST, which writes its own rows with Core statements: an ORM object
    would cost it a unit-of-work flush at commit (bench/comment_load.py)."""
    db.session.execute(
        _INSERT_EVENT,
        _row(
            actor=actor,
            action=action,
            target_type=target_type,
            target_id=target_id,
            before=before,
            after=after,
            revision_id=revision_id,
            at=at,
        ),
    )


def changes(obj, fields: list[str]) -> tuple[dict, dict]:
    """Before and after values of ``fields`` that changed on a SQLAlchemy object (call before
    flushing): what ``record`` wants for an edit."""
    state = inspect(obj)
    before, after = {}, {}
    for name in fields:
        history = state.attrs[name].history
        if history.has_changes():
            before[name] = history.deleted[0] if history.deleted else None
            after[name] = history.added[0] if history.added else None
    return before, after
