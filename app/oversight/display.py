"""The audit trail in words: what a recorded row's fields and values mean to a reader.

Rows keep codes (``"partly"``, ``"art12.p2"``, a user id, naive-UTC ISO times) so that they stay
exact and searchable; the pages show them through ``describe``: labels in the reader's
language, times in Beijing time, clause keys as citations, ids as names and receipts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, tuple_
from sqlalchemy.orm import aliased

from app.accounts.models import CATEGORY_LABELS, ROLE_LABELS, RepresentativeStatus, User
from app.audit.models import AuditEvent
from app.comments.models import (
    CHANNEL_LABELS,
    CONSENT_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
    TYPE_LABELS,
    Comment,
)
from app.comments.moderation_models import REPORT_REASON_LABELS
from app.core.extensions import db
from app.core.i18n import current_language
from app.core.templating import local_datetime
from app.lineage.models import LINK_KIND_LABELS
from app.measures.models import VISIBILITY_LABELS, Clause, Revision
from app.triage.models import DISPOSITION_LABELS, RESPONSE_STATE_LABELS

FIELD_LABELS = {
    "receipt": _l("Receipt"),
    "clause": _l("Clause"),
    "disposition": _l("Disposition"),
    "type": _l("Type"),
    "stance": _l("Stance"),
    "body": _l("Comment"),
    "proposed": _l("Proposed change"),
    "reason": _l("Reason"),
    "reason_en": _l("Reason (English)"),
    "quote_exact": _l("Quoted text"),
    "consent": _l("Publication"),
    "status": _l("Status"),
    "state": _l("State"),
    "unit": _l("Unit"),
    "official_position": _l("Official position of the unit"),
    "cosigners": _l("Co-signing units"),
    "attachments": _l("Attachments"),
    "content_sha256": _l("Checksum (SHA-256)"),
    "no_comments_cleared": _l("Replaces the unit's “no comments”"),
    "no_comments_at": _l("“No comments” declared"),
    "channel": _l("Channel"),
    "event": _l("Seminar"),
    "author_name": _l("Name"),
    "received_at": _l("Received"),
    "late": _l("Late"),
    "assignee_id": _l("Assigned to"),
    "note_id": _l("Note number"),
    "group_id": _l("Group"),
    "comment_id": _l("Comment"),
    "comment_ids": _l("Comments"),
    "author_id": _l("Author"),
    "approver_id": _l("Approved by"),
    "return_remarks": _l("Remarks"),
    "returned_by_id": _l("Returned by"),
    "response_id": _l("Response"),
    "why": _l("Why"),
    "title": _l("Title"),
    "title_en": _l("Title (English)"),
    "drafting_unit": _l("Drafting unit"),
    "person_in_charge": _l("Person in charge"),
    "phone": _l("Phone"),
    "comments_public": _l("Publication of comments"),
    "names_public": _l("Names published"),
    "opens_at": _l("Period opens"),
    "closes_at": _l("Period closes"),
    "short_period_reason": _l("Reason for a period under 30 days"),
    "extension_reason": _l("Reason for the extension"),
    "email": _l("E-mail address"),
    "name": _l("Name"),
    "role": _l("Role"),
    "active": _l("Active"),
    "representative": _l("Unit representative"),
    "category": _l("Category"),
    "region": _l("Region"),
    "city": _l("City"),
    "held_on": _l("Date"),
    "invited_on": _l("Invited on"),
    "invited_at": _l("Invited on"),
    "note": _l("Note"),
    "filename": _l("File"),
    "size": _l("Size (bytes)"),
    "comments": _l("Comments"),
    "skipped": _l("Rows skipped"),
    "until": _l("Until"),
    "failures": _l("Failed attempts"),
    "from_clause": _l("Clause of the previous revision"),
    "to_clause": _l("Clause of this revision"),
    "link_kind": _l("Relation"),
    "by_hand": _l("Set by hand"),
    "replaces": _l("Replaces the links"),
    "marked_deleted": _l("Marked deleted"),
    "marked_new": _l("Marked new"),
    "confirmation_withdrawn": _l("Confirmation of the alignment withdrawn"),
    "lineage_confirmed_at": _l("Alignment confirmed"),
    "landings": _l("Clauses where the change landed"),
    "landing_revision": _l("Revision where the change landed"),
    "hidden": _l("Hidden from the public"),
    "report_reason": _l("Reported as"),
    "details": _l("Explanation"),
    "reports_closed": _l("Reports closed"),
}

# A field whose meaning depends on the action: an internal note's body is the note.
ACTION_FIELD_LABELS = {("comment.note", "body"): _l("Note")}

REPRESENTATIVE_LABELS = {
    RepresentativeStatus.NONE: _l("Not a representative"),
    RepresentativeStatus.PENDING: _l("Awaiting confirmation"),
    RepresentativeStatus.CONFIRMED: _l("Confirmed"),
    RepresentativeStatus.REFUSED: _l("Declined"),
}

# Values of a field that is always one vocabulary; other fields show their values as stored.
VOCABULARIES = {
    "disposition": DISPOSITION_LABELS,
    "state": RESPONSE_STATE_LABELS,
    "status": STATUS_LABELS,
    "role": ROLE_LABELS,
    "type": TYPE_LABELS,
    "stance": STANCE_LABELS,
    "consent": CONSENT_LABELS,
    "channel": {**CHANNEL_LABELS, "other": _l("Other")},
    "category": CATEGORY_LABELS,
    "comments_public": VISIBILITY_LABELS,
    "representative": REPRESENTATIVE_LABELS,
    "link_kind": LINK_KIND_LABELS,
    "report_reason": REPORT_REASON_LABELS,
    "kind": {"account": _l("Account"), "ip": _l("Network address")},
    "why": {
        "group dissolved": _l("the group was dissolved"),
        "fewer than two members": _l("fewer than two comments were left in the group"),
        "dissolved by the team": _l("dissolved by the team"),
        "comment grouped": _l("the comment was grouped"),
        "groups merged": _l("the groups were merged"),
    },
}
USER_FIELDS = frozenset(
    {"assignee_id", "author_id", "approver_id", "returned_by_id", "no_comments_by_id"}
)
COMMENT_FIELDS = frozenset({"comment_id", "comment_ids"})
TIME_FIELDS = frozenset(
    {
        "opens_at",
        "closes_at",
        "received_at",
        "no_comments_at",
        "invited_at",
        "until",
        "lineage_confirmed_at",
    }
)
# Clause keys of a lineage row: of the previous revision, or of the row's revision.
OLD_CLAUSE_FIELDS = frozenset({"from_clause", "marked_deleted"})
NEW_CLAUSE_FIELDS = frozenset({"to_clause", "marked_new"})


@dataclass(frozen=True, slots=True)
class Line:
    """One field of a row, in words: the value before and after a change, or (``changed``
    False) one value: of what was created or removed, or one that names what changed (the
    receipt of an edited comment)."""

    field: str
    before: str
    after: str
    changed: bool = True


@dataclass(frozen=True, slots=True)
class Described:
    target: str
    lines: list[Line]


class _Names:
    """The users, comments and clauses that a page of events refers to, loaded at once."""

    def __init__(self, events: list[AuditEvent]) -> None:
        user_ids, comment_ids, clause_keys = set(), set(), set()
        self.previous = _previous_revisions(
            {e.revision_id for e in events if e.revision_id and e.action.startswith("lineage.")}
        )
        for event in events:
            if event.target_type == "comment" and event.target_id is not None:
                comment_ids.add(event.target_id)
            for data in (event.before_data, event.after_data):
                for name, value in data.items():
                    if name in USER_FIELDS and isinstance(value, int):
                        user_ids.add(value)
                    elif name in COMMENT_FIELDS:
                        comment_ids.update(v for v in _listed(value) if isinstance(v, int))
                    elif name == "clause" and isinstance(value, str) and event.revision_id:
                        clause_keys.add((event.revision_id, value))
                    else:
                        clause_keys.update(self.lineage_keys(event, name, value))
        self.users = _lookup(select(User.id, User.name).where(User.id.in_(user_ids)), user_ids)
        self.receipts = _lookup(
            select(Comment.id, Comment.receipt).where(Comment.id.in_(comment_ids)), comment_ids
        )
        self.clauses: dict[tuple[int, str], Clause] = {}
        if clause_keys:
            found = db.session.scalars(
                select(Clause).where(tuple_(Clause.revision_id, Clause.key).in_(clause_keys))
            )
            self.clauses = {(c.revision_id, c.key): c for c in found}

    def lineage_keys(self, event: AuditEvent, name: str, value: Any) -> list[tuple[int, str]]:
        """(revision id, key) of the clauses a lineage row names in field ``name``."""
        new_id = event.revision_id
        old_id = self.previous.get(new_id)
        if name in OLD_CLAUSE_FIELDS and isinstance(value, str) and old_id:
            return [(old_id, value)]
        if name in NEW_CLAUSE_FIELDS and isinstance(value, str) and new_id:
            return [(new_id, value)]
        keys = []
        if name == "replaces" and isinstance(value, list):
            for item in value:
                if isinstance(item, list) and len(item) == 3:
                    if item[0] and old_id:
                        keys.append((old_id, item[0]))
                    if item[1] and new_id:
                        keys.append((new_id, item[1]))
        return keys

    def citation(self, revision_id: int | None, key: str | None) -> str:
        clause = self.clauses.get((revision_id, key)) if key else None
        if clause is None:
            return key or "—"
        return clause.citation_in(current_language()) or key


def _previous_revisions(revision_ids: set[int]) -> dict[int, int]:
    """{revision id: id of the revision before it} for the revisions of lineage rows."""
    if not revision_ids:
        return {}
    earlier = aliased(Revision)
    return dict(
        db.session.execute(
            select(Revision.id, earlier.id)
            .join(
                earlier,
                (earlier.measure_id == Revision.measure_id)
                & (earlier.number == Revision.number - 1),
            )
            .where(Revision.id.in_(revision_ids))
        ).all()
    )


def _lookup(query, wanted: set) -> dict:
    return dict(db.session.execute(query).all()) if wanted else {}


def _listed(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def _separator() -> str:
    return ", " if current_language() == "en" else "、"


def _time(value: str) -> str:
    try:
        return local_datetime(datetime.fromisoformat(value))
    except ValueError:
        return value


def _word(name: str, value: Any, event: AuditEvent, names: _Names) -> str:
    """One recorded value in words."""
    if value is None or value == "" or value == []:
        if name == "clause":
            return _("General (whole draft)")
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if name in VOCABULARIES and isinstance(value, str):
        label = VOCABULARIES[name].get(value)
        return str(label) if label is not None else value
    if name in USER_FIELDS and isinstance(value, int):
        return names.users.get(value, f"#{value}")
    if name in COMMENT_FIELDS:
        return _separator().join(names.receipts.get(v, f"#{v}") or f"#{v}" for v in _listed(value))
    if name == "clause" and isinstance(value, str):
        clause = names.clauses.get((event.revision_id, value))
        return (clause.citation_in(current_language()) or value) if clause else value
    if name in OLD_CLAUSE_FIELDS and isinstance(value, str):
        return names.citation(names.previous.get(event.revision_id), value)
    if name in NEW_CLAUSE_FIELDS and isinstance(value, str):
        return names.citation(event.revision_id, value)
    if name == "replaces" and isinstance(value, list):
        return _separator().join(_replaced(item, event, names) for item in value)
    if name in TIME_FIELDS and isinstance(value, str):
        return _time(value)
    if (name.endswith("_id") or name == "event") and isinstance(value, int):
        return f"#{value}"  # a group, response, note or seminar, as its number
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return _separator().join(str(v) for v in value)
    if isinstance(value, str):
        return value
    # Numbers as they are; mappings (group.merge's groups, moved_from) as recorded.
    return json.dumps(value, ensure_ascii=False)


def _replaced(item: Any, event: AuditEvent, names: _Names) -> str:
    """A link replaced by a hand link: 第二条 → 第三条（修改）."""
    if not (isinstance(item, list) and len(item) == 3):
        return json.dumps(item, ensure_ascii=False)
    old_key, new_key, kind = item
    old = names.citation(names.previous.get(event.revision_id), old_key)
    new = names.citation(event.revision_id, new_key)
    label = LINK_KIND_LABELS.get(kind, kind)
    return f"{old} → {new} ({label})" if current_language() == "en" else f"{old} → {new}（{label}）"


def _target(event: AuditEvent, names: _Names) -> str:
    label = str(event.target_label)
    if event.target_type == "comment" and event.target_id in names.receipts:
        return f"{label} {names.receipts[event.target_id]}"
    if event.target_id is None:
        return label
    return f"{label} #{event.target_id}"


_ORDER = {name: index for index, name in enumerate(FIELD_LABELS)}


def describe(events: list[AuditEvent]) -> dict[int, Described]:
    """Each event's object and changes in words, by event id (one query per kind of name)."""
    names = _Names(events)
    described = {}
    for event in events:
        before, after = event.before_data, event.after_data
        fields = sorted({*before, *after}, key=lambda name: (_ORDER.get(name, len(_ORDER)), name))
        lines = []
        for name in fields:
            label = str(
                ACTION_FIELD_LABELS.get((event.action, name)) or FIELD_LABELS.get(name, name)
            )
            old = _word(name, before[name], event, names) if name in before else ""
            new = _word(name, after[name], event, names) if name in after else ""
            if not before or not after:  # created or removed: its values, no arrow
                value = new if after else old
                lines.append(Line(label, value, value, changed=False))
            elif name in before and name in after and before[name] == after[name]:
                lines.append(Line(label, old, new, changed=False))
            else:
                lines.append(Line(label, old, new))
        described[event.id] = Described(_target(event, names), lines)
    return described
