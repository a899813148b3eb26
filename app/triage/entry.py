"""Comments the team enters on someone's behalf: said at a seminar, sent by letter or e-mail.

This is the only way a comment enters after the period closes (the online form refuses
then); such a comment is flagged late. Its texts pass the same checks as an online comment,
and it gets a receipt and checksum the same way.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.accounts.models import Unit, UnitCategory
from app.audit.writer import record
from app.comments.models import Channel, Comment
from app.comments.receipts import content_sha256_of
from app.comments.services import CommentInput, checked_choices, checked_texts, keep_version
from app.comments.writer import write_comment
from app.core.extensions import db
from app.core.refusal import Refused
from app.core.timeutil import local_day_start, to_local
from app.legaltext.citation_reading import GENERAL, MATCHED
from app.measures.citing import citation_index
from app.measures.models import Clause, Revision
from app.triage.models import Event

ENTRY_CHANNELS = (Channel.SEMINAR, Channel.LETTER, Channel.EMAIL)
EDITABLE = ("type", "stance", "body", "proposed", "reason", "consent")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class NewUnit:
    """A unit the team enters by name, category code and region (created if unknown)."""

    name: str
    category: str = UnitCategory.OT.value
    region: str = ""


@dataclass(slots=True)
class EntryInput:
    """What the team typed in the fast entry form, as plain values."""

    author_name: str
    channel: str
    received_on: date
    text: CommentInput
    clause: str = ""  # a key (art12.p2) or a citation (第十二条第二款); empty: the whole draft
    unit_id: int | None = None
    new_unit: NewUnit | None = None
    event_id: int | None = None
    form_token: str = ""  # the form's nonce: a resent form stores one comment


def resolve_clause(revision: Revision, text: str) -> Clause | None:
    """The clause named by a key or by a citation of this revision; None for an empty text or
    one that names the whole draft (总体, 全文, General).

    Citations are read as people write them, by legaltext's reader, as a returned form's
    are: 第十二条第二款, 第12条第2款, 十二条, 12.2, Article 12(2), with spaces ignored. Where an
    article has a single paragraph both share a citation; the article wins. A text that
    names no clause, or several, is refused.
    """
    wanted = _SPACE.sub("", text or "")
    if not wanted:
        return None
    by_key = db.session.scalar(
        select(Clause).where(
            Clause.revision_id == revision.id, Clause.key == wanted, Clause.deleted.is_(False)
        )
    )
    if by_key is not None:  # a key (as imports pass): found without reading every clause
        return by_key
    resolution = citation_index(revision).read(text)
    if resolution.status == GENERAL:
        return None
    if resolution.status == MATCHED:
        return db.session.scalar(
            select(Clause).where(Clause.revision_id == revision.id, Clause.key == resolution.key)
        )
    raise Refused(
        _l(
            "There is no clause “%(clause)s” in this revision. Give a key such as art12.p2 "
            "or a citation such as 第十二条第二款.",
            clause=text.strip(),
        )
    )


def find_or_create_unit(*, new: NewUnit, actor, revision: Revision, now: datetime) -> Unit:
    """The unit of that exact name, or a new one (audited ``unit.create``)."""
    name = _SPACE.sub(" ", new.name or "").strip()
    if not name:
        raise Refused(_l("Please give the unit's name."))
    if len(name) > 200 or len(new.region or "") > 100:
        raise Refused(_l("The unit's name or region is too long."))
    unit = db.session.scalar(select(Unit).filter_by(name=name))
    if unit is not None:
        return unit
    try:
        category = UnitCategory((new.category or UnitCategory.OT.value).strip().upper())
    except ValueError:
        raise Refused(_l("Unknown unit category “%(code)s”.", code=new.category.strip())) from None
    unit = Unit(name=name, category=category, region=(new.region or "").strip(), created_at=now)
    db.session.add(unit)
    db.session.flush()
    record(
        actor=actor,
        action="unit.create",
        target_type="unit",
        target_id=unit.id,
        after={"name": unit.name, "category": category, "region": unit.region},
        revision_id=revision.id,
        at=now,
    )
    return unit


def enter_comment(
    *,
    revision: Revision,
    actor,
    data: EntryInput,
    tz,
    now: datetime,
    channels: tuple[Channel, ...] = ENTRY_CHANNELS,
) -> tuple[Comment, bool]:
    """Store a comment made at a seminar or sent by letter or e-mail, for a named person.

    Returns the comment and whether it is new: a resent form (same nonce) returns the comment
    it already stored. Refuses a channel other than ``channels`` (seminar/letter/email;
    a form import passes its own), a seminar without
    an event, an event or clause of another revision, a received date in the future, and
    texts an online comment could not have. ``late`` is set when the comment was received
    after the period closed. Audited ``comment.enter``.
    """
    if data.form_token:
        earlier = db.session.scalar(select(Comment).filter_by(form_token=data.form_token))
        if earlier is not None and earlier.revision_id == revision.id:
            return earlier, False
    author_name = _SPACE.sub(" ", data.author_name or "").strip()
    if not author_name:
        raise Refused(_l("Please give the name of the person who made the comment."))
    if len(author_name) > 100:
        raise Refused(_l("The person's name is too long."))
    try:
        channel = Channel(data.channel)
    except ValueError:
        channel = None
    if channel not in channels:
        raise Refused(_l("Please choose how the comment came in: seminar, letter or e-mail."))
    event = _event(revision, channel, data.event_id)
    if data.received_on > to_local(now, tz).date():
        raise Refused(_l("The date received cannot be in the future."))
    clause = resolve_clause(revision, data.clause)
    try:
        texts = checked_texts(data.text)
        choices = checked_choices(data.text, revision.measure)
    except Refused as refused:
        raise Refused(refused.message) from None
    unit = sending_unit(data.unit_id, data.new_unit, actor=actor, revision=revision, now=now)
    received_at = local_day_start(data.received_on, tz)

    values = {
        "revision_id": revision.id,
        "clause_id": clause.id if clause is not None else None,
        "author_id": None,
        "author_name": author_name,
        "unit_id": unit.id if unit is not None else None,
        "unit_category": unit.category if unit is not None else UnitCategory.IP,
        "channel": channel,
        "event_id": event.id if event is not None else None,
        "on_behalf_by_id": actor.id,
        "received_at": received_at,
        "late": bool(revision.closes_at and received_at >= revision.closes_at),
        "form_token": data.form_token or secrets.token_urlsafe(24),
        "created_at": now,
        "updated_at": now,
        "quote_exact": "",
        **texts,
        **choices,
    }
    values["content_sha256"] = content_sha256_of(revision, clause, None, values)
    comment = write_comment(
        revision=revision,
        clause=clause,
        values=values,
        actor=actor,
        action="comment.enter",
        after={
            "channel": channel,
            "event": event.id if event is not None else None,
            "author_name": author_name,
            "unit": unit.name if unit is not None else None,
            "received_at": received_at,
            "late": values["late"],
        },
        now=now,
    )
    return comment, True


def _event(revision: Revision, channel: Channel, event_id: int | None) -> Event | None:
    if event_id is None:
        if channel == Channel.SEMINAR:
            raise Refused(_l("A comment made at a seminar needs its seminar."))
        return None
    event = db.session.get(Event, event_id)
    if event is None or event.revision_id != revision.id:
        raise Refused(_l("This event does not belong to this revision."))
    return event


def sending_unit(
    unit_id: int | None, new_unit: NewUnit | None, *, actor, revision: Revision, now: datetime
) -> Unit | None:
    """The unit a comment is recorded for: a new one by name (created if unknown), else the
    one picked by id, else None (an individual)."""
    if new_unit is not None and (new_unit.name or "").strip():
        return find_or_create_unit(new=new_unit, actor=actor, revision=revision, now=now)
    if unit_id is None:
        return None
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        raise Refused(_l("This unit does not exist."))
    return unit


def entered_by_team(comment: Comment) -> bool:
    """A comment the team entered for someone (not a participant's own online comment)."""
    return comment.on_behalf_by_id is not None and comment.author_id is None


def edit_on_behalf(*, comment: Comment, editor, data: CommentInput, now: datetime) -> bool:
    """Correct the text of a comment the team entered, keeping the earlier text as a
    CommentVersion (audited ``comment.edit_on_behalf`` with before/after). False if nothing
    changed. Participants' own comments are theirs to edit, never the team's.
    """
    if not entered_by_team(comment):
        raise Refused(
            _l("Only comments the team entered can be edited here; participants edit their own.")
        )
    try:
        new = {**checked_texts(data), **checked_choices(data, comment.revision.measure)}
    except Refused as refused:
        raise Refused(refused.message) from None
    before = {
        name: getattr(comment, name) for name in EDITABLE if getattr(comment, name) != new[name]
    }
    if not before:
        return False
    keep_version(comment, editor=editor, now=now)
    for name in before:
        setattr(comment, name, new[name])
    comment.updated_at = now
    comment.content_sha256 = content_sha256_of(
        comment.revision,
        comment.clause,
        None,
        {name: getattr(comment, name) for name in (*EDITABLE, "quote_exact")},
    )
    db.session.flush()
    record(
        actor=editor,
        action="comment.edit_on_behalf",
        target_type="comment",
        target_id=comment.id,
        before=before,
        after={name: new[name] for name in before},
        revision_id=comment.revision_id,
        at=now,
    )
    return True


__all__ = [
    "ENTRY_CHANNELS",
    "EntryInput",
    "NewUnit",
    "edit_on_behalf",
    "enter_comment",
    "entered_by_team",
    "find_or_create_unit",
    "resolve_clause",
    "sending_unit",
]
