"""The audit trail: every change made through the platform (by the team, admins and
participants), with who, when, before and after.

The model and its labels. ``app.audit.writer`` is the only writer; ``app.audit.queries`` reads
the trail; ``app.oversight`` puts the rows into words for the audit page. Rows are never changed
or deleted through the application: the model refuses an UPDATE or DELETE of a stored row.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.extensions import db
from app.core.timeutil import utcnow

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
    "comment.report": _l("Published comment reported by a reader"),
    "comment.hide": _l("Comment hidden from the public"),
    "comment.unhide": _l("Comment shown to the public again"),
    "comment.reports_dismiss": _l("Reports closed, comment kept public"),
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
    "response.landings": _l("Clauses where the answer's change landed set"),
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
    "comment.split": _l("Letter split into comments"),
    "letter.record": _l("Letter recorded to split"),
    "lineage.link": _l("Clause link set by hand"),
    "lineage.unlink": _l("Clause link removed"),
    "lineage.confirm": _l("Alignment with the previous revision confirmed"),
    "revision.upload": _l("Next revision uploaded (unpublished)"),
    "revision.replace": _l("Text of the unpublished revision replaced"),
    "revision.publish": _l("Revision published"),
    "revision.close": _l("Comment period closed by the next revision"),
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
    "clause_link": _l("Clause link"),
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

    # The account by its class name, resolved when the mappers configure: accounts is a higher
    # area, which audit does not import (not even for the annotation).
    actor: Mapped[User | None] = relationship("User")  # noqa: F821

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
