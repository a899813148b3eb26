"""The audit trail: every change the team makes, with who, when, before and after.

``record`` is the only writer. Rows are never changed or deleted through the application:
the model refuses an UPDATE or DELETE of a stored row.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.extensions import db
from app.timeutil import utcnow


class AuditEvent(db.Model):
    """One recorded change (审计记录). ``before`` and ``after`` are JSON objects of the fields
    that changed (or of the whole object when it was created or removed)."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_target", "target_type", "target_id"),
        Index("ix_audit_events_at", "at"),
        Index("ix_audit_events_revision", "revision_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(50))
    target_type: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[int | None]
    revision_id: Mapped[int | None] = mapped_column(ForeignKey("revisions.id", ondelete="SET NULL"))
    before: Mapped[str] = mapped_column(Text, default="{}")
    after: Mapped[str] = mapped_column(Text, default="{}")

    actor: Mapped[User | None] = relationship()

    @property
    def before_data(self) -> dict:
        return json.loads(self.before or "{}")

    @property
    def after_data(self) -> dict:
        return json.loads(self.after or "{}")


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_changes(_mapper, _connection, target):
    raise PermissionError(f"audit event {target.id} cannot be changed or deleted")


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
        at=at or utcnow(),
        actor_id=getattr(actor, "id", None),
        action=action,
        target_type=target_type,
        target_id=target_id,
        revision_id=revision_id,
        before=json.dumps(_plain(before or {}), ensure_ascii=False, sort_keys=True),
        after=json.dumps(_plain(after or {}), ensure_ascii=False, sort_keys=True),
    )
    db.session.add(entry)
    return entry


def changes(obj, fields: list[str]) -> tuple[dict, dict]:
    """Before and after values of ``fields`` that changed on a SQLAlchemy object (call before
    flushing): what ``record`` wants for an edit."""
    from sqlalchemy import inspect

    state = inspect(obj)
    before, after = {}, {}
    for name in fields:
        history = state.attrs[name].history
        if history.has_changes():
            before[name] = history.deleted[0] if history.deleted else None
            after[name] = history.added[0] if history.added else None
    return before, after
