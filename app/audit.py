"""The audit trail: every change made through the platform (by the team, admins and
participants), with who, when, before and after.

``record`` (and ``record_now``, its one-statement form for the busiest write) is the only
writer. Rows are never changed or deleted through the application: the model refuses an
UPDATE or DELETE of a stored row. ``app.audit_display`` puts the rows into words for pages.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, Text, and_, event, func, or_, select
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship

from app.accounts.models import User
from app.extensions import db
from app.timeutil import utcnow

# What each recorded action is called on the pages; an action missing here is shown as stored.
ACTION_LABELS = {
    "user.create": _l("Account created"),
    "user.role": _l("Role changed"),
    "user.active": _l("Account activated or deactivated"),
    "user.representative": _l("Unit representative confirmed or declined"),
    "sign_in.lock": _l("Sign-in paused after failed attempts"),
    "measure.publication": _l("Publication settings changed"),
    "measure.edit": _l("Measure details changed"),
    "revision.period": _l("Comment period changed"),
    "revision.extend": _l("Comment period extended"),
    "comment.submit": _l("Comment submitted"),
    "comment.edit": _l("Comment edited by its author"),
    "comment.withdraw": _l("Comment withdrawn"),
    "unit.no_comments": _l("Unit declared it has no comments"),
    "comment.assign": _l("Comment assigned"),
    "comment.enter": _l("Comment entered on behalf"),
    "comment.edit_on_behalf": _l("Comment edited on behalf"),
    "comment.note": _l("Internal note added"),
    "comment.cosignature": _l("Co-signature confirmed or declined"),
    "group.create": _l("Group created"),
    "group.add": _l("Comments added to group"),
    "group.remove": _l("Comments removed from group"),
    "group.merge": _l("Groups merged"),
    "group.rename": _l("Group renamed"),
    "group.dissolve": _l("Group dissolved"),
    "response.draft": _l("Response drafted"),
    "response.edit": _l("Response edited"),
    "response.approve": _l("Response approved"),
    "response.return": _l("Response returned to draft with remarks"),
    "response.publish": _l("Response published"),
    "response.unpublish": _l("Response withdrawn from publication"),
    "response.delete": _l("Response deleted"),
    "event.create": _l("Seminar recorded"),
    "event.edit": _l("Seminar edited"),
    "unit.create": _l("Unit created"),
    "unit.edit": _l("Unit details changed"),
    "unit.merge": _l("Duplicate unit merged"),
    "consulted.add": _l("Consulted unit added"),
    "consulted.remove": _l("Consulted unit removed"),
    "consulted.no_comments": _l("Unit replied with no comments"),
    "form.upload": _l("Feedback form uploaded"),
    "form.discard": _l("Uploaded feedback form discarded"),
    "form.import": _l("Feedback form imported"),
}

TARGET_LABELS = {
    "user": _l("Account"),
    "measure": _l("Measure"),
    "revision": _l("Revision"),
    "comment": _l("Comment"),
    "group": _l("Group"),
    "response": _l("Response"),
    "event": _l("Seminar"),
    "unit": _l("Unit"),
    "sign_in": _l("Sign in"),  # a lock on an e-mail address that no account has
    "form_import": _l("Feedback form"),
}


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

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def target_label(self) -> str:
        return TARGET_LABELS.get(self.target_type, self.target_type)

    @property
    def change_lines(self) -> list[tuple[str, str, str]]:
        """(field, before, after) for every field either side names, as display text."""
        before, after = self.before_data, self.after_data
        fields = list(before) + [name for name in after if name not in before]
        return [
            (name, _shown(before.get(name)), _shown(after.get(name)))
            for name in fields
            if name in after or name in before
        ]


def keep_unchanged(model) -> None:
    """Make ``model``'s rows insert-only through the ORM: an update or delete raises."""
    event.listen(model, "before_update", _refuse_changes)
    event.listen(model, "before_delete", _refuse_changes)


def _refuse_changes(_mapper, _connection, target):
    raise PermissionError(f"{target.__tablename__} row {target.id} cannot be changed or deleted")


keep_unchanged(AuditEvent)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


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
    from sqlalchemy import inspect

    state = inspect(obj)
    before, after = {}, {}
    for name in fields:
        history = state.attrs[name].history
        if history.has_changes():
            before[name] = history.deleted[0] if history.deleted else None
            after[name] = history.added[0] if history.added else None
    return before, after


# Reading the trail ---------------------------------------------------------------------------


def _events(query) -> list[AuditEvent]:
    return list(db.session.scalars(query.options(joinedload(AuditEvent.actor))).unique())


def trail_for(target_type: str, target_id: int) -> list[AuditEvent]:
    """Everything recorded about one object, oldest first."""
    return _events(
        select(AuditEvent)
        .where(AuditEvent.target_type == target_type, AuditEvent.target_id == target_id)
        .order_by(AuditEvent.at, AuditEvent.id)
    )


def _mentions(event: AuditEvent, comment_id: int) -> bool:
    return any(
        comment_id in (data.get("comment_ids") or [])
        for data in (event.before_data, event.after_data)
    )


def trail_for_comment(comment) -> list[AuditEvent]:
    """A comment's history, oldest first: events about the comment, about its current group,
    about the responses that answer it (its own or its group's), and group events that name it
    in their ``comment_ids`` (a group it has since left)."""
    from app.triage.models import Response

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
    events = _events(select(AuditEvent).where(or_(*about)))
    # Former groups: the id is in the JSON text; the exact list is checked once parsed.
    needle = f"%{comment.id}%"
    former = [
        AuditEvent.target_type == "group",
        or_(AuditEvent.revision_id == comment.revision_id, AuditEvent.revision_id.is_(None)),
        or_(AuditEvent.after.like(needle), AuditEvent.before.like(needle)),
    ]
    if comment.group_id is not None:
        former.append(or_(AuditEvent.target_id.is_(None), AuditEvent.target_id != comment.group_id))
    former_events = _events(select(AuditEvent).where(*former))
    events += [event for event in former_events if _mentions(event, comment.id)]
    return sorted(events, key=lambda event: (event.at, event.id))


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


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
    conditions = []
    if text and text.strip():
        pattern = _like(text.strip())
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
        pattern = _like(actor.strip())
        conditions.append(
            AuditEvent.actor_id.in_(
                select(User.id).where(
                    or_(
                        User.email.ilike(pattern, escape="\\"),
                        User.name.ilike(pattern, escape="\\"),
                    )
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
    events = _events(
        select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return events, total
